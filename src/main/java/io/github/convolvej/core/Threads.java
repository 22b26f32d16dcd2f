package io.github.convolvej.core;

import net.imglib2.parallel.Parallelization;

/**
 * Work on a given number of threads: ImgLib2's {@link Parallelization}
 * context is set for it, and every engine takes its threads from that
 * context. What the work throws comes through as it was thrown (the context's
 * own {@code Callable} form would wrap a checked exception).
 *
 * <pre>
 * Img&lt;FloatType&gt; blurred = Threads.call(2, () -&gt; Convolution.convolve(img, kernel));
 * </pre>
 */
public final class Threads {

	/** Work that gives a result or fails with {@code E}. */
	@FunctionalInterface
	public interface Work< T, E extends Exception > {
		T call() throws E;
	}

	private Threads() {}

	/** The work's result, computed with {@code threads} threads (at least 1). */
	public static < T, E extends Exception > T call(final int threads, final Work< T, E > work) throws E {
		if (threads < 1)
			throw new IllegalArgumentException("Give at least 1 thread, not " + threads + ".");
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
			throw Threads.< E >checked(failure[0]);
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
