package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reading and writing ImageJ macro options strings
 * ({@code key=value key=[value with spaces] flag}), the way ImageJ's
 * GenericDialog and Recorder write them, for every ConvolveJ command's settings.
 */
public final class MacroOptions {

	private MacroOptions() {}

	/** One {@code key=value}, or a {@code flag} standing alone (its value null). */
	public static final class Entry {
		public final String key;
		public final String value;

		Entry(final String key, final String value) {
			this.key = key;
			this.value = value;
		}
	}

	/**
	 * The options string's keys and values, in order. A value in brackets runs
	 * to its matching bracket, nested ones included ({@code kernel=[[1,2],[3,4]]}),
	 * so a key written inside a bracketed value is part of that value.
	 *
	 * @throws IllegalArgumentException when a bracket or quote is never closed
	 */
	public static List< Entry > entries(final String options) {
		final List< Entry > entries = new ArrayList<>();
		if (options == null)
			return entries;
		final int n = options.length();
		int i = 0;
		while (true) {
			while (i < n && Character.isWhitespace(options.charAt(i)))
				i++;
			if (i >= n)
				return entries;
			final int keyStart = i;
			while (i < n && !Character.isWhitespace(options.charAt(i)) && options.charAt(i) != '=')
				i++;
			final String key = options.substring(keyStart, i);
			if (i >= n || options.charAt(i) != '=') {
				entries.add(new Entry(key, null));
				continue;
			}
			i++; // past '='
			final int valueStart = i;
			if (i < n && (options.charAt(i) == '[' || options.charAt(i) == '\'')) {
				final int close = closing(options, i, key);
				entries.add(new Entry(key, options.substring(valueStart + 1, close)));
				i = close + 1;
			} else {
				while (i < n && !Character.isWhitespace(options.charAt(i)))
					i++;
				entries.add(new Entry(key, options.substring(valueStart, i)));
			}
		}
	}

	/** Where the bracket or quote opened at {@code open} closes. */
	private static int closing(final String options, final int open, final String key) {
		final char opening = options.charAt(open);
		if (opening == '\'') {
			final int close = options.indexOf('\'', open + 1);
			if (close < 0)
				throw new IllegalArgumentException("The value of " + key + "= opens a quote (') that is never closed: " + options.substring(open) + ". Close it.");
			return close;
		}
		int depth = 0;
		for (int j = open; j < options.length(); j++) {
			final char c = options.charAt(j);
			if (c == '[')
				depth++;
			else if (c == ']' && --depth == 0)
				return j;
		}
		throw new IllegalArgumentException("The value of " + key + "= opens a bracket '[' that is never closed: " + options.substring(open)
				+ ". Close it with ']', e.g. " + key + "=[1 2; 3 4].");
	}

	/**
	 * The value of {@code key}, brackets removed, or null when absent; the
	 * first one when the key is given twice.
	 */
	public static String value(final String options, final String key) {
		for (final Entry e : entries(options))
			if (e.key.equals(key) && e.value != null)
				return e.value;
		return null;
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
		for (final Entry e : entries(options))
			if (e.key.equals(key) && e.value == null)
				return true;
		return false;
	}

	/**
	 * What is wrong with the options' keys: a key the command does not know
	 * (with the nearest known one and the whole list), or a key given more
	 * than once. Empty when all is well.
	 *
	 * @param accepted the command's keys
	 */
	public static List< String > keyProblems(final String options, final Collection< String > accepted) {
		final List< String > problems = new ArrayList<>();
		final Set< String > seen = new HashSet<>();
		final Set< String > repeated = new LinkedHashSet<>();
		for (final Entry e : entries(options)) {
			if (e.key.startsWith("]") || e.key.startsWith(")"))
				problems.add("A stray '" + e.key.charAt(0) + "' follows the options before it: brackets pair up, as in kernel=[1 2; 3 4] or kernel=[gaussian(2)].");
			else if (!accepted.contains(e.key)) {
				final String near = nearest(e.key, accepted);
				problems.add("Unknown key '" + e.key + "'" + (near == null ? "" : " (did you mean '" + near + "'?)") + ". Keys: " + String.join(", ", accepted) + ".");
			} else if (!seen.add(e.key))
				repeated.add(e.key);
		}
		for (final String key : repeated)
			problems.add("The key '" + key + "' is given more than once; give it once (the first, " + key + "=" + quote(String.valueOf(value(options, key))) + ", is used).");
		return problems;
	}

	/** The accepted key within two edits of {@code key}, or null. */
	private static String nearest(final String key, final Collection< String > accepted) {
		String best = null;
		int bestDistance = 3;
		for (final String a : accepted) {
			final int d = editDistance(key.toLowerCase(Locale.ROOT), a);
			if (d < bestDistance) {
				best = a;
				bestDistance = d;
			}
		}
		return best;
	}

	private static int editDistance(final String a, final String b) {
		int[] previous = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++)
			previous[j] = j;
		for (int i = 1; i <= a.length(); i++) {
			final int[] row = new int[b.length() + 1];
			row[0] = i;
			for (int j = 1; j <= b.length(); j++)
				row[j] = Math.min(Math.min(row[j - 1], previous[j]) + 1, previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
			previous = row;
		}
		return previous[b.length()];
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
