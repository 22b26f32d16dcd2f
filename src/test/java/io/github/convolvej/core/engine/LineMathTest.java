package io.github.convolvej.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The line sums against the formula, reading nothing outside the values they sum. */
class LineMathTest {

	@Test
	void sumReadsOnlyItsTapsAtTheirOffsets() {
		final Random rnd = new Random(11);
		for (int trial = 0; trial < 300; trial++) {
			final int n = 1 + rnd.nextInt(40);
			final int count = rnd.nextInt(23);
			final double[][] a = new double[count][];
			final double[] w = new double[count];
			final int[] offset = new int[count];
			for (int t = 0; t < count; t++)
				offset[t] = 4 * rnd.nextInt(LineMath.GROUP / 4);
			Arrays.sort(offset);
			final double[] expected = new double[n];
			for (int t = 0; t < count; t++) {
				// NaN everywhere the sum must not look
				a[t] = new double[n + LineMath.GROUP + 3];
				Arrays.fill(a[t], Double.NaN);
				w[t] = rnd.nextInt(9) - 4;
				for (int x = 0; x < n; x++) {
					a[t][x + offset[t]] = rnd.nextInt(21) - 10;
					expected[x] += w[t] * a[t][x + offset[t]];
				}
			}
			final double[] acc = new double[n];
			Arrays.fill(acc, Double.NaN);
			LineMath.sum(acc, n, a, w, offset, count, new double[n + LineMath.GROUP]);
			assertArrayEquals(expected, acc, 0, "trial " + trial + ", " + count + " taps at " + Arrays.toString(offset));
		}
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
