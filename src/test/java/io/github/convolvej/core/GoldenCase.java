package io.github.convolvej.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * One reference case of {@code golden/cases.jsonl} (SciPy, OpenCV and
 * scikit-image outputs; see its README): a JSON object per line, read with
 * the small parser below. Arrays are flat, x fastest, with their sizes x
 * first, so {@link Array#img()} reads them as they are.
 */
public final class GoldenCase {

	/** The resource every case is read from. */
	public static final String RESOURCE = "/golden/cases.jsonl";

	/** An N-D array of a case: sizes x first, values x fastest, imaginary part or null. */
	public static final class Array {
		public final int[] dims;
		public final double[] re;
		public final double[] im;

		Array(final Map< String, Object > json) {
			dims = ints(json.get("dims"));
			re = doubles(json.get("re"));
			im = json.containsKey("im") ? doubles(json.get("im")) : null;
			long n = 1;
			for (final int d : dims)
				n *= d;
			if (re.length != n || im != null && im.length != n)
				throw new IllegalArgumentException("Array of sizes " + java.util.Arrays.toString(dims) + " holds " + re.length + " values.");
		}

		public long[] longDims() {
			final long[] l = new long[dims.length];
			for (int d = 0; d < dims.length; d++)
				l[d] = dims[d];
			return l;
		}

		/** The real part as an image. */
		public Img< DoubleType > img() {
			return ArrayImgs.doubles(re, longDims());
		}

		public boolean isComplex() {
			return im != null;
		}

		/** The largest absolute value of real and imaginary parts. */
		public double maxAbs() {
			double m = 0;
			for (final double v : re)
				m = Math.max(m, Math.abs(v));
			if (im != null)
				for (final double v : im)
					m = Math.max(m, Math.abs(v));
			return m;
		}
	}

	public final String id;
	/** {@code signal2d}, {@code complex2d}, {@code ndimage}, {@code nd} or {@code match}. */
	public final String family;
	/** {@code convolve} or {@code correlate}; null for {@code match}. */
	public final String op;
	/** {@code match} only: {@code sqdiff}, {@code sqdiff_normed}, {@code ccorr}, {@code ccorr_normed}, {@code ccoeff}, {@code ccoeff_normed}. */
	public final String method;
	public final String mode;
	public final String boundary;
	public final double value;
	/** Per axis, x first. */
	public final int[] anchor;
	public final Array image;
	/** Null for {@code match}. */
	public final Array kernel;
	/** {@code match} only, else null. */
	public final Array template;
	public final Array expected;
	/** {@code match} only: top-left corner (x, y) where the template was cut from the image; else null. */
	public final int[] best;
	public final String oracle;

	@SuppressWarnings("unchecked")
	GoldenCase(final Map< String, Object > json) {
		id = (String) json.get("id");
		family = (String) json.get("family");
		op = (String) json.get("op");
		method = (String) json.get("method");
		mode = (String) json.get("mode");
		boundary = (String) json.get("boundary");
		value = ((Number) json.get("value")).doubleValue();
		anchor = ints(json.get("anchor"));
		image = new Array((Map< String, Object >) json.get("image"));
		kernel = json.containsKey("kernel") ? new Array((Map< String, Object >) json.get("kernel")) : null;
		template = json.containsKey("template") ? new Array((Map< String, Object >) json.get("template")) : null;
		expected = new Array((Map< String, Object >) json.get("expected"));
		best = json.containsKey("best") ? ints(json.get("best")) : null;
		oracle = (String) json.get("oracle");
	}

	public boolean isMatch() {
		return "match".equals(family);
	}

	public Operation operation() {
		return "correlate".equals(op) ? Operation.CORRELATE : Operation.CONVOLVE;
	}

	public OutputMode outputMode() {
		return OutputMode.fromLabel(mode);
	}

	public Boundary boundaryRule() {
		return Boundary.fromLabel(boundary);
	}

	/** The case's kernel (complex when it has an imaginary part) with the case's anchor. */
	public Kernel kernelWithAnchor() {
		final Kernel k = kernel.isComplex() ? Kernel.complex(kernel.re, kernel.im, kernel.dims) : Kernel.of(kernel.re, kernel.dims);
		return k.withAnchor(anchor);
	}

	@Override
	public String toString() {
		return id;
	}

	/** Every case of the resource, in file order. */
	public static List< GoldenCase > all() {
		final List< GoldenCase > cases = new ArrayList<>();
		try (InputStream in = GoldenCase.class.getResourceAsStream(RESOURCE)) {
			if (in == null)
				throw new IllegalStateException(RESOURCE + " is not on the test class path.");
			final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = r.readLine()) != null)
				if (!line.trim().isEmpty())
					cases.add(parse(line));
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return Collections.unmodifiableList(cases);
	}

	/** The cases of one family. */
	public static List< GoldenCase > family(final String family) {
		final List< GoldenCase > l = new ArrayList<>();
		for (final GoldenCase c : all())
			if (c.family.equals(family))
				l.add(c);
		return l;
	}

	@SuppressWarnings("unchecked")
	public static GoldenCase parse(final String line) {
		final Object json = new Json(line).document();
		if (!(json instanceof Map))
			throw new IllegalArgumentException("A case must be a JSON object: " + line.substring(0, Math.min(60, line.length())));
		return new GoldenCase((Map< String, Object >) json);
	}

	private static int[] ints(final Object o) {
		final List< ? > l = (List< ? >) o;
		final int[] a = new int[l.size()];
		for (int i = 0; i < a.length; i++) {
			final double v = ((Number) l.get(i)).doubleValue();
			if (v != Math.rint(v))
				throw new IllegalArgumentException("Expected a whole number, got " + v + ".");
			a[i] = (int) v;
		}
		return a;
	}

	private static double[] doubles(final Object o) {
		final List< ? > l = (List< ? >) o;
		final double[] a = new double[l.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = ((Number) l.get(i)).doubleValue();
		return a;
	}

	/**
	 * A minimal JSON reader (RFC 8259 values: objects as maps in key order,
	 * arrays as lists, numbers as Double, strings, booleans, null).
	 */
	static final class Json {
		private final String s;
		private int at;

		Json(final String text) {
			s = text;
		}

		Object document() {
			final Object v = value();
			skipSpace();
			if (at != s.length())
				throw error("text after the value");
			return v;
		}

		private Object value() {
			skipSpace();
			if (at >= s.length())
				throw error("a value");
			final char c = s.charAt(at);
			switch (c) {
				case '{':
					return object();
				case '[':
					return array();
				case '"':
					return string();
				case 't':
					return word("true", Boolean.TRUE);
				case 'f':
					return word("false", Boolean.FALSE);
				case 'n':
					return word("null", null);
				default:
					return number();
			}
		}

		private Map< String, Object > object() {
			final Map< String, Object > m = new LinkedHashMap<>();
			at++;
			skipSpace();
			if (peek() == '}') {
				at++;
				return m;
			}
			while (true) {
				skipSpace();
				if (peek() != '"')
					throw error("a key");
				final String key = string();
				skipSpace();
				expect(':');
				m.put(key, value());
				skipSpace();
				if (peek() == ',') {
					at++;
					continue;
				}
				expect('}');
				return m;
			}
		}

		private List< Object > array() {
			final List< Object > l = new ArrayList<>();
			at++;
			skipSpace();
			if (peek() == ']') {
				at++;
				return l;
			}
			while (true) {
				l.add(value());
				skipSpace();
				if (peek() == ',') {
					at++;
					continue;
				}
				expect(']');
				return l;
			}
		}

		private String string() {
			expect('"');
			final StringBuilder b = new StringBuilder();
			while (true) {
				if (at >= s.length())
					throw error("the end of a string");
				final char c = s.charAt(at++);
				if (c == '"')
					return b.toString();
				if (c != '\\') {
					b.append(c);
					continue;
				}
				final char e = s.charAt(at++);
				switch (e) {
					case 'n':
						b.append('\n');
						break;
					case 't':
						b.append('\t');
						break;
					case 'r':
						b.append('\r');
						break;
					case 'b':
						b.append('\b');
						break;
					case 'f':
						b.append('\f');
						break;
					case 'u':
						b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
						at += 4;
						break;
					default:
						b.append(e); // \" \\ \/
				}
			}
		}

		private Double number() {
			final int start = at;
			while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0)
				at++;
			if (start == at)
				throw error("a value");
			try {
				return Double.valueOf(s.substring(start, at));
			} catch (final NumberFormatException e) {
				throw error("a number");
			}
		}

		private Object word(final String w, final Object v) {
			if (!s.startsWith(w, at))
				throw error("'" + w + "'");
			at += w.length();
			return v;
		}

		private char peek() {
			return at < s.length() ? s.charAt(at) : '\0';
		}

		private void expect(final char c) {
			if (peek() != c)
				throw error("'" + c + "'");
			at++;
		}

		private void skipSpace() {
			while (at < s.length() && Character.isWhitespace(s.charAt(at)))
				at++;
		}

		private IllegalArgumentException error(final String wanted) {
			return new IllegalArgumentException("JSON: expected " + wanted + " at character " + at + ".");
		}
	}
}
