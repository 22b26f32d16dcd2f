package io.github.convolvej.core;

import java.util.Arrays;
import java.util.Locale;

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
		return Arrays.stream(values()).map(Algorithm::label).toArray(String[]::new);
	}

	public static Algorithm fromLabel(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final Algorithm a : values())
			if (a.label.toLowerCase(Locale.ROOT).equals(t))
				return a;
		throw new IllegalArgumentException("Unknown algorithm '" + text + "'. Use Auto, Direct, Separable or FFT.");
	}
}
