package io.github.convolvej.core;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An option's names, as dialogs show them and macros write them, read back
 * into its constant the same way for every option: ignoring case, spaces
 * around the text and repeated spaces inside it.
 */
public final class Labels {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private Labels() {}

	/** The labels of {@code values}, in order, for a dialog's choice. */
	public static < E > String[] of(final E[] values, final Function< E, String > label) {
		final String[] labels = new String[values.length];
		for (int i = 0; i < values.length; i++)
			labels[i] = label.apply(values[i]);
		return labels;
	}

	/**
	 * The constant one of whose names is {@code text}.
	 *
	 * @param names a constant's names: its label, then any other it answers to
	 * @param unknown the message for a text no constant answers to, given the text as it came
	 * @throws IllegalArgumentException with that message
	 */
	public static < E > E find(final E[] values, final String text, final Function< E, List< String > > names, final Function< String, String > unknown) {
		final String t = normal(text);
		for (final E e : values)
			for (final String name : names.apply(e))
				if (normal(name).equals(t))
					return e;
		throw new IllegalArgumentException(unknown.apply(text));
	}

	private static String normal(final String text) {
		return text == null ? "" : SPACES.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
	}
}
