package io.github.convolvej.core.match;

import java.util.Locale;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * A mirror of a 2-D template, as Match Template searches it and its table
 * names it: {@code HORIZONTAL} swaps left and right, {@code VERTICAL} top
 * and bottom, {@code BOTH} does both (a half turn).
 */
public enum Flip implements Labelled {

	NONE, HORIZONTAL, VERTICAL, BOTH;

	/**
	 * The mirrors searched for the option {@code flip=<this>}: the template
	 * itself and its mirror, or for {@code BOTH} all four.
	 */
	public Flip[] searched() {
		switch (this) {
			case NONE:
				return new Flip[] { NONE };
			case BOTH:
				return values();
			default:
				return new Flip[] { NONE, this };
		}
	}

	boolean mirrorsX() {
		return this == HORIZONTAL || this == BOTH;
	}

	boolean mirrorsY() {
		return this == VERTICAL || this == BOTH;
	}

	/**
	 * Parses a label, ignoring case.
	 *
	 * @throws IllegalArgumentException naming the accepted labels
	 */
	public static Flip fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown flip '" + t + "'. Use one of: " + String.join(", ", Labels.of(values())) + ".");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
