package io.github.convolvej.core;

import java.util.List;
import java.util.Locale;

/**
 * An option's value with the name dialogs show and macros write, and any
 * other names it answers to when read back ({@link Labels#find}). Implemented
 * by enums, whose {@code name()} gives the default label.
 */
public interface Labelled {

	/** The constant's name, as {@link Enum#name()} gives it. */
	String name();

	/**
	 * The name used in dialogs and macros: by default the constant's name as
	 * words, first letter capital ({@code PROPAGATE} is {@code Propagate},
	 * {@code SAME_AS_INPUT} would be {@code Same as input}).
	 */
	default String label() {
		final String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	/** Every name this answers to, its label first (others: SciPy's, OpenCV's, short ones). */
	default List< String > names() {
		return List.of(label());
	}
}
