package io.github.convolvej.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * Splits {@code count} independent work items (output lines, planes) into
 * contiguous ranges, one task each, runs them on an executor, reports progress
 * and checks for cancellation between items: the "boring part" that every
 * engine shares.
 */
final class LineRanges {

	/** The work for items {@code from..to-1}, checking {@code tick} after each. */
	interface RangeTask {
		void run(int from, int to, Runnable tick);
	}

	private LineRanges() {}

	static void run(final int count, final TaskExecutor executor, final ProgressListener progress, final RangeTask task) {
		final int tasks = Math.max(1, Math.min(count, executor.suggestNumberOfTasks()));
		final AtomicLong done = new AtomicLong();
		final int reportEvery = Math.max(1, count / 100);
		final List< Runnable > runnables = new ArrayList<>(tasks);
		for (int t = 0; t < tasks; t++) {
			final int from = (int) ((long) count * t / tasks);
			final int to = (int) ((long) count * (t + 1) / tasks);
			runnables.add(() -> task.run(from, to, () -> {
				final long d = done.incrementAndGet();
				if (d % reportEvery == 0) {
					progress.checkCancelled();
					progress.progress((double) d / count);
				}
			}));
		}
		executor.runAll(runnables);
		progress.checkCancelled();
	}
}
