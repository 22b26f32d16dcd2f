package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the text of a kernel matrix into entries and separators, each with
 * its character index, so that errors can point at what they name.
 * <p>
 * An entry is a run of characters up to whitespace or one of {@code , ; | [ ]};
 * it must read as a real ({@code -2}, {@code 2.5E+2}), an imaginary
 * ({@code -10j}, {@code i}) or a complex number ({@code 3-3i}). A line break
 * is one token, several line breaks with only spaces between are one blank
 * line.
 */
final class KernelTokens {

	enum Type {
		NUMBER, COMMA, SEMICOLON, NEWLINE, BLANK_LINE, BAR, OPEN, CLOSE
	}

	static final class Token {
		final Type type;
		final int position;
		final String text;
		final double re;
		final double im;

		Token(final Type type, final int position, final String text, final double re, final double im) {
			this.type = type;
			this.position = position;
			this.text = text;
			this.re = re;
			this.im = im;
		}

		boolean isLineBreak() {
			return type == Type.NEWLINE || type == Type.BLANK_LINE;
		}
	}

	/** An unsigned decimal number with an optional exponent. */
	static final String UNSIGNED = "(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?";

	static final Pattern REAL = Pattern.compile("[+-]?" + UNSIGNED);

	private static final Pattern IMAGINARY = Pattern.compile("([+-]?)(" + UNSIGNED + ")?[ijIJ]");

	private static final Pattern COMPLEX = Pattern.compile("([+-]?" + UNSIGNED + ")([+-])(" + UNSIGNED + ")?[ijIJ]");

	private static final Pattern NON_FINITE_WORD = Pattern.compile("(?i)nan|infinity|inf");

	private KernelTokens() {}

	/** The tokens of {@code text}; throws for an entry that is not a finite number. */
	static List< Token > of(final String text) {
		final List< Token > tokens = new ArrayList<>();
		final int n = text.length();
		int i = 0;
		while (i < n) {
			final char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				final int start = i;
				int breaks = 0;
				while (i < n) {
					final char d = text.charAt(i);
					if (d == '\r') {
						breaks++;
						i++;
						if (i < n && text.charAt(i) == '\n')
							i++;
					} else if (d == '\n') {
						breaks++;
						i++;
					} else if (isSpace(d))
						i++;
					else
						break;
				}
				tokens.add(new Token(breaks > 1 ? Type.BLANK_LINE : Type.NEWLINE, start, "", 0, 0));
			} else if (isSpace(c))
				i++;
			else if (separator(c) != null) {
				tokens.add(new Token(separator(c), i, String.valueOf(c), 0, 0));
				i++;
			} else {
				final int start = i;
				while (i < n && !endsWord(text.charAt(i)))
					i++;
				tokens.add(number(text, text.substring(start, i), start));
			}
		}
		return tokens;
	}

	/** Spaces, tabs and no-break spaces: everything blank except line breaks. */
	static boolean isSpace(final char c) {
		return c != '\n' && c != '\r' && (Character.isWhitespace(c) || Character.isSpaceChar(c));
	}

	/** Characters that end an entry (or an argument word). */
	static boolean endsWord(final char c) {
		return c == '\n' || c == '\r' || isSpace(c) || separator(c) != null;
	}

	private static Type separator(final char c) {
		switch (c) {
			case ',':
				return Type.COMMA;
			case ';':
				return Type.SEMICOLON;
			case '|':
				return Type.BAR;
			case '[':
				return Type.OPEN;
			case ']':
				return Type.CLOSE;
			default:
				return null;
		}
	}

	private static Token number(final String text, final String word, final int position) {
		final double[] value = parseComplex(word);
		if (value == null) {
			if (parseComplex(NON_FINITE_WORD.matcher(word).replaceAll("1")) != null)
				throw new KernelSyntaxException("'" + KernelParser.quote(word) + "' at " + KernelParser.where(text, position)
						+ " is not a finite number; a kernel must be finite: write each entry as a number, as in 0.5 or 3-3i.", position);
			throw new KernelSyntaxException("Cannot read '" + KernelParser.quote(word) + "' at " + KernelParser.where(text, position) + " of the kernel. "
					+ KernelParser.SYNTAX, position);
		}
		if (!Double.isFinite(value[0]) || !Double.isFinite(value[1]))
			throw new KernelSyntaxException("'" + KernelParser.quote(word) + "' at " + KernelParser.where(text, position)
					+ " is too large for a double; a kernel must be finite: use entries of magnitude below 1.7E308.", position);
		return new Token(Type.NUMBER, position, word, value[0], value[1]);
	}

	/**
	 * {real, imaginary} of a word such as {@code 2}, {@code -1.5e3},
	 * {@code 10i}, {@code -j}, {@code 3-3i}, {@code 1e-3+2.5E+2J}; null when
	 * it is none of these. U+2212 (the typographic minus) counts as '-'.
	 */
	static double[] parseComplex(final String word) {
		final String w = word.replace('\u2212', '-');
		if (REAL.matcher(w).matches())
			return new double[] { Double.parseDouble(w), 0 };
		Matcher m = IMAGINARY.matcher(w);
		if (m.matches())
			return new double[] { 0, signed(m.group(1), m.group(2)) };
		m = COMPLEX.matcher(w);
		if (m.matches())
			return new double[] { Double.parseDouble(m.group(1)), signed(m.group(2), m.group(3)) };
		return null;
	}

	/** A coefficient that may be only a sign: {@code -i} is {@code -1i}. */
	private static double signed(final String sign, final String digits) {
		final double v = digits == null ? 1 : Double.parseDouble(digits);
		return "-".equals(sign) ? -v : v;
	}
}
