package io.github.convolvej.core.engine;

import java.util.Arrays;

/**
 * Weighted sums of whole lines, {@code acc[x] = sum_t w[t] a_t[x]}, in double.
 * <p>
 * The loops are written so that HotSpot's auto-vectoriser (SuperWord) turns
 * them into SIMD code on Java 11 and 17: a loop reads at most five lines
 * besides the accumulator, writes only the accumulator, and indexes every
 * array by the loop counter plus one constant, the same for all, or one that
 * differs from it by a multiple of four (one AVX2 vector of doubles). Offsets
 * such as {@code a[x + 1]}, offsets held in variables, or more lines or
 * stores per loop keep these JITs scalar. So the engines keep each row as
 * four copies shifted by 0..3 ("phases") and read tap {@code j} from phase
 * {@code j % 4} at the constant offset {@code 4 * (j / 4)}: one method per
 * offset below {@link #GROUP}; taps further right read copies shifted by a
 * multiple of {@link #GROUP}.
 */
final class LineMath {

	/** Lines summed per pass over the accumulator. */
	static final int BATCH = 5;
	/** Offsets of the constant-offset loops are multiples of four below this. */
	static final int GROUP = 32;

	private LineMath() {}

	/**
	 * {@code acc[x] = sum_{t < count} w[t] a[t][x]} for {@code x < n}; zero
	 * when {@code count == 0}.
	 */
	static void sum(final double[] acc, final int n, final double[][] a, final double[] w, final int count) {
		if (count == 0) {
			Arrays.fill(acc, 0, n, 0);
			return;
		}
		int t = 0;
		int m = Math.min(BATCH, count);
		set(acc, n, a, w, t, m);
		for (t = m; t < count; t += m) {
			m = Math.min(BATCH, count - t);
			add(acc, n, a, w, t, m);
		}
	}

	/**
	 * {@code acc[x] = sum_{t < count} w[t] a[t][x + offset[t]]} for
	 * {@code x < n}, where each offset is a multiple of four below
	 * {@link #GROUP} and taps of equal offset come together; zero when
	 * {@code count == 0}. Passes of fewer than five lines at a non-zero offset
	 * are padded with {@code zeros} (at least {@code n + GROUP} zeros), which
	 * keeps NaN in other lines out of the padding.
	 */
	static void sum(final double[] acc, final int n, final double[][] a, final double[] w, final int[] offset, final int count, final double[] zeros) {
		boolean first = true;
		int t = 0;
		while (t < count) {
			final int c = offset[t];
			int end = t + 1;
			while (end < count && offset[end] == c)
				end++;
			while (t < end) {
				final int m = Math.min(BATCH, end - t);
				if (c == 0) {
					if (first)
						set(acc, n, a, w, t, m);
					else
						add(acc, n, a, w, t, m);
				} else {
					final double[] a1 = m > 1 ? a[t + 1] : zeros, a2 = m > 2 ? a[t + 2] : zeros, a3 = m > 3 ? a[t + 3] : zeros, a4 = m > 4 ? a[t + 4] : zeros;
					final double w1 = m > 1 ? w[t + 1] : 0, w2 = m > 2 ? w[t + 2] : 0, w3 = m > 3 ? w[t + 3] : 0, w4 = m > 4 ? w[t + 4] : 0;
					if (first)
						setAt(c, acc, n, a[t], a1, a2, a3, a4, w[t], w1, w2, w3, w4);
					else
						addAt(c, acc, n, a[t], a1, a2, a3, a4, w[t], w1, w2, w3, w4);
				}
				first = false;
				t += m;
			}
		}
		if (first)
			Arrays.fill(acc, 0, n, 0);
	}

	/** {@code acc[x] = sum_i w_i a_i[x + c]}, {@code c} a multiple of 4 from 4 to {@code GROUP - 4}. */
	private static void setAt(final int c, final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		switch (c >> 2) {
			case 1:
				setAt4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 2:
				setAt8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 3:
				setAt12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 4:
				setAt16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 5:
				setAt20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 6:
				setAt24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 7:
				setAt28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			default:
				throw new IllegalArgumentException("Offset " + c + " is not a multiple of 4 below " + GROUP + ".");
		}
	}

	/** {@code acc[x] += sum_i w_i a_i[x + c]}, {@code c} a multiple of 4 from 4 to {@code GROUP - 4}. */
	private static void addAt(final int c, final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		switch (c >> 2) {
			case 1:
				addAt4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 2:
				addAt8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 3:
				addAt12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 4:
				addAt16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 5:
				addAt20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 6:
				addAt24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 7:
				addAt28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			default:
				throw new IllegalArgumentException("Offset " + c + " is not a multiple of 4 below " + GROUP + ".");
		}
	}

	/** Index of the shifted copy of a row that tap {@code j} (x offset) reads. */
	static int phase(final int j) {
		return j / GROUP * 4 + j % 4;
	}

	/** The constant offset at which tap {@code j} reads its copy. */
	static int offset(final int j) {
		return j % GROUP & ~3;
	}

	/**
	 * Fills the copies {@code row[i]} that are not null with {@code row[0]}
	 * shifted left by {@code i % 4 + GROUP * (i / 4)}, over {@code length}
	 * values of {@code row[0]}.
	 */
	static void shiftCopies(final double[][] row, final int length) {
		for (int i = 1; i < row.length; i++)
			if (row[i] != null) {
				final int shift = i % 4 + GROUP * (i / 4);
				if (shift < length)
					System.arraycopy(row[0], shift, row[i], 0, length - shift);
			}
	}

	/** {@code acc[x] = sum} of {@code m <= 5} lines from {@code t}. */
	static void set(final double[] acc, final int n, final double[][] a, final double[] w, final int t, final int m) {
		switch (m) {
			case 1:
				set1(acc, n, a[t], w[t]);
				break;
			case 2:
				set2(acc, n, a[t], a[t + 1], w[t], w[t + 1]);
				break;
			case 3:
				set3(acc, n, a[t], a[t + 1], a[t + 2], w[t], w[t + 1], w[t + 2]);
				break;
			case 4:
				set4(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], w[t], w[t + 1], w[t + 2], w[t + 3]);
				break;
			default:
				set5(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4], w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
		}
	}

	/** {@code acc[x] += sum} of {@code m <= 5} lines from {@code t}. */
	static void add(final double[] acc, final int n, final double[][] a, final double[] w, final int t, final int m) {
		switch (m) {
			case 1:
				add1(acc, n, a[t], w[t]);
				break;
			case 2:
				add2(acc, n, a[t], a[t + 1], w[t], w[t + 1]);
				break;
			case 3:
				add3(acc, n, a[t], a[t + 1], a[t + 2], w[t], w[t + 1], w[t + 2]);
				break;
			case 4:
				add4(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], w[t], w[t + 1], w[t + 2], w[t + 3]);
				break;
			default:
				add5(acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4], w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
		}
	}

	static void set1(final double[] acc, final int n, final double[] a0, final double w0) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x];
	}

	static void set2(final double[] acc, final int n, final double[] a0, final double[] a1, final double w0, final double w1) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x] + w1 * a1[x];
	}

	static void set3(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double w0, final double w1, final double w2) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x] + w1 * a1[x] + w2 * a2[x];
	}

	static void set4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double w0, final double w1, final double w2, final double w3) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x];
	}

	static void set5(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x] + w4 * a4[x];
	}

	static void add1(final double[] acc, final int n, final double[] a0, final double w0) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x];
	}

	static void add2(final double[] acc, final int n, final double[] a0, final double[] a1, final double w0, final double w1) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x];
	}

	static void add3(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double w0, final double w1, final double w2) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x];
	}

	static void add4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double w0, final double w1, final double w2, final double w3) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x];
	}

	static void add5(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x] + w4 * a4[x];
	}

	private static void setAt4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 4] + w1 * a1[x + 4] + w2 * a2[x + 4] + w3 * a3[x + 4] + w4 * a4[x + 4];
	}

	private static void setAt8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 8] + w1 * a1[x + 8] + w2 * a2[x + 8] + w3 * a3[x + 8] + w4 * a4[x + 8];
	}

	private static void setAt12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 12] + w1 * a1[x + 12] + w2 * a2[x + 12] + w3 * a3[x + 12] + w4 * a4[x + 12];
	}

	private static void setAt16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 16] + w1 * a1[x + 16] + w2 * a2[x + 16] + w3 * a3[x + 16] + w4 * a4[x + 16];
	}

	private static void setAt20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 20] + w1 * a1[x + 20] + w2 * a2[x + 20] + w3 * a3[x + 20] + w4 * a4[x + 20];
	}

	private static void setAt24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 24] + w1 * a1[x + 24] + w2 * a2[x + 24] + w3 * a3[x + 24] + w4 * a4[x + 24];
	}

	private static void setAt28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] = w0 * a0[x + 28] + w1 * a1[x + 28] + w2 * a2[x + 28] + w3 * a3[x + 28] + w4 * a4[x + 28];
	}

	private static void addAt4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 4] + w1 * a1[x + 4] + w2 * a2[x + 4] + w3 * a3[x + 4] + w4 * a4[x + 4];
	}

	private static void addAt8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 8] + w1 * a1[x + 8] + w2 * a2[x + 8] + w3 * a3[x + 8] + w4 * a4[x + 8];
	}

	private static void addAt12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 12] + w1 * a1[x + 12] + w2 * a2[x + 12] + w3 * a3[x + 12] + w4 * a4[x + 12];
	}

	private static void addAt16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 16] + w1 * a1[x + 16] + w2 * a2[x + 16] + w3 * a3[x + 16] + w4 * a4[x + 16];
	}

	private static void addAt20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 20] + w1 * a1[x + 20] + w2 * a2[x + 20] + w3 * a3[x + 20] + w4 * a4[x + 20];
	}

	private static void addAt24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 24] + w1 * a1[x + 24] + w2 * a2[x + 24] + w3 * a3[x + 24] + w4 * a4[x + 24];
	}

	private static void addAt28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 28] + w1 * a1[x + 28] + w2 * a2[x + 28] + w3 * a3[x + 28] + w4 * a4[x + 28];
	}
}
