package io.github.convolvej.core;

import java.util.List;

/**
 * The engine that computes a convolution. All give the same numbers within
 * 1e-4 relative; {@link #AUTO} picks the fastest for the image and kernel.
 */
public enum Algorithm {
	AUTO("Auto"), DIRECT("Direct"), SEPARABLE("Separable"), FFT("FFT");

	private final String label;

	Algorithm(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static String[] labels() {
		return Labels.of(values(), Algorithm::label);
	}

	public static Algorithm fromLabel(final String text) {
		return Labels.find(values(), text, a -> List.of(a.label), t -> "Unknown algorithm '" + t + "'. Use Auto, Direct, Separable or FFT.");
	}
}
