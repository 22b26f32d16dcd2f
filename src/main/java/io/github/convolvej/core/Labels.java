package io.github.convolvej.core;

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
	public static String[] of(final Labelled[] values) {
		final String[] labels = new String[values.length];
		for (int i = 0; i < values.length; i++)
			labels[i] = values[i].label();
		return labels;
	}

	/**
	 * The value one of whose {@link Labelled#names} is {@code text}.
	 *
	 * @param unknown the message for a text no constant answers to, given the text as it came
	 * @throws IllegalArgumentException with that message
	 */
	public static < E extends Labelled > E find(final E[] values, final String text, final Function< String, String > unknown) {
		final String t = normal(text);
		for (final E e : values)
			for (final String name : e.names())
				if (normal(name).equals(t))
					return e;
		throw new IllegalArgumentException(unknown.apply(text));
	}

	/**
	 * {@code value}, which an option setter needs.
	 *
	 * @param what the option, as the message names it ("boundary")
	 * @throws IllegalArgumentException for null, listing the choices
	 */
	public static < E extends Labelled > E required(final E value, final String what, final E[] choices) {
		if (value == null)
			throw new IllegalArgumentException("No " + what + " given. Use one of: " + String.join(", ", of(choices)) + ".");
		return value;
	}

	private static String normal(final String text) {
		return text == null ? "" : SPACES.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
	}
}
