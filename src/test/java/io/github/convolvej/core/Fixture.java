package io.github.convolvej.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case of the reference files under {@code src/test/resources/missing/},
 * written by the real tools (astropy, SciPy) with {@code make_fixtures.py}:
 * a {@code case NAME key=value ...} line, then lines {@code field v v v}
 * (arrays flat, x fastest; {@code image} and {@code kernel} start with their
 * sizes, x first).
 */
public final class Fixture {

	public final String name;
	public final Map< String, String > keys = new LinkedHashMap<>();
	public final Map< String, String[] > fields = new LinkedHashMap<>();

	private Fixture(final String line) {
		final String[] w = line.trim().split("\\s+");
		name = w[1];
		for (int i = 2; i < w.length; i++) {
			final int eq = w[i].indexOf('=');
			keys.put(w[i].substring(0, eq), w[i].substring(eq + 1));
		}
	}

	public static List< Fixture > read(final String resource) {
		final List< Fixture > cases = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(Fixture.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("#") || line.trim().isEmpty())
					continue;
				if (line.startsWith("case "))
					cases.add(new Fixture(line));
				else {
					final int sp = line.indexOf(' ');
					cases.get(cases.size() - 1).fields.put(line.substring(0, sp), line.substring(sp + 1).trim().split("\\s+"));
				}
			}
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return cases;
	}

	/** The sizes at the front of an array field ({@code rank} of them). */
	public int[] dims(final String field, final int rank) {
		final String[] w = fields.get(field);
		final int[] d = new int[rank];
		for (int i = 0; i < rank; i++)
			d[i] = Integer.parseInt(w[i]);
		return d;
	}

	/** The values of a field, after {@code skip} leading sizes; null for "-". */
	public double[] values(final String field, final int skip) {
		final String[] w = fields.get(field);
		if (w.length == 1 && w[0].equals("-"))
			return null;
		final double[] v = new double[w.length - skip];
		for (int i = 0; i < v.length; i++)
			v[i] = Double.parseDouble(w[skip + i]);
		return v;
	}

	/** How many sizes lead an array field whose values number {@code total}: tries 2, then 3. */
	public int rank(final String field) {
		final String[] w = fields.get(field);
		for (int rank = 1; rank <= 3; rank++) {
			long n = 1;
			for (int i = 0; i < rank; i++)
				n *= Integer.parseInt(w[i]);
			if (n == w.length - rank && rank >= 2)
				return rank;
		}
		throw new IllegalStateException("Cannot tell the sizes of " + field + " in " + name);
	}
}
