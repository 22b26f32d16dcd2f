package io.github.convolvej.core;

/**
 * The engine that computes a convolution. All give the same numbers within
 * 1e-4 relative; {@link #AUTO} picks the fastest for the image and kernel.
 */
public enum Algorithm implements Labelled {
	AUTO, DIRECT, SEPARABLE, FFT;

	/** {@code Auto}, {@code Direct}, {@code Separable}, {@code FFT}. */
	@Override
	public String label() {
		return this == FFT ? name() : Labelled.super.label();
	}

	public static Algorithm fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown algorithm '" + t + "'. Use Auto, Direct, Separable or FFT.");
	}
}
