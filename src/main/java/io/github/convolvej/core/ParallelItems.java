package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import net.imglib2.parallel.TaskExecutor;

/**
 * The one loop that spreads work over threads: items {@code 0..count-1}
 * (tiles, FFT tiles, parts of a pass, row chunks of window sums) run on the
 * threads of an ImgLib2 {@link TaskExecutor} (the caller's, from
 * {@code Parallelization}; single-threaded in tests that ask for it), each
 * thread taking the next item not yet taken, so that threads that get less
 * of the machine do fewer items and all finish together. Cancellation is
 * checked before each item and progress counted after it.
 */
public final class ParallelItems {

	/** The work of one thread, item by item; made once per thread, so it may keep buffers. */
	@FunctionalInterface
	public interface ItemTask {
		void run(int item);
	}

	private ParallelItems() {}

	/**
	 * Runs the items on at most as many threads as the executor has.
	 *
	 * @param progress told the fraction of items done (never backwards) and asked whether to stop
	 */
	public static void forEach(final int count, final TaskExecutor executor, final ProgressListener progress, final Supplier< ItemTask > tasks) {
		final int n = Math.max(1, Math.min(count, executor.getParallelism()));
		final AtomicInteger next = new AtomicInteger();
		final ProgressCount done = new ProgressCount(progress, count, Math.max(1, count / 1000));
		if (n == 1) {
			final ItemTask task = tasks.get();
			for (int item = 0; item < count; item++) {
				progress.checkCancelled();
				task.run(item);
				done.step();
			}
			progress.checkCancelled();
			return;
		}
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
}
