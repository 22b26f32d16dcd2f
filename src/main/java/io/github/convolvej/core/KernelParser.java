package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.List;

import io.github.convolvej.core.KernelTokens.Token;
import io.github.convolvej.core.KernelTokens.Type;

/**
 * Reads kernel text: a named kernel ({@link NamedKernels}) or a matrix.
 * <p>
 * A matrix has numbers separated by spaces or commas, rows separated by
 * {@code ;} or line breaks, Z planes by {@code |} or a blank line, and may be
 * surrounded by {@code [ ]}. Python's nested lists work too:
 * {@code [[1,2],[3,4]]} and {@code [[[...]],[[...]]]}. Rows are written top
 * to bottom: text row r is y = r, column c is x = c, plane p is z = p. One
 * plane gives a 2-D kernel (a single row {@code 1 2 3} is 3x1), several give a
 * 3-D one. Empty rows and planes (a trailing {@code ;}) are skipped.
 */
final class KernelParser {

	/** The accepted syntax, briefly, for error messages. */
	static final String SYNTAX = "Write numbers separated by spaces or commas, rows separated by ';' or new lines, planes by '|' or a blank line, "
			+ "complex entries as 3-3i, or a name: " + String.join(", ", NamedKernels.names()) + ".";

	private final String text;

	private KernelParser(final String text) {
		this.text = text;
	}

	static Kernel parse(final String text) {
		if (text == null)
			throw new KernelSyntaxException("No kernel text was given. " + SYNTAX, -1);
		if (text.trim().isEmpty())
			throw new KernelSyntaxException("The kernel text is empty. " + SYNTAX, 0);
		if (NamedKernels.looksLikeName(text))
			return NamedKernels.parse(text);
		return parseMatrix(text);
	}

	/** Reads {@code text} as a matrix (no names). */
	static Kernel parseMatrix(final String text) {
		return new KernelParser(text).read(KernelTokens.of(text));
	}

	/** Where {@code position} is, 1-based: "character 9" or "character 9 (line 2, column 3)". */
	static String where(final String text, final int position) {
		final String at = "character " + (position + 1);
		if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0)
			return at;
		int line = 1, lineStart = 0;
		for (int i = 0; i < position && i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
				line++;
				lineStart = i + 1;
			}
		}
		return at + " (line " + line + ", column " + (position - lineStart + 1) + ")";
	}

	/** A token as the messages show it: at most 40 characters. */
	static String quote(final String token) {
		return token.length() <= 40 ? token : token.substring(0, 37) + "...";
	}

	/** One row of entries and where it starts. */
	private static final class Row {
		final int position;
		final List< Token > entries = new ArrayList<>();

		Row(final int position) {
			this.position = position;
		}
	}

	/** One Z plane of rows and where it starts. */
	private static final class Plane {
		final int position;
		final List< Row > rows = new ArrayList<>();

		Plane(final int position) {
			this.position = position;
		}
	}

	private Kernel read(final List< Token > tokens) {
		final int depth = checkBrackets(tokens);
		final List< Plane > planes;
		if (depth <= 1)
			planes = readFlat(withoutOuterBrackets(tokens));
		else
			planes = readNested(tokens, depth);
		return toKernel(planes);
	}

	/**
	 * Checks that brackets are balanced, that one pair surrounds everything
	 * when there are any, and that they nest at most 3 deep; returns the
	 * deepest level.
	 */
	private int checkBrackets(final List< Token > tokens) {
		int depth = 0, deepest = 0;
		boolean contentBefore = false, closed = false;
		final List< Token > open = new ArrayList<>();
		for (final Token t : tokens) {
			if (t.isLineBreak())
				continue;
			if (closed)
				throw new KernelSyntaxException("Unexpected '" + quote(t.text) + "' at " + where(text, t.position)
						+ " after the closing ']': brackets surround the whole kernel, as in [1 2; 3 4] or [[1,2],[3,4]].", t.position);
			if (t.type == Type.OPEN) {
				if (depth == 0 && contentBefore)
					throw new KernelSyntaxException("Unexpected '[' at " + where(text, t.position)
							+ " of the kernel: brackets surround the whole kernel, as in [1 2; 3 4] or [[1,2],[3,4]].", t.position);
				depth++;
				open.add(t);
				if (depth > 3)
					throw new KernelSyntaxException("The '[' at " + where(text, t.position)
							+ " nests brackets " + depth + " deep, but a kernel has at most 3 axes (x, y, z): write [[[1,2],[3,4]],[[5,6],[7,8]]] for 3-D.",
							t.position);
				deepest = Math.max(deepest, depth);
			} else if (t.type == Type.CLOSE) {
				if (depth == 0)
					throw new KernelSyntaxException("Unexpected ']' at " + where(text, t.position) + " of the kernel: no '[' is open.", t.position);
				depth--;
				open.remove(open.size() - 1);
				closed = depth == 0;
			} else
				contentBefore = true;
		}
		if (depth > 0) {
			final int p = open.get(open.size() - 1).position;
			throw new KernelSyntaxException("Missing ']' to close the '[' at " + where(text, p) + " of the kernel.", p);
		}
		return deepest;
	}

	/** The tokens inside the one pair of brackets, or all when there is none. */
	private static List< Token > withoutOuterBrackets(final List< Token > tokens) {
		int first = -1, last = -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.get(i).type == Type.OPEN)
				first = i;
			else if (tokens.get(i).type == Type.CLOSE)
				last = i;
		}
		return first < 0 ? tokens : tokens.subList(first + 1, last);
	}

	/** Rows by ';' or line break, planes by '|' or blank line. */
	private List< Plane > readFlat(final List< Token > tokens) {
		final List< Plane > planes = new ArrayList<>();
		Plane plane = null;
		Row row = null;
		boolean afterEntry = false;
		for (final Token t : tokens) {
			switch (t.type) {
				case NUMBER:
					if (plane == null)
						plane = new Plane(t.position);
					if (row == null) {
						row = new Row(t.position);
						plane.rows.add(row);
					}
					row.entries.add(t);
					afterEntry = true;
					break;
				case COMMA:
					if (!afterEntry)
						throw missingNumberBefore(t);
					afterEntry = false;
					break;
				case SEMICOLON:
				case NEWLINE:
					row = null;
					afterEntry = false;
					break;
				case BAR:
				case BLANK_LINE:
					if (plane != null)
						planes.add(plane);
					plane = null;
					row = null;
					afterEntry = false;
					break;
				default:
					throw new IllegalStateException("bracket inside a flat matrix at " + t.position); // checkBrackets rules this out
			}
		}
		if (plane != null)
			planes.add(plane);
		return planes;
	}

	/**
	 * Python's nested lists: the innermost lists (at {@code deepest}) are rows,
	 * the lists one level up are planes. Line breaks are plain spaces here.
	 */
	private List< Plane > readNested(final List< Token > tokens, final int deepest) {
		final List< Plane > planes = new ArrayList<>();
		Plane plane = null;
		Row row = null;
		int depth = 0;
		boolean afterItem = false;
		for (final Token t : tokens) {
			switch (t.type) {
				case OPEN:
					depth++;
					if (depth == deepest - 1)
						plane = new Plane(t.position);
					else if (depth == deepest) {
						row = new Row(t.position);
						plane.rows.add(row);
					}
					afterItem = false;
					break;
				case CLOSE:
					if (depth == deepest - 1)
						planes.add(plane);
					depth--;
					afterItem = true;
					break;
				case NUMBER:
					if (depth != deepest)
						throw new KernelSyntaxException("'" + quote(t.text) + "' at " + where(text, t.position)
								+ " is not inside a row's brackets: with nested brackets every number belongs to an innermost list, as in [[1,2],[3,4]].",
								t.position);
					row.entries.add(t);
					afterItem = true;
					break;
				case COMMA:
					if (!afterItem)
						throw missingNumberBefore(t);
					afterItem = false;
					break;
				case SEMICOLON:
				case BAR:
					throw new KernelSyntaxException("'" + t.text + "' at " + where(text, t.position)
							+ " cannot be mixed with nested brackets: write rows either as [[1,2],[3,4]] or as 1 2; 3 4.", t.position);
				default: // line breaks
					break;
			}
		}
		return planes;
	}

	private KernelSyntaxException missingNumberBefore(final Token comma) {
		return new KernelSyntaxException("Missing number before ',' at " + where(text, comma.position) + " of the kernel. " + SYNTAX, comma.position);
	}

	/** Checks that rows and planes agree in size and lays the entries out x fastest. */
	private Kernel toKernel(final List< Plane > planes) {
		long count = 0;
		for (final Plane p : planes)
			for (final Row r : p.rows)
				count += r.entries.size();
		if (count == 0)
			throw new KernelSyntaxException("The kernel '" + quote(text.trim()) + "' has no numbers. " + SYNTAX, 0);
		final boolean stack = planes.size() > 1;
		final Plane first = planes.get(0);
		final int height = first.rows.size();
		final int width = height == 0 ? 0 : first.rows.get(0).entries.size();
		for (int z = 0; z < planes.size(); z++) {
			final Plane p = planes.get(z);
			if (p.rows.size() != height)
				throw new KernelSyntaxException("Plane " + (z + 1) + " has " + rows(p.rows.size()) + " but plane 1 has " + rows(height)
						+ ": every plane needs the same number of rows. Plane " + (z + 1) + " starts at " + where(text, p.position) + ".", p.position);
			for (int y = 0; y < p.rows.size(); y++) {
				final Row r = p.rows.get(y);
				if (r.entries.size() != width)
					throw new KernelSyntaxException(rowName(y, z, stack) + " has " + numbers(r.entries.size()) + " but " + rowName(0, 0, stack).toLowerCase()
							+ " has " + numbers(width) + ": every row needs the same number of entries. " + rowName(y, z, stack) + " starts at "
							+ where(text, r.position) + ".", r.position);
			}
		}
		final int n = (int) count;
		final double[] re = new double[n];
		final double[] im = new double[n];
		int i = 0;
		for (final Plane p : planes)
			for (final Row r : p.rows)
				for (final Token t : r.entries) {
					re[i] = t.re;
					im[i] = t.im;
					i++;
				}
		return stack ? Kernel.complex(re, im, width, height, planes.size()) : Kernel.complex(re, im, width, height);
	}

	private static String rowName(final int y, final int z, final boolean stack) {
		return "Row " + (y + 1) + (stack ? " of plane " + (z + 1) : "");
	}

	private static String rows(final int n) {
		return n + (n == 1 ? " row" : " rows");
	}

	private static String numbers(final int n) {
		return n + (n == 1 ? " number" : " numbers");
	}
}
