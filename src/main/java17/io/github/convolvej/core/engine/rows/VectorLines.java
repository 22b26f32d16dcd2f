package io.github.convolvej.core.engine.rows;

import java.util.Arrays;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Weighted sums of float rows with the Vector API:
 * {@code d[dOff + x] (=|+=) sum_t w_t a_t[x + o_t]} for {@code x < n}, a
 * pass of up to five taps at a time with the weights as broadcast constants
 * and the reads at any offset (unaligned loads cost what aligned ones do),
 * fused multiply-adds in float. The last lanes of a row run the same sums
 * one value at a time, with {@link Math#fma}, so every column is rounded
 * alike.
 */
final class VectorLines {

	static final VectorSpecies< Float > SPECIES = FloatVector.SPECIES_PREFERRED;

	private VectorLines() {}

	/** A pass of {@code m <= 5} taps from index {@code t} of {@code a}, {@code o}, {@code w}; {@code first}: set instead of add. */
	static void sum(final int m, final boolean first, final float[] d, final int dOff, final int n, final float[][] a, final int[] o, final float[] w, final int t) {
		final int x;
		switch (m) {
			case 1:
				x = sum1(first, d, dOff, n, a[t], o[t], w[t]);
				break;
			case 2:
				x = sum2(first, d, dOff, n, a[t], o[t], w[t], a[t + 1], o[t + 1], w[t + 1]);
				break;
			case 3:
				x = sum3(first, d, dOff, n, a[t], o[t], w[t], a[t + 1], o[t + 1], w[t + 1], a[t + 2], o[t + 2], w[t + 2]);
				break;
			case 4:
				x = sum4(first, d, dOff, n, a[t], o[t], w[t], a[t + 1], o[t + 1], w[t + 1], a[t + 2], o[t + 2], w[t + 2], a[t + 3], o[t + 3], w[t + 3]);
				break;
			case 5:
				x = sum5(first, d, dOff, n, a[t], o[t], w[t], a[t + 1], o[t + 1], w[t + 1], a[t + 2], o[t + 2], w[t + 2], a[t + 3], o[t + 3], w[t + 3], a[t + 4], o[t + 4], w[t + 4]);
				break;
			default:
				throw new IllegalArgumentException("A pass sums 1 to 5 taps, not " + m + ".");
		}
		tail(x, first, d, dOff, n, a, o, w, t, m);
	}

	/**
	 * {@code d[dOff + x] = sum_{t < count} w[t] a[t][x + o[t]]}: passes of up
	 * to five taps, the first setting, the others adding; zeros when
	 * {@code count == 0}.
	 */
	static void sumAll(final int count, final float[] d, final int dOff, final int n, final float[][] a, final int[] o, final float[] w) {
		if (count == 0) {
			Arrays.fill(d, dOff, dOff + n, 0);
			return;
		}
		for (int t = 0; t < count; t += 5)
			sum(Math.min(5, count - t), t == 0, d, dOff, n, a, o, w, t);
	}

	/** The sums of the last lanes, one column at a time. */
	private static void tail(final int from, final boolean first, final float[] d, final int dOff, final int n, final float[][] a, final int[] o, final float[] w, final int t, final int m) {
		for (int x = from; x < n; x++) {
			float v = first ? 0 : d[dOff + x];
			for (int i = t; i < t + m; i++)
				v = Math.fma(a[i][x + o[i]], w[i], v);
			d[dOff + x] = v;
		}
	}

	private static FloatVector start(final boolean first, final float[] d, final int at) {
		return first ? FloatVector.zero(SPECIES) : FloatVector.fromArray(SPECIES, d, at);
	}

	/** The vector lanes of a pass of 1; returns where the last lanes start. */
	private static int sum1(final boolean first, final float[] d, final int dOff, final int n, final float[] a0, final int o0, final float w0) {
		final FloatVector v0 = FloatVector.broadcast(SPECIES, w0);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length())
			FloatVector.fromArray(SPECIES, a0, x + o0).fma(v0, start(first, d, dOff + x)).intoArray(d, dOff + x);
		return x;
	}

	/** The vector lanes of a pass of 2; returns where the last lanes start. */
	private static int sum2(final boolean first, final float[] d, final int dOff, final int n, final float[] a0, final int o0, final float w0, final float[] a1, final int o1, final float w1) {
		final FloatVector v0 = FloatVector.broadcast(SPECIES, w0), v1 = FloatVector.broadcast(SPECIES, w1);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length()) {
			FloatVector s = start(first, d, dOff + x);
			s = FloatVector.fromArray(SPECIES, a0, x + o0).fma(v0, s);
			s = FloatVector.fromArray(SPECIES, a1, x + o1).fma(v1, s);
			s.intoArray(d, dOff + x);
		}
		return x;
	}

	/** The vector lanes of a pass of 3; returns where the last lanes start. */
	private static int sum3(final boolean first, final float[] d, final int dOff, final int n, final float[] a0, final int o0, final float w0, final float[] a1, final int o1, final float w1, final float[] a2, final int o2, final float w2) {
		final FloatVector v0 = FloatVector.broadcast(SPECIES, w0), v1 = FloatVector.broadcast(SPECIES, w1), v2 = FloatVector.broadcast(SPECIES, w2);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length()) {
			FloatVector s = start(first, d, dOff + x);
			s = FloatVector.fromArray(SPECIES, a0, x + o0).fma(v0, s);
			s = FloatVector.fromArray(SPECIES, a1, x + o1).fma(v1, s);
			s = FloatVector.fromArray(SPECIES, a2, x + o2).fma(v2, s);
			s.intoArray(d, dOff + x);
		}
		return x;
	}

	/** The vector lanes of a pass of 4; returns where the last lanes start. */
	private static int sum4(final boolean first, final float[] d, final int dOff, final int n, final float[] a0, final int o0, final float w0, final float[] a1, final int o1, final float w1, final float[] a2, final int o2, final float w2, final float[] a3, final int o3, final float w3) {
		final FloatVector v0 = FloatVector.broadcast(SPECIES, w0), v1 = FloatVector.broadcast(SPECIES, w1), v2 = FloatVector.broadcast(SPECIES, w2), v3 = FloatVector.broadcast(SPECIES, w3);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length()) {
			FloatVector s = start(first, d, dOff + x);
			s = FloatVector.fromArray(SPECIES, a0, x + o0).fma(v0, s);
			s = FloatVector.fromArray(SPECIES, a1, x + o1).fma(v1, s);
			s = FloatVector.fromArray(SPECIES, a2, x + o2).fma(v2, s);
			s = FloatVector.fromArray(SPECIES, a3, x + o3).fma(v3, s);
			s.intoArray(d, dOff + x);
		}
		return x;
	}

	/** The vector lanes of a pass of 5; returns where the last lanes start. */
	private static int sum5(final boolean first, final float[] d, final int dOff, final int n, final float[] a0, final int o0, final float w0, final float[] a1, final int o1, final float w1, final float[] a2, final int o2, final float w2, final float[] a3, final int o3, final float w3, final float[] a4, final int o4, final float w4) {
		final FloatVector v0 = FloatVector.broadcast(SPECIES, w0), v1 = FloatVector.broadcast(SPECIES, w1), v2 = FloatVector.broadcast(SPECIES, w2), v3 = FloatVector.broadcast(SPECIES, w3), v4 = FloatVector.broadcast(SPECIES, w4);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length()) {
			FloatVector s = start(first, d, dOff + x);
			s = FloatVector.fromArray(SPECIES, a0, x + o0).fma(v0, s);
			s = FloatVector.fromArray(SPECIES, a1, x + o1).fma(v1, s);
			s = FloatVector.fromArray(SPECIES, a2, x + o2).fma(v2, s);
			s = FloatVector.fromArray(SPECIES, a3, x + o3).fma(v3, s);
			s = FloatVector.fromArray(SPECIES, a4, x + o4).fma(v4, s);
			s.intoArray(d, dOff + x);
		}
		return x;
	}

	/**
	 * Both parts of a complex kernel from the same reads: four taps, each with
	 * a weight for {@code d} and one for {@code e} (both non-zero; padded taps
	 * read a line of zeros with weight 0).
	 */
	static void pair4(final boolean first, final float[] d, final int dOff, final float[] e, final int eOff, final int n, final float[][] a, final int[] o, final float[] w, final float[] u, final int t) {
		final float[] a0 = a[t], a1 = a[t + 1], a2 = a[t + 2], a3 = a[t + 3];
		final int o0 = o[t], o1 = o[t + 1], o2 = o[t + 2], o3 = o[t + 3];
		final FloatVector w0 = FloatVector.broadcast(SPECIES, w[t]), w1 = FloatVector.broadcast(SPECIES, w[t + 1]), w2 = FloatVector.broadcast(SPECIES, w[t + 2]), w3 = FloatVector.broadcast(SPECIES, w[t + 3]);
		final FloatVector u0 = FloatVector.broadcast(SPECIES, u[t]), u1 = FloatVector.broadcast(SPECIES, u[t + 1]), u2 = FloatVector.broadcast(SPECIES, u[t + 2]), u3 = FloatVector.broadcast(SPECIES, u[t + 3]);
		final int bound = SPECIES.loopBound(n);
		int x = 0;
		for (; x < bound; x += SPECIES.length()) {
			FloatVector s = start(first, d, dOff + x), r = start(first, e, eOff + x);
			FloatVector in = FloatVector.fromArray(SPECIES, a0, x + o0);
			s = in.fma(w0, s);
			r = in.fma(u0, r);
			in = FloatVector.fromArray(SPECIES, a1, x + o1);
			s = in.fma(w1, s);
			r = in.fma(u1, r);
			in = FloatVector.fromArray(SPECIES, a2, x + o2);
			s = in.fma(w2, s);
			r = in.fma(u2, r);
			in = FloatVector.fromArray(SPECIES, a3, x + o3);
			s = in.fma(w3, s);
			r = in.fma(u3, r);
			s.intoArray(d, dOff + x);
			r.intoArray(e, eOff + x);
		}
		tail(x, first, d, dOff, n, a, o, w, t, 4);
		tail(x, first, e, eOff, n, a, o, u, t, 4);
	}
}
