package io.github.convolvej.plugin;

import ij.Prefs;
import io.github.convolvej.core.Threads;

/**
 * Work on as many threads as ImageJ's <em>Parallel threads</em> setting
 * (Edit › Options › Memory &amp; Threads) allows, as ImageJ's own filters do.
 */
final class ImageJThreads {

	private ImageJThreads() {}

	/** The work's result; what it throws comes through as it was thrown. */
	static < T, E extends Exception > T call(final Threads.Work< T, E > work) throws E {
		final int threads = Prefs.getThreads();
		if (threads >= Runtime.getRuntime().availableProcessors())
			return work.call(); // ImageJ's default: every core, the core's own default too
		return Threads.call(threads, work);
	}
}
