package io.github.convolvej.core;

/**
 * How a 32-bit result's sums are accumulated. {@link #FLOAT}: the direct
 * engine may sum in float with the JDK's Vector API when the runtime has it
 * (8-, 16-bit and float images; within 1e-5 relative of the double sums on
 * every reference case); {@link #DOUBLE}: every sum in double, as the 64-bit
 * result always is. Where no vector engine is present both are the double
 * sums.
 */
public enum Precision implements Labelled {
	FLOAT("float"), DOUBLE("double");

	private final String label;

	Precision(final String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	public static String[] labels() {
		return Labels.of(values());
	}

	public static Precision fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown precision '" + t + "'. Use float or double.");
	}
}
