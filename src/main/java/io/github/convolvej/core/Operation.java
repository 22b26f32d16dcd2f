package io.github.convolvej.core;

/**
 * Convolution or correlation. With {@code F} the extended image, {@code k} the
 * kernel and {@code a} its anchor:
 * <ul>
 * <li>correlate: {@code out[n] = sum_j conj(k[j]) F[n + j - a]}</li>
 * <li>convolve: {@code out[n] = sum_j k[j] F[n - j + a]}</li>
 * </ul>
 * so that {@code convolve(f, k, a) == correlate(f, conj(flip(k)), K-1-a)}.
 */
public enum Operation {
	CONVOLVE("convolved"), CORRELATE("correlated");

	private final String pastTense;

	Operation(final String pastTense) {
		this.pastTense = pastTense;
	}

	/** "convolved" or "correlated", for result titles. */
	public String pastTense() {
		return pastTense;
	}

	/**
	 * The kernel whose plain weighted sum {@code out[n] = sum_j w[j] F[n + j - a']}
	 * gives this operation: {@code conj(k)} for correlation, {@code flip(k)}
	 * (anchor {@code K-1-a}) for convolution.
	 */
	public Kernel weights(final Kernel kernel) {
		return this == CORRELATE ? kernel.conjugate() : kernel.flip();
	}
}
