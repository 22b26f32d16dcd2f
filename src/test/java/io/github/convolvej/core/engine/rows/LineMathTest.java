package io.github.convolvej.core.engine.rows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The line sums against the formula, reading nothing outside the values they sum. */
class LineMathTest {

	@Test
	void passesSumEveryTapOnceAndReadNothingElse() {
		final Random rnd = new Random(11);
		for (int trial = 0; trial < 400; trial++) {
			final int n = 1 + rnd.nextInt(40);
			final int width = 1 + rnd.nextInt(trial % 3 == 0 ? 70 : 12);
			final int lines = 1 + rnd.nextInt(4);
			// each line: width - 1 + n values, then NaN, which no tap may read
			final double[][][] copies = new double[lines][LineMath.phase(width - 1) / 4 * 4 + 4][];
			for (int l = 0; l < lines; l++) {
				final double[] row = new double[n + width - 1 + 2 * LineMath.ZEROS];
				Arrays.fill(row, Double.NaN);
				for (int i = 0; i < n + width - 1; i++)
					row[i] = rnd.nextInt(21) - 10;
				copies[l][0] = row;
				for (int c = 1; c < copies[l].length; c++)
					copies[l][c] = new double[row.length];
				LineMath.shiftCopies(copies[l], n + width - 1);
				for (int c = 1; c < copies[l].length; c++) // what shiftCopies leaves is not data either
					for (int i = n + width - 1 - (c % 4 + LineMath.GROUP * (c / 4)); i < row.length; i++)
						if (i >= 0)
							copies[l][c][i] = Double.NaN;
			}
			final int count = rnd.nextInt(Math.min(3 * width * lines, 60) + 1);
			final int[] x = new int[count], line = new int[count];
			final double[] weight = new double[count];
			final boolean[][] used = new boolean[lines][width];
			int t = 0;
			for (int tries = 0; t < count && tries < 1000; tries++) {
				final int l = rnd.nextInt(lines), j = rnd.nextInt(width);
				if (used[l][j])
					continue;
				used[l][j] = true;
				x[t] = j;
				line[t] = l;
				weight[t++] = 1 + rnd.nextInt(9);
			}
			final int taps = t;
			final LineMath.Passes passes = new LineMath.Passes(Arrays.copyOf(x, taps), Arrays.copyOf(line, taps), width);
			final double[] expected = new double[n];
			for (int u = 0; u < taps; u++)
				for (int i = 0; i < n; i++)
					expected[i] += weight[u] * copies[line[u]][0][i + x[u]];
			final int[] seen = new int[taps];
			final double[][] a = new double[passes.slots()][];
			final double[] w = new double[passes.slots()];
			final double[] zeros = new double[n + LineMath.ZEROS];
			for (int s = 0; s < a.length; s++) {
				final int u = passes.tap[s];
				a[s] = passes.copy[s] < 0 ? zeros : copies[line[u]][passes.copy[s]];
				assertEquals(u < 0, passes.copy[s] < 0);
				w[s] = u < 0 ? 0 : weight[u];
				if (u >= 0)
					seen[u]++;
			}
			for (int u = 0; u < taps; u++)
				assertEquals(1, seen[u], "tap " + u + " in one slot");
			final double[] acc = new double[n];
			Arrays.fill(acc, Double.NaN);
			LineMath.sum(acc, n, a, w, passes);
			assertArrayEquals(expected, acc, 0, "trial " + trial + ", width " + width + ", " + taps + " taps");
		}
	}

	@Test
	void wideRowsAreSummedInRuns() {
		// nine taps of one line: two runs of five offsets, the second with a hole at 9
		final LineMath.Passes p = new LineMath.Passes(new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, new int[9], 9);
		assertEquals(2, p.start.length);
		assertEquals(10, p.slots());
		assertEquals(-1, p.tap[9]);
		// three wide: one batch at offset 0
		final LineMath.Passes q = new LineMath.Passes(new int[] { 0, 1, 2, 0, 1, 2 }, new int[] { 0, 0, 0, 1, 1, 1 }, 3);
		assertEquals(2, q.start.length);
		assertEquals(6, q.slots());
	}

	@Test
	void phasesAndOffsetsAddUpToTheTap() {
		for (int j = 0; j < 200; j++) {
			final int copy = LineMath.phase(j);
			final int shift = copy % 4 + LineMath.GROUP * (copy / 4);
			assertEquals(j, shift + LineMath.offset(j), "tap " + j);
			assertEquals(0, LineMath.offset(j) % 4);
		}
		final double[][] row = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, new double[10], null, new double[10] };
		LineMath.shiftCopies(row, 10);
		assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0 }, row[1]);
		assertArrayEquals(new double[] { 3, 4, 5, 6, 7, 8, 9, 0, 0, 0 }, row[3]);
	}
}
