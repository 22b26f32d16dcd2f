package io.github.convolvej.core.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;

/**
 * One {@code match} case of {@code golden/cases.jsonl}: image, template and
 * the float64 scores of OpenCV's formulas (see the golden README).
 */
public final class MatchCase {

	public final String id;
	public final String method;
	public final String mode;
	public final String boundary;
	public final double value;
	public final int[] anchor;
	public final Array image, template, expected;
	public final int[] best;

	/** A flat array with x varying fastest. */
	public static final class Array {
		public final long[] dims;
		public final double[] values;

		Array(final long[] dims, final double[] values) {
			this.dims = dims;
			this.values = values;
		}

		Img< DoubleType > img() {
			return ArrayImgs.doubles(values.clone(), dims);
		}
	}

	private MatchCase(final Map< String, Object > json) {
		id = (String) json.get("id");
		method = (String) json.get("method");
		mode = (String) json.get("mode");
		boundary = (String) json.get("boundary");
		value = ((Number) json.get("value")).doubleValue();
		anchor = ints(json.get("anchor"));
		image = array(json.get("image"));
		template = array(json.get("template"));
		expected = array(json.get("expected"));
		best = ints(json.get("best"));
	}

	@Override
	public String toString() {
		return id + " " + method + " " + mode + " " + boundary;
	}

	/** Every case of family {@code match}. */
	public static List< MatchCase > all() {
		final List< MatchCase > cases = new ArrayList<>();
		try (InputStream in = MatchCase.class.getResourceAsStream("/golden/cases.jsonl");
				BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				if (line.trim().isEmpty())
					continue;
				@SuppressWarnings("unchecked")
				final Map< String, Object > json = (Map< String, Object >) new Json(line).value();
				if ("match".equals(json.get("family")))
					cases.add(new MatchCase(json));
			}
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return cases;
	}

	@SuppressWarnings("unchecked")
	private static Array array(final Object o) {
		final Map< String, Object > m = (Map< String, Object >) o;
		final List< Object > dims = (List< Object >) m.get("dims");
		final List< Object > re = (List< Object >) m.get("re");
		final long[] d = new long[dims.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = ((Number) dims.get(i)).longValue();
		final double[] v = new double[re.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = ((Number) re.get(i)).doubleValue();
		return new Array(d, v);
	}

	@SuppressWarnings("unchecked")
	private static int[] ints(final Object o) {
		final List< Object > l = (List< Object >) o;
		final int[] v = new int[l.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = ((Number) l.get(i)).intValue();
		return v;
	}

	/** A minimal JSON reader: objects, arrays, strings, numbers, true, false, null. */
	private static final class Json {
		private final String s;
		private int p;

		Json(final String s) {
			this.s = s;
		}

		Object value() {
			skip();
			final char c = s.charAt(p);
			if (c == '{')
				return object();
			if (c == '[')
				return list();
			if (c == '"')
				return string();
			if (s.startsWith("true", p)) {
				p += 4;
				return Boolean.TRUE;
			}
			if (s.startsWith("false", p)) {
				p += 5;
				return Boolean.FALSE;
			}
			if (s.startsWith("null", p)) {
				p += 4;
				return null;
			}
			final int start = p;
			while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0)
				p++;
			if (start == p)
				throw new IllegalStateException("Bad JSON at " + p + ": " + s.substring(p, Math.min(s.length(), p + 20)));
			return Double.parseDouble(s.substring(start, p));
		}

		private Map< String, Object > object() {
			final Map< String, Object > m = new LinkedHashMap<>();
			p++;
			skip();
			if (s.charAt(p) == '}') {
				p++;
				return m;
			}
			while (true) {
				skip();
				final String key = string();
				skip();
				expect(':');
				m.put(key, value());
				skip();
				if (s.charAt(p) == ',') {
					p++;
					continue;
				}
				expect('}');
				return m;
			}
		}

		private List< Object > list() {
			final List< Object > l = new ArrayList<>();
			p++;
			skip();
			if (s.charAt(p) == ']') {
				p++;
				return l;
			}
			while (true) {
				l.add(value());
				skip();
				if (s.charAt(p) == ',') {
					p++;
					continue;
				}
				expect(']');
				return l;
			}
		}

		private String string() {
			expect('"');
			final StringBuilder b = new StringBuilder();
			while (s.charAt(p) != '"') {
				char c = s.charAt(p++);
				if (c == '\\') {
					c = s.charAt(p++);
					if (c == 'u') {
						c = (char) Integer.parseInt(s.substring(p, p + 4), 16);
						p += 4;
					} else if (c == 'n')
						c = '\n';
					else if (c == 't')
						c = '\t';
				}
				b.append(c);
			}
			p++;
			return b.toString();
		}

		private void expect(final char c) {
			if (s.charAt(p) != c)
				throw new IllegalStateException("Expected '" + c + "' at " + p + " in JSON, found '" + s.charAt(p) + "'.");
			p++;
		}

		private void skip() {
			while (p < s.length() && Character.isWhitespace(s.charAt(p)))
				p++;
		}
	}
}
