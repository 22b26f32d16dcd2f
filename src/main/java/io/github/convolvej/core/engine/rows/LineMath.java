package io.github.convolvej.core.engine.rows;

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
 * {@code j % 4} at the constant offset {@code 4 * (j / 4)}; taps further right
 * than {@link #GROUP} read copies shifted by a multiple of it. Hence the many
 * small loops at the end of this class: they differ only in their constant
 * offsets, which the JIT needs as constants (see {@link Passes}).
 */
final class LineMath {

	/** Lines summed per pass over the accumulator. */
	static final int BATCH = 5;
	/** Batches read at offsets that are multiples of four below this; runs up to it. */
	static final int GROUP = 32;
	/** Zeros beyond the sum's length that a line of zeros must hold. */
	static final int ZEROS = GROUP + 4;

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

	/** Pass kinds from this value on are runs: {@code RUN + b + q}, see {@link Passes}. */
	private static final int RUN = 1000;

	/**
	 * How the taps of one weight set are summed over shifted row copies (see
	 * {@link #phase}), pass by pass. A pass is either
	 * <ul>
	 * <li>a <em>run</em>: five consecutive x offsets {@code j0..j0+4} of one
	 * kernel line, read from the four phase copies of that line, two of them
	 * at two offsets four apart (so the pass reads fewer distinct lines and
	 * the second read of a line hits the cache); used for kernels at least
	 * five wide, or</li>
	 * <li>a <em>batch</em> of up to five taps at the same offset, from any
	 * lines: the taps that fit no run.</li>
	 * </ul>
	 * Taps of zero weight inside a run read a line of zeros, so that NaN in
	 * lines outside the kernel never reaches the sum.
	 */
	static final class Passes {

		/** Slots: the tap each reads (an index into the caller's taps), or -1 for the line of zeros. */
		final int[] tap;
		/** Slots: the row copy each reads (see {@link LineMath#phase}), or -1 for the line of zeros. */
		final int[] copy;
		/** Per pass: first slot, number of slots, and kind (a batch's offset, or {@code RUN + b + q}). */
		final int[] start, size, kind;

		/**
		 * @param x the x offset of each tap in its kernel line
		 * @param line an identifier of each tap's kernel line
		 * @param width the kernel's width along x
		 */
		Passes(final int[] x, final int[] line, final int width) {
			final int count = x.length;
			final int[] slots = new int[5 * count + 5], copies = new int[5 * count + 5];
			final int[] st = new int[2 * count + 1], sz = new int[2 * count + 1], kd = new int[2 * count + 1];
			int nSlots = 0, nPasses = 0;
			final boolean[] inRun = new boolean[count];
			if (width >= BATCH)
				// runs: windows of five offsets from a multiple of five, holding at least three taps
				for (int t = 0; t < count; t++) {
					if (inRun[t])
						continue;
					final int j0 = x[t] / BATCH * BATCH;
					final int[] member = new int[BATCH];
					Arrays.fill(member, -1);
					int found = 0;
					for (int u = 0; u < count; u++)
						if (!inRun[u] && line[u] == line[t] && x[u] >= j0 && x[u] < j0 + BATCH) {
							member[x[u] - j0] = u;
							found++;
						}
					if (found < 3)
						continue;
					// read from the phase copies of j0's group, at offsets up to GROUP
					final int group = j0 / GROUP, r = j0 % GROUP;
					st[nPasses] = nSlots;
					sz[nPasses] = BATCH;
					kd[nPasses++] = RUN + r;
					for (int i = 0; i < BATCH; i++) {
						copies[nSlots] = member[i] < 0 ? -1 : group * 4 + (r + i) % 4;
						slots[nSlots++] = member[i];
						if (member[i] >= 0)
							inRun[member[i]] = true;
					}
				}
			// batches: the other taps by offset, in order
			for (int c = 0; c < GROUP; c += 4) {
				int m = 0;
				for (int t = 0; t <= count; t++) {
					final boolean take = t < count && !inRun[t] && offset(x[t]) == c;
					if (take) {
						if (m == 0) {
							st[nPasses] = nSlots;
							kd[nPasses] = c;
						}
						copies[nSlots] = phase(x[t]);
						slots[nSlots++] = t;
						m++;
					}
					if (m == BATCH || (t == count && m > 0)) {
						// at a non-zero offset every batch has five slots
						while (c > 0 && m < BATCH) {
							copies[nSlots] = -1;
							slots[nSlots++] = -1;
							m++;
						}
						sz[nPasses++] = m;
						m = 0;
					}
				}
			}
			tap = Arrays.copyOf(slots, nSlots);
			copy = Arrays.copyOf(copies, nSlots);
			start = Arrays.copyOf(st, nPasses);
			size = Arrays.copyOf(sz, nPasses);
			kind = Arrays.copyOf(kd, nPasses);
		}

		int slots() {
			return tap.length;
		}
	}

	/**
	 * {@code acc[x] = sum} over the passes of {@code passes} for {@code x < n},
	 * where slot {@code s} reads line {@code a[s]} with weight {@code w[s]}
	 * (the caller fills {@code a} with each slot's {@link Passes#copy}, and
	 * {@code zeros} for copies of -1: at least {@code n + ZEROS} zeros); zero
	 * when there are no passes.
	 */
	static void sum(final double[] acc, final int n, final double[][] a, final double[] w, final Passes passes) {
		final int count = passes.start.length;
		if (count == 0) {
			Arrays.fill(acc, 0, n, 0);
			return;
		}
		for (int p = 0; p < count; p++) {
			final int t = passes.start[p], m = passes.size[p], kind = passes.kind[p];
			final boolean first = p == 0;
			if (kind == 0) {
				if (first)
					set(acc, n, a, w, t, m);
				else
					add(acc, n, a, w, t, m);
			} else if (kind < RUN) {
				if (first)
					setAt(kind, acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4], w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
				else
					addAt(kind, acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4], w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
			} else {
				if (first)
					Arrays.fill(acc, 0, n, 0);
				addRun(kind - RUN, acc, n, a[t], a[t + 1], a[t + 2], a[t + 3], a[t + 4], w[t], w[t + 1], w[t + 2], w[t + 3], w[t + 4]);
			}
		}
	}

	/**
	 * {@code acc[x] += sum_i w_i a_i[x + b + (i < 4 - q ? 0 : 4)]}: taps
	 * {@code j0 .. j0 + 4}, {@code j0 % GROUP = r = b + q}, read from the
	 * phase copies {@code (q + i) % 4} of {@code j0}'s group.
	 */
	private static void addRun(final int r, final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		switch (r) {
			case 0:
				run0At0(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 1:
				run1At0(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 2:
				run2At0(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 3:
				run3At0(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 4:
				run0At4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 5:
				run1At4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 6:
				run2At4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 7:
				run3At4(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 8:
				run0At8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 9:
				run1At8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 10:
				run2At8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 11:
				run3At8(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 12:
				run0At12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 13:
				run1At12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 14:
				run2At12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 15:
				run3At12(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 16:
				run0At16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 17:
				run1At16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 18:
				run2At16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 19:
				run3At16(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 20:
				run0At20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 21:
				run1At20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 22:
				run2At20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 23:
				run3At20(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 24:
				run0At24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 25:
				run1At24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 26:
				run2At24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 27:
				run3At24(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 28:
				run0At28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 29:
				run1At28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 30:
				run2At28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			case 31:
				run3At28(acc, n, a0, a1, a2, a3, a4, w0, w1, w2, w3, w4);
				break;
			default:
				throw new IllegalArgumentException("A run cannot start at " + r + " within a group of " + GROUP + ".");
		}
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
	 * values of {@code row[0]}, as far as each copy reaches.
	 */
	static void shiftCopies(final double[][] row, final int length) {
		for (int i = 1; i < row.length; i++)
			if (row[i] != null) {
				final int shift = i % 4 + GROUP * (i / 4);
				if (shift < length)
					System.arraycopy(row[0], shift, row[i], 0, Math.min(length - shift, row[i].length));
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

	private static void run0At0(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x] + w4 * a4[x + 4];
	}

	private static void run1At0(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x] + w3 * a3[x + 4] + w4 * a4[x + 4];
	}

	private static void run2At0(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x] + w2 * a2[x + 4] + w3 * a3[x + 4] + w4 * a4[x + 4];
	}

	private static void run3At0(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x] + w1 * a1[x + 4] + w2 * a2[x + 4] + w3 * a3[x + 4] + w4 * a4[x + 4];
	}

	private static void run0At4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 4] + w1 * a1[x + 4] + w2 * a2[x + 4] + w3 * a3[x + 4] + w4 * a4[x + 8];
	}

	private static void run1At4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 4] + w1 * a1[x + 4] + w2 * a2[x + 4] + w3 * a3[x + 8] + w4 * a4[x + 8];
	}

	private static void run2At4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 4] + w1 * a1[x + 4] + w2 * a2[x + 8] + w3 * a3[x + 8] + w4 * a4[x + 8];
	}

	private static void run3At4(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 4] + w1 * a1[x + 8] + w2 * a2[x + 8] + w3 * a3[x + 8] + w4 * a4[x + 8];
	}

	private static void run0At8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 8] + w1 * a1[x + 8] + w2 * a2[x + 8] + w3 * a3[x + 8] + w4 * a4[x + 12];
	}

	private static void run1At8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 8] + w1 * a1[x + 8] + w2 * a2[x + 8] + w3 * a3[x + 12] + w4 * a4[x + 12];
	}

	private static void run2At8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 8] + w1 * a1[x + 8] + w2 * a2[x + 12] + w3 * a3[x + 12] + w4 * a4[x + 12];
	}

	private static void run3At8(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 8] + w1 * a1[x + 12] + w2 * a2[x + 12] + w3 * a3[x + 12] + w4 * a4[x + 12];
	}

	private static void run0At12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 12] + w1 * a1[x + 12] + w2 * a2[x + 12] + w3 * a3[x + 12] + w4 * a4[x + 16];
	}

	private static void run1At12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 12] + w1 * a1[x + 12] + w2 * a2[x + 12] + w3 * a3[x + 16] + w4 * a4[x + 16];
	}

	private static void run2At12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 12] + w1 * a1[x + 12] + w2 * a2[x + 16] + w3 * a3[x + 16] + w4 * a4[x + 16];
	}

	private static void run3At12(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 12] + w1 * a1[x + 16] + w2 * a2[x + 16] + w3 * a3[x + 16] + w4 * a4[x + 16];
	}

	private static void run0At16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 16] + w1 * a1[x + 16] + w2 * a2[x + 16] + w3 * a3[x + 16] + w4 * a4[x + 20];
	}

	private static void run1At16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 16] + w1 * a1[x + 16] + w2 * a2[x + 16] + w3 * a3[x + 20] + w4 * a4[x + 20];
	}

	private static void run2At16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 16] + w1 * a1[x + 16] + w2 * a2[x + 20] + w3 * a3[x + 20] + w4 * a4[x + 20];
	}

	private static void run3At16(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 16] + w1 * a1[x + 20] + w2 * a2[x + 20] + w3 * a3[x + 20] + w4 * a4[x + 20];
	}

	private static void run0At20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 20] + w1 * a1[x + 20] + w2 * a2[x + 20] + w3 * a3[x + 20] + w4 * a4[x + 24];
	}

	private static void run1At20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 20] + w1 * a1[x + 20] + w2 * a2[x + 20] + w3 * a3[x + 24] + w4 * a4[x + 24];
	}

	private static void run2At20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 20] + w1 * a1[x + 20] + w2 * a2[x + 24] + w3 * a3[x + 24] + w4 * a4[x + 24];
	}

	private static void run3At20(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 20] + w1 * a1[x + 24] + w2 * a2[x + 24] + w3 * a3[x + 24] + w4 * a4[x + 24];
	}

	private static void run0At24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 24] + w1 * a1[x + 24] + w2 * a2[x + 24] + w3 * a3[x + 24] + w4 * a4[x + 28];
	}

	private static void run1At24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 24] + w1 * a1[x + 24] + w2 * a2[x + 24] + w3 * a3[x + 28] + w4 * a4[x + 28];
	}

	private static void run2At24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 24] + w1 * a1[x + 24] + w2 * a2[x + 28] + w3 * a3[x + 28] + w4 * a4[x + 28];
	}

	private static void run3At24(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 24] + w1 * a1[x + 28] + w2 * a2[x + 28] + w3 * a3[x + 28] + w4 * a4[x + 28];
	}

	private static void run0At28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 28] + w1 * a1[x + 28] + w2 * a2[x + 28] + w3 * a3[x + 28] + w4 * a4[x + 32];
	}

	private static void run1At28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 28] + w1 * a1[x + 28] + w2 * a2[x + 28] + w3 * a3[x + 32] + w4 * a4[x + 32];
	}

	private static void run2At28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 28] + w1 * a1[x + 28] + w2 * a2[x + 32] + w3 * a3[x + 32] + w4 * a4[x + 32];
	}

	private static void run3At28(final double[] acc, final int n, final double[] a0, final double[] a1, final double[] a2, final double[] a3, final double[] a4, final double w0, final double w1, final double w2, final double w3, final double w4) {
		for (int x = 0; x < n; x++)
			acc[x] += w0 * a0[x + 28] + w1 * a1[x + 32] + w2 * a2[x + 32] + w3 * a3[x + 32] + w4 * a4[x + 32];
	}
}
