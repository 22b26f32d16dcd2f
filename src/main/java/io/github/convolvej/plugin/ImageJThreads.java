package io.github.convolvej.plugin;

import ij.Prefs;
import net.imglib2.parallel.Parallelization;

/**
 * Work on as many threads as ImageJ's <em>Parallel threads</em> setting
 * (Edit › Options › Memory &amp; Threads) allows, as ImageJ's own filters
 * do. The core takes its threads from ImgLib2's {@link Parallelization}
 * context, so the setting reaches every engine without being passed down.
 */
final class ImageJThreads {

	/** Work that gives a result or fails with {@code E}. */
	@FunctionalInterface
	interface Work< T, E extends Exception > {
		T call() throws E;
	}

	private ImageJThreads() {}

	/** The work's result; what it throws comes through as it was thrown. */
	static < T, E extends Exception > T call(final Work< T, E > work) throws E {
		final int threads = Prefs.getThreads();
		if (threads >= Runtime.getRuntime().availableProcessors())
			return work.call(); // ImageJ's default: every core, the core's own default too
		// the Runnable form: the Callable one would wrap a checked exception in a RuntimeException
		final Object[] result = new Object[1];
		final Exception[] failure = new Exception[1];
		Parallelization.runWithNumThreads(threads, () -> {
			try {
				result[0] = work.call();
			} catch (final Exception e) {
				failure[0] = e;
			}
		});
		if (failure[0] instanceof RuntimeException)
			throw (RuntimeException) failure[0];
		if (failure[0] != null)
			throw ImageJThreads.< E >checked(failure[0]);
		@SuppressWarnings("unchecked")
		final T t = (T) result[0];
		return t;
	}

	/** What {@link Work#call} threw that is not a RuntimeException: an {@code E}. */
	@SuppressWarnings("unchecked")
	private static < E extends Exception > E checked(final Exception e) {
		return (E) e;
	}
}
