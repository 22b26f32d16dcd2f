package io.github.convolvej.ij;

import ij.Macro;

/**
 * Reading and writing ImageJ macro options strings
 * ({@code key=value key=[value with spaces] flag}), the way ImageJ's
 * GenericDialog and Recorder do, for every ConvolveJ command's settings.
 */
public final class MacroOptions {

	private MacroOptions() {}

	/**
	 * The value of {@code key}, brackets removed, or null when absent;
	 * {@link Macro#getValue} does the reading.
	 */
	public static String value(final String options, final String key) {
		if (options == null)
			return null;
		// Macro.getValue needs a space after the last unbracketed value
		return Macro.getValue(options + " ", key, null);
	}

	/** The number at {@code key}, {@code fallback} when absent. */
	public static double number(final String options, final String key, final double fallback) {
		final String v = value(options, key);
		return v == null ? fallback : parseNumber(key, v);
	}

	/**
	 * True when {@code key} stands alone (a checkbox's macro form) outside
	 * bracketed and quoted values, as GenericDialog tests it.
	 */
	public static boolean flag(final String options, final String key) {
		if (options == null)
			return false;
		int depth = 0;
		boolean inQuote = false;
		for (int i = 0; i < options.length(); i++) {
			final char c = options.charAt(i);
			if (inQuote) {
				inQuote = c != '\'';
				continue;
			}
			if (c == '[')
				depth++;
			else if (c == ']')
				depth = Math.max(0, depth - 1);
			else if (c == '\'' && i > 0 && options.charAt(i - 1) == '=')
				inQuote = true;
			if (depth > 0 || !options.startsWith(key, i) || i > 0 && !Character.isWhitespace(options.charAt(i - 1)))
				continue;
			final int end = i + key.length();
			if (end == options.length() || Character.isWhitespace(options.charAt(end)))
				return true;
		}
		return false;
	}

	/** {@code text} as a value: in brackets when it has spaces or characters that would end it early. */
	public static String quote(final String text) {
		if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '[' || c == ']' || c == '=' || c == '\''))
			return "[" + text + "]";
		return text;
	}

	/** A number as the shortest text that parses back to it exactly. */
	public static String format(final double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15)
			return Long.toString((long) v);
		return Double.toString(v);
	}

	/** @throws IllegalArgumentException naming the key and the bad text */
	public static double parseNumber(final String key, final String text) {
		try {
			return Double.parseDouble(text.trim());
		} catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Cannot read " + key + "='" + text + "' as a number. Give a plain number, e.g. " + key + "=0 or " + key + "=-1.5.");
		}
	}
}
