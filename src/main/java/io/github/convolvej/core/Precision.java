package io.github.convolvej.core;

import java.util.Locale;

/**
 * How a 32-bit result's sums are accumulated. {@link #FLOAT}: the direct
 * engine may sum in float with the JDK's Vector API when the runtime has it
 * (8-, 16-bit and float images; within 1e-5 relative of the double sums on
 * every reference case); {@link #DOUBLE}: every sum in double, as the 64-bit
 * result always is. Where no vector engine is present both are the double
 * sums.
 */
public enum Precision implements Labelled {
	FLOAT, DOUBLE;

	/** {@code float} or {@code double}, as Java writes the types. */
	@Override
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Precision fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown precision '" + t + "'. Use float or double.");
	}
}
