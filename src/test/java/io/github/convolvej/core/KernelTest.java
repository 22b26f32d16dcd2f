package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Kernel's own operations, each checked against its definition per
 * coordinate: flip (and its anchor K-1-a), conjugate, normalize,
 * withDimensions and the separable factors.
 */
class KernelTest {

	/** Flat index of a coordinate, x fastest. */
	private static int index(final int[] dims, final int... pos) {
		int i = 0, stride = 1;
		for (int d = 0; d < dims.length; d++) {
			i += pos[d] * stride;
			stride *= dims[d];
		}
		return i;
	}

	@Test
	void flipReversesEveryAxisAndMovesTheAnchor() {
		final int[] dims = { 4, 3, 2 };
		final double[] re = new double[24], im = new double[24];
		for (int i = 0; i < 24; i++) {
			re[i] = i + 1;
			im[i] = 100 - i;
		}
		final Kernel k = Kernel.complex(re, im, dims).withAnchor(0, 2, 1);
		final Kernel f = k.flip();
		assertArrayEquals(dims, f.dimensions());
		assertArrayEquals(new int[] { 3, 0, 0 }, f.anchor()); // K - 1 - a
		final double[] fr = f.real(), fi = f.imaginary();
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 4; x++) {
					final int src = index(dims, 3 - x, 2 - y, 1 - z);
					assertEquals(re[src], fr[index(dims, x, y, z)], "real at " + x + "," + y + "," + z);
					assertEquals(im[src], fi[index(dims, x, y, z)], "imaginary at " + x + "," + y + "," + z);
				}
		assertEquals(k, f.flip());
	}

	@Test
	void flipOfTheDefaultAnchorOfAnEvenKernel() {
		// (K-1)/2 of 4 is 1; flipped it is 2, which is K/2: SciPy's convolve/correlate pairing
		final Kernel k = Kernel.of(new double[] { 1, 2, 3, 4 }, 4);
		assertArrayEquals(new int[] { 1 }, k.anchor());
		assertArrayEquals(new int[] { 2 }, k.flip().anchor());
		assertArrayEquals(new double[] { 4, 3, 2, 1 }, k.flip().real());
	}

	@Test
	void sobelFlippedIsNegated() {
		// an antisymmetric kernel: flipping both axes negates it
		final double[] s = Kernel.parse("sobel-x").real(), f = Kernel.parse("sobel-x").flip().real();
		for (int i = 0; i < s.length; i++)
			assertEquals(-s[i], f[i], 0); // delta 0: -0 and 0 are equal here
	}

	@Test
	void conjugate() {
		final Kernel scharr = Kernel.parse("scharr");
		final Kernel c = scharr.conjugate();
		assertArrayEquals(scharr.real(), c.real());
		final double[] im = scharr.imaginary(), ci = c.imaginary();
		for (int i = 0; i < im.length; i++)
			assertEquals(-im[i], ci[i], 0);
		assertEquals(scharr, c.conjugate());
		assertArrayEquals(scharr.anchor(), c.anchor());
		final Kernel laplace = Kernel.parse("laplace");
		assertSame(laplace, laplace.conjugate());
	}

	@Test
	void normalizeDividesByTheSum() {
		final Kernel k = Kernel.of(new double[] { 1, 2, 3, 4 }, 2, 2).withAnchor(1, 0);
		final Kernel n = k.normalize();
		assertArrayEquals(new double[] { 0.1, 0.2, 0.3, 0.4 }, n.real(), 1e-16);
		assertEquals(1, n.sum(), 1e-15);
		assertArrayEquals(new int[] { 1, 0 }, n.anchor());
		// a zero-sum kernel stays as it is
		final Kernel laplace = Kernel.parse("laplace");
		assertSame(laplace, laplace.normalize());
	}

	@Test
	void normalizeNeitherOverflowsNorUnderflows() {
		for (final double entry : new double[] { 1e152, 1e300, 1e-300, Double.MIN_NORMAL }) {
			final double[] values = new double[1000];
			java.util.Arrays.fill(values, entry);
			values[0] = 3 * entry; // 1002 parts: the first holds 3, every other 1
			final Kernel n = Kernel.of(values, 1000, 1).normalize();
			assertEquals(3.0 / 1002, n.real()[0], 1e-15, "entries of " + entry);
			assertEquals(1.0 / 1002, n.real()[999], 1e-15, "entries of " + entry);
			assertEquals(1, n.sum(), 1e-12, "entries of " + entry);
		}
		final Kernel c = Kernel.complex(new double[] { 1e300, 1e300 }, new double[] { 1e300, -1e300 }, 2, 1).normalize();
		assertArrayEquals(new double[] { 0.5, 0.5 }, c.real(), 1e-15);
		assertArrayEquals(new double[] { 0.5, -0.5 }, c.imaginary(), 1e-15);
	}

	@Test
	void normalizeOfAComplexKernelIsAComplexDivision() {
		final double[] re = { 1, 2, -1 }, im = { 1, 0, 3 };
		final Kernel k = Kernel.complex(re, im, 3);
		final Kernel n = k.normalize();
		// sum = 2 + 4i; n[j] * sum must give back k[j]
		final double sr = 2, si = 4;
		final double[] nr = n.real(), ni = n.imaginary();
		for (int j = 0; j < 3; j++) {
			assertEquals(re[j], nr[j] * sr - ni[j] * si, 1e-15, "real " + j);
			assertEquals(im[j], nr[j] * si + ni[j] * sr, 1e-15, "imaginary " + j);
		}
		assertEquals(1, n.sum(), 1e-15);
		assertEquals(0, n.imaginarySum(), 1e-15);
		// the Scharr kernel sums to 0 + 0i: unchanged
		final Kernel scharr = Kernel.parse("scharr");
		assertSame(scharr, scharr.normalize());
	}

	@Test
	void withDimensionsAddsAndRemovesUnitAxes() {
		final Kernel k = Kernel.parse("1 2 3; 4 5 6").withAnchor(2, 1);
		final Kernel k3 = k.withDimensions(3);
		assertArrayEquals(new int[] { 3, 2, 1 }, k3.dimensions());
		assertArrayEquals(new int[] { 2, 1, 0 }, k3.anchor());
		assertArrayEquals(k.real(), k3.real());
		assertEquals(k, k3.withDimensions(2));
		assertEquals(k, k.withDimensions(2));
		final Kernel row = Kernel.parse("1 2 3");
		assertArrayEquals(new int[] { 3 }, row.withDimensions(1).dimensions());
		assertThrows(IllegalArgumentException.class, () -> k.withDimensions(1)); // the y axis has size 2
		assertEquals(1, k3.dimension(2));
		assertEquals(1, k.dimension(5)); // beyond its axes a kernel has size 1
	}

	/** Asserts that the outer product of the factors gives back the kernel. */
	private static void assertFactorsReproduce(final Kernel k, final double[][] f) {
		final int[] dims = k.dimensions();
		assertEquals(dims.length, f.length);
		for (int d = 0; d < dims.length; d++)
			assertEquals(dims[d], f[d].length, "factor " + d);
		final double[] v = k.real();
		final int[] pos = new int[dims.length];
		for (int i = 0; i < v.length; i++) {
			double p = 1;
			for (int d = 0; d < dims.length; d++)
				p *= f[d][pos[d]];
			assertEquals(v[i], p, 1e-14 * k.maxAbs(), "entry " + i);
			for (int d = 0; d < dims.length; d++) {
				if (++pos[d] < dims[d])
					break;
				pos[d] = 0;
			}
		}
	}

	@Test
	void separableFactorsOfRankOneKernels() {
		for (final String text : new String[] { "box(3)", "box(4)", "gaussian(2, 1)", "gaussian(1, 0.7, 0.5)", "sobel-x", "sobel-y", "prewitt-y", "7",
				"1 2 3", "1; 2; 3", "0 0 0; 1 2 1; 0 0 0" }) {
			final Kernel k = Kernel.parse(text);
			final Optional< double[][] > f = k.separableFactors();
			assertTrue(f.isPresent(), text);
			assertFactorsReproduce(k, f.get());
		}
		// the Sobel factors are a derivative across and a smoothing along, up to scale
		final double[][] sobel = Kernel.parse("sobel-x").separableFactors().get();
		assertEquals(0, sobel[0][1], 0);
		assertEquals(-sobel[0][0], sobel[0][2], 1e-15);
		assertEquals(2 * sobel[1][0], sobel[1][1], 1e-15);
		assertEquals(sobel[1][0], sobel[1][2], 1e-15);
		// the Gaussian's factors are proportional to its 1-D weights
		final double[][] g = Kernel.parse("gaussian(2, 1)").separableFactors().get();
		final double[] wx = NamedKernels.gaussianWeights(2), wy = NamedKernels.gaussianWeights(1);
		for (int i = 0; i < wx.length; i++)
			assertEquals(wx[i] / wx[8], g[0][i] / g[0][8], 1e-13, "x " + i);
		for (int i = 0; i < wy.length; i++)
			assertEquals(wy[i] / wy[4], g[1][i] / g[1][4], 1e-13, "y " + i);
	}

	@Test
	void noSeparableFactorsForHigherRankOrComplexKernels() {
		for (final String text : new String[] { "1 0; 0 1", "laplace", "sharpen", "emboss", "ripple", "scharr", "0 0; 0 0", "1 2; 3 4 | 1 2; 3 5" })
			assertFalse(Kernel.parse(text).separableFactors().isPresent(), text);
	}

	@Test
	void sumsAndChecks() {
		final Kernel k = Kernel.parse("1 -2; 3 -4");
		assertEquals(-2, k.sum());
		assertEquals(4, k.maxAbs());
		assertEquals(5, Kernel.parse("3+4i").maxAbs(), 1e-15);
		assertFalse(k.isZero());
		assertTrue(Kernel.parse("0 0i; -0 0").isZero());
		assertFalse(k.hasNonFinite());
		assertTrue(Kernel.of(new double[] { 1, Double.NaN }, 2).hasNonFinite());
		assertTrue(Kernel.complex(new double[] { 1, 2 }, new double[] { 0, Double.POSITIVE_INFINITY }, 2).hasNonFinite());
		assertEquals(Kernel.parse("1 2"), Kernel.of(new double[] { 1, 2 }, 2, 1));
		assertNotEquals(Kernel.parse("1 2"), Kernel.parse("1 2").withAnchor(1, 0));
		assertEquals(Kernel.parse("1 2").hashCode(), Kernel.of(new double[] { 1, 2 }, 2, 1).hashCode());
	}

	@Test
	void constructionErrors() {
		assertThrows(IllegalArgumentException.class, () -> Kernel.of(new double[3], 2, 2));
		assertThrows(IllegalArgumentException.class, () -> Kernel.of(new double[0], 0));
		assertThrows(IllegalArgumentException.class, () -> Kernel.of(new double[1]));
		assertThrows(IllegalArgumentException.class, () -> Kernel.complex(new double[4], new double[3], 2, 2));
		assertThrows(IllegalArgumentException.class, () -> Kernel.parse("1 2").withAnchor(0));
	}

	@Test
	void anAnchorOutsideTheKernelIsRefusedSayingWhere() {
		final Kernel k = Kernel.parse("1 2 3; 4 5 6");
		for (final int[] inside : new int[][] { { 0, 0 }, { 2, 1 } })
			assertArrayEquals(inside, k.withAnchor(inside).anchor());
		final IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> k.withAnchor(3, 0));
		assertTrue(beyond.getMessage().contains("The anchor [3, 0] lies outside the 3x2 kernel: along x it must be from 0 to 2"), beyond.getMessage());
		final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> k.withAnchor(0, -1));
		assertTrue(negative.getMessage().contains("along y it must be from 0 to 1"), negative.getMessage());
	}
}
