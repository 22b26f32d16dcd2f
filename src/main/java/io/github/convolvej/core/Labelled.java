package io.github.convolvej.core;

import java.util.List;

/**
 * An option's value with the name dialogs show and macros write, and any
 * other names it answers to when read back ({@link Labels#find}).
 */
public interface Labelled {

	/** The name used in dialogs and macros. */
	String label();

	/** Every name this answers to, its label first (others: SciPy's, OpenCV's, short ones). */
	default List< String > names() {
		return List.of(label());
	}
}
