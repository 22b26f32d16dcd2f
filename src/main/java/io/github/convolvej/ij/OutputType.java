package io.github.convolvej.ij;

import java.util.List;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * The pixel type of a result image: 32-bit float (no clipping, so negative
 * values of an edge filter survive) or the source's own type, rounded half
 * up and clipped to its range as {@code np.clip(...).astype(np.uint8)} does
 * (0..255 for 8-bit and for each RGB channel, 0..65535 for 16-bit).
 */
public enum OutputType implements Labelled {
	FLOAT, SAME_AS_INPUT;

	/** The name in dialogs and macros: {@code 32-bit} or {@code Same as input}. */
	@Override
	public String label() {
		return this == FLOAT ? "32-bit" : Labelled.super.label();
	}

	@Override
	public List< String > names() {
		return this == FLOAT ? List.of(label(), "32", "float", "32-bit float") : List.of(label(), "same");
	}

	/**
	 * Parses a label, ignoring case; {@code float}, {@code 32} and
	 * {@code same} are accepted too.
	 *
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static OutputType fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown output '" + t + "'. Use output=32-bit or output=[Same as input].");
	}
}
