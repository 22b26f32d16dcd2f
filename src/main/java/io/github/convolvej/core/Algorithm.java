package io.github.convolvej.core;

/**
 * The engine that computes a convolution. All give the same numbers within
 * 1e-4 relative; {@link #AUTO} picks the fastest for the image and kernel.
 */
public enum Algorithm implements Labelled {
	AUTO("Auto"), DIRECT("Direct"), SEPARABLE("Separable"), FFT("FFT");

	private final String label;

	Algorithm(final String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	public static String[] labels() {
		return Labels.of(values());
	}

	public static Algorithm fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown algorithm '" + t + "'. Use Auto, Direct, Separable or FFT.");
	}
}
