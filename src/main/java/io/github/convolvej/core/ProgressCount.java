package io.github.convolvej.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of {@code total} items done by several threads: each thread
 * counts its items here, and the fraction reported never goes back, as it
 * would if two threads counted and then reported in the other order.
 */
public final class ProgressCount {

	private final ProgressListener progress;
	private final long total;
	private final long every;
	private final AtomicLong done = new AtomicLong();
	private long reported;

	/** @param every report after every {@code every}-th item (and the last) */
	public ProgressCount(final ProgressListener progress, final long total, final long every) {
		this.progress = progress;
		this.total = Math.max(1, total);
		this.every = Math.max(1, every);
	}

	/** One more item done; true when this step reported. */
	public boolean step() {
		final long d = done.incrementAndGet();
		if (d % every != 0 && d != total)
			return false;
		synchronized (this) {
			if (d <= reported)
				return false;
			reported = d;
			progress.progress((double) d / total);
			return true;
		}
	}
}
