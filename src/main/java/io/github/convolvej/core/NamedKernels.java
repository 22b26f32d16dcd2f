package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The kernels that have names, written in kernel text as {@code laplace},
 * {@code box(3)} or {@code gaussian(2, 1.5)} (case does not matter, nor do
 * spaces, nor {@code -} or {@code _} inside a name: {@code Sobel_X} is
 * {@code sobel-x}). Rows are written top to bottom:
 *
 * <table>
 * <caption>Named kernels</caption>
 * <tr><th>name</th><th>kernel</th></tr>
 * <tr><td>{@code box(n)}</td><td>n x n, every entry 1/n²</td></tr>
 * <tr><td>{@code gaussian(sigma)}, {@code gaussian(sx,sy)},
 * {@code gaussian(sx,sy,sz)}</td><td>sampled Gaussian, radius
 * {@code (int)(4*sigma + 0.5)} per axis, the product of 1-D weights that each
 * sum to 1 (what {@code scipy.ndimage.gaussian_filter} applies); 3-D with
 * three sigmas</td></tr>
 * <tr><td>{@code laplace}</td><td>{@code 0 1 0; 1 -4 1; 0 1 0}</td></tr>
 * <tr><td>{@code sobel-x}, {@code sobel-y}</td><td>{@code -1 0 1; -2 0 2; -1 0 1} and its transpose</td></tr>
 * <tr><td>{@code prewitt-x}, {@code prewitt-y}</td><td>{@code -1 0 1; -1 0 1; -1 0 1} and its transpose</td></tr>
 * <tr><td>{@code scharr}</td><td>{@code -3-3i -10i 3-3i; -10 0 10; -3+3i 10i 3+3i} (complex)</td></tr>
 * <tr><td>{@code emboss}</td><td>{@code -2 -1 0; -1 1 1; 0 1 2}</td></tr>
 * <tr><td>{@code sharpen}</td><td>{@code 0 -1 0; -1 5 -1; 0 -1 0}</td></tr>
 * <tr><td>{@code ripple}</td><td>{@code 0 -1 √2; 1 0 -1; -√2 1 0}</td></tr>
 * </table>
 */
public final class NamedKernels {

	/**
	 * Largest number of entries a box or Gaussian may have (1 GiB of doubles):
	 * a clear message instead of running out of memory on {@code gaussian(1000)}.
	 */
	public static final long MAX_ENTRIES = 1L << 27;

	/** How a name is used; its arguments are checked by the factory. */
	private static final class Definition {
		final String usage;
		final int minArgs;
		final int maxArgs;
		final String matrix; // fixed kernels: their text
		final String argumentText; // what the arguments are, for messages

		Definition(final String usage, final int minArgs, final int maxArgs, final String matrix, final String argumentText) {
			this.usage = usage;
			this.minArgs = minArgs;
			this.maxArgs = maxArgs;
			this.matrix = matrix;
			this.argumentText = argumentText;
		}
	}

	/** Keyed by the name in lower case without '-' and '_'. */
	private static final Map< String, Definition > DEFINITIONS = new LinkedHashMap<>();
	static {
		DEFINITIONS.put("box", new Definition("box(n)", 1, 1, null, "one argument, its size, as in box(3)"));
		DEFINITIONS.put("gaussian", new Definition("gaussian(sigma)", 1, 3, null,
				"one sigma per axis (1 or 2 for 2-D, 3 for 3-D), as in gaussian(2) or gaussian(2, 1.5)"));
		fixed("laplace", "0 1 0; 1 -4 1; 0 1 0");
		fixed("sobel-x", "-1 0 1; -2 0 2; -1 0 1");
		fixed("sobel-y", "-1 -2 -1; 0 0 0; 1 2 1");
		fixed("prewitt-x", "-1 0 1; -1 0 1; -1 0 1");
		fixed("prewitt-y", "-1 -1 -1; 0 0 0; 1 1 1");
		fixed("scharr", "-3-3i -10i 3-3i; -10 0 10; -3+3i 10i 3+3i");
		fixed("emboss", "-2 -1 0; -1 1 1; 0 1 2");
		fixed("sharpen", "0 -1 0; -1 5 -1; 0 -1 0");
		fixed("ripple", "0 -1 1.4142135623730951; 1 0 -1; -1.4142135623730951 1 0");
	}

	private static void fixed(final String name, final String matrix) {
		DEFINITIONS.put(key(name), new Definition(name, 0, 0, matrix, "no arguments"));
	}

	private NamedKernels() {}

	/**
	 * The names as kernel text uses them: {@code box(n)}, {@code gaussian(sigma)},
	 * {@code gaussian(sx,sy)}, {@code gaussian(sx,sy,sz)}, {@code laplace}, ...
	 */
	public static List< String > names() {
		final List< String > names = new ArrayList<>();
		for (final Definition d : DEFINITIONS.values()) {
			names.add(d.usage);
			if (d.usage.startsWith("gaussian")) {
				names.add("gaussian(sx,sy)");
				names.add("gaussian(sx,sy,sz)");
			}
		}
		return Collections.unmodifiableList(names);
	}

	/** An n x n kernel of 1/n². */
	public static Kernel box(final int n) {
		if (n < 1)
			throw new IllegalArgumentException("The size of a box kernel must be at least 1, got " + n + ".");
		if ((long) n * n > MAX_ENTRIES)
			throw new IllegalArgumentException("box(" + n + ") would have " + (long) n * n + " entries; at most " + MAX_ENTRIES + " are allowed.");
		final double[] v = new double[n * n];
		java.util.Arrays.fill(v, 1.0 / ((double) n * n));
		return Kernel.of(v, n, n);
	}

	/**
	 * A sampled Gaussian: one sigma gives an isotropic 2-D kernel, two give
	 * 2-D (x, y), three give 3-D (x, y, z). Each axis has
	 * {@link #gaussianWeights(double)}; the kernel is their product.
	 */
	public static Kernel gaussian(final double... sigmas) {
		if (sigmas.length < 1 || sigmas.length > 3)
			throw new IllegalArgumentException("A Gaussian kernel takes 1 to 3 sigmas (x, y, z), got " + sigmas.length + ".");
		final double[][] weights = new double[sigmas.length == 1 ? 2 : sigmas.length][];
		double entries = 1; // a double cannot overflow here
		for (int d = 0; d < weights.length; d++) {
			final double sigma = sigmas[sigmas.length == 1 ? 0 : d];
			checkSigma(sigma);
			entries *= 2 * Math.floor(4 * sigma + 0.5) + 1;
		}
		if (entries > MAX_ENTRIES)
			throw new IllegalArgumentException("A Gaussian with sigma " + sigmaText(sigmas) + " is too large: it would have more than " + MAX_ENTRIES
					+ " entries. Use smaller sigmas.");
		final int[] dims = new int[weights.length];
		for (int d = 0; d < weights.length; d++) {
			weights[d] = gaussianWeights(sigmas[sigmas.length == 1 ? 0 : d]);
			dims[d] = weights[d].length;
		}
		final double[] v = new double[(int) entries];
		final int[] pos = new int[dims.length];
		for (int i = 0; i < v.length; i++) {
			double p = 1;
			for (int d = 0; d < dims.length; d++)
				p *= weights[d][pos[d]];
			v[i] = p;
			for (int d = 0; d < dims.length; d++) {
				if (++pos[d] < dims[d])
					break;
				pos[d] = 0;
			}
		}
		return Kernel.of(v, dims);
	}

	/**
	 * 1-D Gaussian weights {@code exp(-x²/(2 sigma²))} for x = -r .. r with
	 * r = {@code (int)(4*sigma + 0.5)}, divided by their sum: SciPy's
	 * {@code _gaussian_kernel1d(sigma, 0, r)}, as {@code gaussian_filter} uses
	 * with its default {@code truncate=4}.
	 */
	public static double[] gaussianWeights(final double sigma) {
		checkSigma(sigma);
		if (2 * Math.floor(4 * sigma + 0.5) + 1 > MAX_ENTRIES)
			throw new IllegalArgumentException("A Gaussian with sigma " + sigmaText(sigma) + " is too large: it would have more than " + MAX_ENTRIES
					+ " weights. Use a smaller sigma.");
		final int r = (int) (4 * sigma + 0.5);
		final double[] w = new double[2 * r + 1];
		final double c = -0.5 / (sigma * sigma); // SciPy's order of operations
		double sum = 0;
		for (int x = -r; x <= r; x++) {
			// x = 0 is 1 even when sigma² underflows (where SciPy would give 0 * -inf)
			w[x + r] = x == 0 ? 1 : Math.exp(c * ((double) x * x));
			sum += w[x + r];
		}
		for (int i = 0; i < w.length; i++)
			w[i] /= sum;
		return w;
	}

	private static String sigmaText(final double... sigmas) {
		final StringBuilder sb = new StringBuilder();
		for (final double sigma : sigmas)
			sb.append(sb.length() == 0 ? "" : ", ").append(sigma == Math.rint(sigma) && Math.abs(sigma) < 1e15 ? String.valueOf((long) sigma) : String.valueOf(sigma));
		return sb.toString();
	}

	private static void checkSigma(final double sigma) {
		if (!(sigma > 0) || !Double.isFinite(sigma))
			throw new IllegalArgumentException("A Gaussian's sigma must be a positive number, got " + sigma + ".");
	}

	private static String key(final String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/**
	 * True when the text starts (after spaces and an optional '[') with a word
	 * that begins with a letter and is not a number such as {@code i} or
	 * {@code NaN}: then it must be a name.
	 */
	static boolean looksLikeName(final String text) {
		int i = skipSpaces(text, 0);
		if (i < text.length() && text.charAt(i) == '[')
			i = skipSpaces(text, i + 1);
		if (i >= text.length() || !Character.isLetter(text.charAt(i)))
			return false;
		int end = i;
		while (end < text.length() && !KernelTokens.endsWord(text.charAt(end)))
			end++;
		final String word = text.substring(i, end).replaceAll("(?i)nan|infinity|inf", "1");
		return KernelTokens.parseComplex(word) == null;
	}

	/** Reads {@code name}, {@code name(args)}, optionally in '[ ]'. */
	static Kernel parse(final String text) {
		int i = skipSpaces(text, 0);
		final boolean bracket = text.charAt(i) == '[';
		if (bracket)
			i = skipSpaces(text, i + 1);
		final int nameStart = i;
		while (i < text.length() && isNameChar(text.charAt(i)))
			i++;
		final String name = text.substring(nameStart, i);
		final Definition def = DEFINITIONS.get(key(name));
		if (def == null)
			throw new KernelSyntaxException("Unknown kernel name '" + KernelParser.quote(name) + "' at " + KernelParser.where(text, nameStart)
					+ ". Known names: " + String.join(", ", names()) + ". Or write a matrix, as in 0 1 0; 1 -4 1; 0 1 0.", nameStart);
		i = skipSpaces(text, i);
		final List< Double > args = new ArrayList<>();
		final List< Integer > argPositions = new ArrayList<>();
		if (i < text.length() && text.charAt(i) == '(') {
			i = readArguments(text, i + 1, def, args, argPositions);
		}
		if (bracket) {
			if (i >= text.length() || text.charAt(i) != ']')
				throw new KernelSyntaxException(i >= text.length() ? "Missing ']' at the end of the kernel (" + KernelParser.where(text, i)
						+ "), to close the '[' before " + name + "." : unexpected(text, i, def), i);
			i = skipSpaces(text, i + 1);
		}
		if (i < text.length())
			throw new KernelSyntaxException(unexpected(text, i, def), i);
		if (args.size() < def.minArgs || args.size() > def.maxArgs)
			throw new KernelSyntaxException("'" + name + "' at " + KernelParser.where(text, nameStart) + " takes " + def.argumentText + "; got "
					+ args.size() + (args.size() == 1 ? " argument" : " arguments") + ".", nameStart);
		if (def.matrix != null)
			return KernelParser.parseMatrix(def.matrix);
		if (def.usage.startsWith("box")) {
			final double n = args.get(0);
			if (n != Math.rint(n) || n < 1)
				throw new KernelSyntaxException("The size '" + KernelParser.quote(word(text, argPositions.get(0))) + "' of box at "
						+ KernelParser.where(text, argPositions.get(0)) + " must be a whole number of at least 1, as in box(3).", argPositions.get(0));
			if (n * n > MAX_ENTRIES)
				throw new KernelSyntaxException("The size '" + KernelParser.quote(word(text, argPositions.get(0))) + "' of box at "
						+ KernelParser.where(text, argPositions.get(0)) + " is too large: a box has at most " + MAX_ENTRIES + " entries.", argPositions.get(0));
			return box((int) n);
		}
		final double[] sigmas = new double[args.size()];
		for (int a = 0; a < sigmas.length; a++) {
			sigmas[a] = args.get(a);
			if (!(sigmas[a] > 0))
				throw new KernelSyntaxException("The sigma '" + KernelParser.quote(word(text, argPositions.get(a))) + "' of gaussian at "
						+ KernelParser.where(text, argPositions.get(a)) + " must be a positive number, as in gaussian(2).", argPositions.get(a));
		}
		return rethrowAt(text, name, nameStart, () -> gaussian(sigmas));
	}

	/**
	 * Reads numbers separated by commas or spaces up to ')'; returns the index
	 * after it.
	 */
	private static int readArguments(final String text, int i, final Definition def, final List< Double > args, final List< Integer > positions) {
		boolean afterArgument = false;
		while (true) {
			i = skipSpaces(text, i);
			if (i >= text.length())
				throw new KernelSyntaxException("Missing ')' at the end of the kernel (" + KernelParser.where(text, i) + "): close the arguments, as in "
						+ example(def) + ".", i);
			final char c = text.charAt(i);
			if (c == ')')
				return skipSpaces(text, i + 1);
			if (c == ',') {
				if (!afterArgument)
					throw new KernelSyntaxException("Missing number before ',' at " + KernelParser.where(text, i) + ": write the arguments as in "
							+ example(def) + ".", i);
				afterArgument = false;
				i++;
				continue;
			}
			final String w = word(text, i);
			if (!KernelTokens.REAL.matcher(w.replace('\u2212', '-')).matches())
				throw new KernelSyntaxException("Cannot read '" + KernelParser.quote(w) + "' at " + KernelParser.where(text, i) + ": " + def.usage.replaceAll("\\(.*", "")
						+ " takes " + def.argumentText + ".", i);
			args.add(Double.parseDouble(w.replace('\u2212', '-')));
			positions.add(i);
			afterArgument = true;
			i += w.length();
		}
	}

	/** The run of characters at {@code i} up to a space or one of {@code , ( ) [ ] ; |}. */
	private static String word(final String text, final int i) {
		int end = i;
		while (end < text.length() && !KernelTokens.endsWord(text.charAt(end)) && text.charAt(end) != '(' && text.charAt(end) != ')')
			end++;
		return end == i ? text.substring(i, i + 1) : text.substring(i, end);
	}

	private static String unexpected(final String text, final int i, final Definition def) {
		return "Unexpected '" + KernelParser.quote(word(text, i)) + "' at " + KernelParser.where(text, i) + " after the kernel name: write it as "
				+ example(def) + ".";
	}

	private static String example(final Definition def) {
		if (def.usage.startsWith("box"))
			return "box(3)";
		if (def.usage.startsWith("gaussian"))
			return "gaussian(2) or gaussian(2, 1.5)";
		return def.usage;
	}

	private interface KernelMaker {
		Kernel make();
	}

	/** The public factories' size errors, with the position added. */
	private static Kernel rethrowAt(final String text, final String name, final int position, final KernelMaker maker) {
		try {
			return maker.make();
		} catch (final KernelSyntaxException e) {
			throw e;
		} catch (final IllegalArgumentException e) {
			throw new KernelSyntaxException(e.getMessage().replaceAll("\\.$", "") + " ('" + name + "' at " + KernelParser.where(text, position) + ").", position);
		}
	}

	private static boolean isNameChar(final char c) {
		return Character.isLetterOrDigit(c) || c == '-' || c == '_';
	}

	private static int skipSpaces(final String text, int i) {
		while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))))
			i++;
		return i;
	}
}
