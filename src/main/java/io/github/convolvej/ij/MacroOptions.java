package io.github.convolvej.ij;

import java.util.Locale;

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

	/**
	 * Reads {@code anchor=}: {@code center} (or blank) gives null, coordinates
	 * such as {@code [1,0]}, {@code 1,0} or {@code 1 0 2} give them x first.
	 *
	 * @param object what the anchor lies in ("kernel", "template"), for the message
	 * @throws IllegalArgumentException naming the bad text and the accepted forms
	 */
	public static int[] parseAnchor(final String text, final String object) {
		String t = text == null ? "" : text.trim();
		while (t.length() >= 2 && (t.startsWith("[") && t.endsWith("]") || t.startsWith("(") && t.endsWith(")")))
			t = t.substring(1, t.length() - 1).trim();
		final String lower = t.toLowerCase(Locale.ROOT);
		if (lower.isEmpty() || lower.equals("center") || lower.equals("centre") || lower.equals("default"))
			return null;
		final String[] parts = t.split("[,;\\s]+");
		final int[] a = new int[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				a[i] = Integer.parseInt(parts[i]);
		} catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Cannot read anchor '" + text + "'. Use anchor=center, or whole-number " + object + " coordinates counted from 0: anchor=[x,y] or anchor=[x,y,z].");
		}
		return a;
	}

	/** {@code center} for null, else {@code [x,y(,z)]}: what {@link #parseAnchor} reads back. */
	public static String anchorText(final int[] anchor) {
		if (anchor == null)
			return "center";
		final StringBuilder sb = new StringBuilder("[");
		for (int d = 0; d < anchor.length; d++)
			sb.append(d == 0 ? "" : ",").append(anchor[d]);
		return sb.append(']').toString();
	}
}
