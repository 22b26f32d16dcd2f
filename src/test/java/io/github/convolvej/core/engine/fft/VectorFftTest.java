package io.github.convolvej.core.engine.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The row-wise power-of-two FFT against the defining sum: its forward output
 * is the DFT in some fixed order, the inverse takes it back (times n), and
 * multiplying two forward transforms gives circular convolution, which is
 * all the engine relies on.
 */
class VectorFftTest {

	private static final int WIDTH = 3; // complex values per row

	private static double[] random(final Random rnd, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = rnd.nextDouble() * 2 - 1;
		return v;
	}

	/** Column {@code c} of rows {@code 2 * WIDTH} doubles apart, as complex values. */
	private static double[] column(final double[] a, final int n, final int c) {
		final double[] col = new double[2 * n];
		for (int r = 0; r < n; r++) {
			col[2 * r] = a[r * 2 * WIDTH + 2 * c];
			col[2 * r + 1] = a[r * 2 * WIDTH + 2 * c + 1];
		}
		return col;
	}

	private static double[] dft(final double[] x, final int n) {
		final double[] y = new double[2 * n];
		for (int k = 0; k < n; k++)
			for (int j = 0; j < n; j++) {
				final double angle = -2 * Math.PI * j * k / n;
				final double c = Math.cos(angle), s = Math.sin(angle);
				y[2 * k] += x[2 * j] * c - x[2 * j + 1] * s;
				y[2 * k + 1] += x[2 * j] * s + x[2 * j + 1] * c;
			}
		return y;
	}

	@Test
	void forwardIsTheDftInAFixedOrderAndInverseUndoesIt() {
		final Random rnd = new Random(1);
		for (final int n : new int[] { 2, 4, 8, 16, 32, 128, 512 }) {
			final VectorFft f = new VectorFft(n);
			final double[] a = random(rnd, 2 * WIDTH * n);
			final double[] original = a.clone();
			f.forward(a, 0, 2 * WIDTH, 0, WIDTH);
			int[] order = null;
			for (int c = 0; c < WIDTH; c++) {
				final double[] expected = dft(column(original, n, c), n);
				final double[] got = column(a, n, c);
				final int[] o = new int[n];
				// each output row holds one frequency, the same one for every column
				for (int r = 0; r < n; r++) {
					int best = -1;
					double bestError = Double.MAX_VALUE;
					for (int k = 0; k < n; k++) {
						final double e = Math.hypot(got[2 * r] - expected[2 * k], got[2 * r + 1] - expected[2 * k + 1]);
						if (e < bestError) {
							bestError = e;
							best = k;
						}
					}
					assertEquals(0, bestError, 1e-10 * n, "n " + n + " row " + r);
					o[r] = best;
				}
				if (order != null)
					assertArrayEquals(order, o);
				order = o;
			}
			final int[] sorted = order.clone();
			Arrays.sort(sorted);
			for (int k = 0; k < n; k++)
				assertEquals(k, sorted[k], "a permutation, n " + n);
			f.inverse(a, 0, 2 * WIDTH, 0, WIDTH);
			for (int i = 0; i < a.length; i++)
				assertEquals(n * original[i], a[i], 1e-10 * n);
		}
	}

	@Test
	void productOfTransformsIsCircularConvolution() {
		final Random rnd = new Random(2);
		for (final int n : new int[] { 4, 32, 64, 256 }) {
			final VectorFft f = new VectorFft(n);
			final double[] x = random(rnd, 2 * WIDTH * n), y = random(rnd, 2 * WIDTH * n);
			final double[] fx = x.clone(), fy = y.clone();
			f.forward(fx, 0, 2 * WIDTH, 0, WIDTH);
			f.forward(fy, 0, 2 * WIDTH, 0, WIDTH);
			for (int i = 0; i < fx.length; i += 2) {
				final double re = fx[i] * fy[i] - fx[i + 1] * fy[i + 1];
				fx[i + 1] = fx[i] * fy[i + 1] + fx[i + 1] * fy[i];
				fx[i] = re;
			}
			f.inverse(fx, 0, 2 * WIDTH, 0, WIDTH);
			for (int c = 0; c < WIDTH; c++)
				for (int r = 0; r < n; r++) {
					double re = 0, im = 0;
					for (int j = 0; j < n; j++) {
						final int a = j * 2 * WIDTH + 2 * c, b = ((r - j + n) % n) * 2 * WIDTH + 2 * c;
						re += x[a] * y[b] - x[a + 1] * y[b + 1];
						im += x[a] * y[b + 1] + x[a + 1] * y[b];
					}
					assertEquals(n * re, fx[r * 2 * WIDTH + 2 * c], 1e-9 * n);
					assertEquals(n * im, fx[r * 2 * WIDTH + 2 * c + 1], 1e-9 * n);
				}
		}
	}

	@Test
	void partOfTheRowsOnly() {
		final Random rnd = new Random(3);
		final VectorFft f = new VectorFft(16);
		final double[] a = random(rnd, 2 * WIDTH * 16 + 10);
		final double[] b = a.clone();
		f.forward(a, 4, 2 * WIDTH, 1, 2);
		// column 1 transformed, columns 0 and 2 and the values outside untouched
		for (int i = 0; i < a.length; i++) {
			final int c = (i - 4) % (2 * WIDTH) / 2;
			if (i < 4 || i >= 4 + 2 * WIDTH * 16 || c != 1)
				assertEquals(b[i], a[i]);
		}
		assertThrows(IllegalArgumentException.class, () -> new VectorFft(12));
	}
}
