package io.github.convolvej.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.convolvej.core.ProgressCount;
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

	/** The work of one task, item by item; made once per task, so it may keep buffers. */
	interface ItemTask {
		void run(int item);
	}

	private LineRanges() {}

	/**
	 * Runs items {@code 0..count-1} on as many tasks as the executor has
	 * threads, each task taking the next item not yet taken: threads that get
	 * less of the machine (other processes, uneven items) do fewer items, and
	 * all finish together. Progress and cancellation are checked after each
	 * item.
	 */
	static void runEach(final int count, final TaskExecutor executor, final ProgressListener progress, final Supplier< ItemTask > tasks) {
		final int n = Math.max(1, Math.min(count, executor.getParallelism()));
		final AtomicInteger next = new AtomicInteger();
		final ProgressCount done = new ProgressCount(progress, count, 1);
		final List< Runnable > runnables = new ArrayList<>(n);
		for (int t = 0; t < n; t++)
			runnables.add(() -> {
				final ItemTask task = tasks.get();
				int item;
				while ((item = next.getAndIncrement()) < count) {
					progress.checkCancelled();
					task.run(item);
					done.step();
				}
			});
		executor.runAll(runnables);
		progress.checkCancelled();
	}

	static void run(final int count, final TaskExecutor executor, final ProgressListener progress, final RangeTask task) {
		final int tasks = Math.max(1, Math.min(count, executor.suggestNumberOfTasks()));
		final ProgressCount done = new ProgressCount(progress, count, count / 100);
		final List< Runnable > runnables = new ArrayList<>(tasks);
		for (int t = 0; t < tasks; t++) {
			final int from = (int) ((long) count * t / tasks);
			final int to = (int) ((long) count * (t + 1) / tasks);
			runnables.add(() -> task.run(from, to, () -> {
				if (done.step())
					progress.checkCancelled();
			}));
		}
		executor.runAll(runnables);
		progress.checkCancelled();
	}
}
