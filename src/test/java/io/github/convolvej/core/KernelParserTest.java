package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Kernel text: matrices in every accepted spelling, each named kernel's
 * values (the Gaussian against the formula and against numbers SciPy
 * printed), every error message, and garbage that must fail cleanly.
 */
class KernelParserTest {

	private static void assertKernel(final String text, final int[] dims, final double[] re, final double[] im) {
		final Kernel k = Kernel.parse(text);
		assertArrayEquals(dims, k.dimensions(), text + ": dims");
		assertArrayEquals(re, k.real(), 0, text + ": real");
		assertEquals(im != null, k.isComplex(), text + ": complex");
		if (im != null)
			assertArrayEquals(im, k.imaginary(), 0, text + ": imaginary");
	}

	private static void assertReal(final String text, final double[] re, final int... dims) {
		assertKernel(text, dims, re, null);
	}

	// ---- matrices

	@Test
	void rowsAreYAndColumnsAreX() {
		// row r is y = r, column c is x = c; flat x fastest, so the text order is kept
		final Kernel k = Kernel.parse("1 2 3; 4 5 6");
		assertArrayEquals(new int[] { 3, 2 }, k.dimensions());
		final double[] v = k.real();
		assertEquals(3, v[2 + 3 * 0]); // x = 2, y = 0
		assertEquals(4, v[0 + 3 * 1]); // x = 0, y = 1
		assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, v);
		assertArrayEquals(new int[] { 1, 0 }, k.anchor()); // (K-1)/2
	}

	@Test
	void separatorsAndSpacing() {
		final double[] v = { 1, 2, 3, 4, 5, 6 };
		for (final String text : new String[] { "1 2 3; 4 5 6", "1,2,3;4,5,6", "  1 ,2 , 3 ; 4,5,6 ;  ", "1\t2\t3\n4\t5\t6\n", "1 2 3\r\n4 5 6\r\n",
				"1, 2, 3,\n4, 5, 6,", "1 2 3;\n4 5 6;\n", "\n\n1 2 3\n4 5 6\n\n", "[1 2 3; 4 5 6]", " [ 1, 2, 3 ;\n 4, 5, 6 ] ", "1 2 3;;4 5 6",
				"1 2 3 ; 4 5 6 |", "1\u00a02\u00a03; 4 5 6" })
			assertReal(text, v, 3, 2);
	}

	@Test
	void pythonNestedLists() {
		final double[] v = { 1, 2, 3, 4, 5, 6 };
		assertReal("[[1,2,3],[4,5,6]]", v, 3, 2);
		assertReal("[[1, 2, 3], [4, 5, 6]]", v, 3, 2);
		assertReal("[[1. 2. 3.]\n [4. 5. 6.]]", v, 3, 2); // numpy's print form
		assertReal("[[1,2,3],[4,5,6],]", v, 3, 2); // Python's trailing comma
		assertReal("[[[1,2],[3,4]],[[5,6],[7,8]]]", new double[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 2, 2, 2);
		assertReal("[[[1]]]", new double[] { 1 }, 1, 1);
	}

	@Test
	void singleRowsColumnsAndValues() {
		assertReal("1 2 3", new double[] { 1, 2, 3 }, 3, 1);
		assertReal("[1, 2, 3]", new double[] { 1, 2, 3 }, 3, 1);
		assertReal("1; 2; 3", new double[] { 1, 2, 3 }, 1, 3);
		assertReal("7", new double[] { 7 }, 1, 1);
		assertReal(" [ -7 ] ", new double[] { -7 }, 1, 1);
	}

	@Test
	void planesByBarOrBlankLine() {
		final double[] v = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
		for (final String text : new String[] { "1 2; 3 4 | 5 6; 7 8 | 9 10; 11 12", "1 2\n3 4\n\n5 6\n7 8\n\n9 10\n11 12",
				"1 2\n3 4\n   \t\n5 6\n7 8\n\n\n\n9 10\n11 12\n", "1 2\r\n3 4\r\n\r\n5 6\r\n7 8\r\n\r\n9 10\r\n11 12", "[1,2;3,4|5,6;7,8|9,10;11,12]",
				"1 2; 3 4 |\n5 6; 7 8 |\n9 10; 11 12 |", "[[[1,2],[3,4]],[[5,6],[7,8]],[[9,10],[11,12]]]" })
			assertReal(text, v, 2, 2, 3);
		// plane p is z = p: x fastest, then y, then z
		final Kernel k = Kernel.parse("1 2; 3 4 | 5 6; 7 8 | 9 10; 11 12");
		assertEquals(10, k.real()[1 + 2 * (0 + 2 * 2)]); // x = 1, y = 0, z = 2
		assertReal("1 | 2 | 3", new double[] { 1, 2, 3 }, 1, 1, 3);
	}

	@Test
	void numberForms() {
		assertReal("1e-3 2.5E+2 -.5 3. +4 0.25e1 -0 1E2", new double[] { 1e-3, 250, -0.5, 3, 4, 2.5, -0.0, 100 }, 8, 1);
		assertReal("\u22121 \u22122.5e\u22121", new double[] { -1, -0.25 }, 2, 1); // typographic minus
	}

	@Test
	void complexEntries() {
		assertKernel("3-3i -10j 10i i; -i 3+3j 1e-3+2.5E+2J -2.5I", new int[] { 4, 2 }, new double[] { 3, 0, 0, 0, 0, 3, 1e-3, 0 },
				new double[] { -3, -10, 10, 1, -1, 3, 250, -2.5 });
		assertKernel("1+i 2-j", new int[] { 2, 1 }, new double[] { 1, 2 }, new double[] { 1, -1 });
		// an imaginary part that is zero everywhere gives a real kernel
		assertReal("1+0i 2 0j", new double[] { 1, 2, 0 }, 3, 1);
	}

	@Test
	void articleScharrInPythonFormIsTheNamedOne() {
		final Kernel python = Kernel.parse("[[-3-3j,-10j,3-3j],[-10,0,10],[-3+3j,10j,3+3j]]");
		assertEquals(Kernel.parse("scharr"), python);
		assertEquals(Kernel.parse("-3-3i -10i 3-3i; -10 0 10; -3+3i 10i 3+3i"), python);
	}

	@Test
	void zeroKernelIsReadable() {
		// whether an all-zero kernel is usable is the caller's decision
		assertTrue(Kernel.parse("0 0; 0 0").isZero());
	}

	// ---- named kernels

	@Test
	void fixedNamedKernels() {
		final double r2 = Math.sqrt(2);
		assertReal("laplace", new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3);
		assertReal("sobel-x", new double[] { -1, 0, 1, -2, 0, 2, -1, 0, 1 }, 3, 3);
		assertReal("sobel-y", new double[] { -1, -2, -1, 0, 0, 0, 1, 2, 1 }, 3, 3);
		assertReal("prewitt-x", new double[] { -1, 0, 1, -1, 0, 1, -1, 0, 1 }, 3, 3);
		assertReal("prewitt-y", new double[] { -1, -1, -1, 0, 0, 0, 1, 1, 1 }, 3, 3);
		assertReal("emboss", new double[] { -2, -1, 0, -1, 1, 1, 0, 1, 2 }, 3, 3);
		assertReal("sharpen", new double[] { 0, -1, 0, -1, 5, -1, 0, -1, 0 }, 3, 3);
		assertReal("ripple", new double[] { 0, -1, r2, 1, 0, -1, -r2, 1, 0 }, 3, 3);
		assertKernel("scharr", new int[] { 3, 3 }, new double[] { -3, 0, 3, -10, 0, 10, -3, 0, 3 }, new double[] { -3, -10, -3, 0, 0, 0, 3, 10, 3 });
	}

	@Test
	void yKernelsAreTransposesOfXKernels() {
		for (final String family : new String[] { "sobel", "prewitt" }) {
			final double[] x = Kernel.parse(family + "-x").real(), y = Kernel.parse(family + "-y").real();
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 3; c++)
					assertEquals(x[c + 3 * r], y[r + 3 * c], family + " at " + c + "," + r);
		}
	}

	@Test
	void namesIgnoreCaseSpacesAndSeparators() {
		final Kernel sobel = Kernel.parse("sobel-x");
		for (final String text : new String[] { "SOBEL-X", " Sobel_X ", "sobelx", "[sobel-x]", " [ sobel-x ] ", "sobel-x()", "sobel-x ( )", "\nsobel-x\n" })
			assertEquals(sobel, Kernel.parse(text), text);
		assertEquals(Kernel.parse("box(3)"), Kernel.parse("  BOX ( 3 ) "));
		assertEquals(Kernel.parse("gaussian(2, 1)"), Kernel.parse("Gaussian(2 1)"));
		assertEquals(Kernel.parse("gaussian(2,1)"), Kernel.parse("[gaussian( 2 , 1 )]"));
		assertEquals(Kernel.parse("box(3)"), Kernel.parse("box(3,)")); // a trailing comma, as in matrices
	}

	@Test
	void box() {
		for (final int n : new int[] { 1, 2, 3, 5 }) {
			final Kernel k = Kernel.parse("box(" + n + ")");
			assertArrayEquals(new int[] { n, n }, k.dimensions());
			for (final double v : k.real())
				assertEquals(1.0 / (n * n), v, 0);
		}
		assertEquals(Kernel.parse("box(3)"), Kernel.parse("box(3.0)"));
	}

	/** The defining formula, written out here apart from the code under test. */
	private static double[] gaussianFormula(final double sigma) {
		final int radius = (int) (4 * sigma + 0.5);
		final double[] w = new double[2 * radius + 1];
		double sum = 0;
		for (int i = 0; i < w.length; i++) {
			final double x = i - radius;
			w[i] = Math.exp(-x * x / (2 * sigma * sigma));
			sum += w[i];
		}
		for (int i = 0; i < w.length; i++)
			w[i] /= sum;
		return w;
	}

	@Test
	void gaussianWeightsFollowTheFormula() {
		for (final double sigma : new double[] { 0.1, 0.3, 0.5, 1, 1.125, 1.5, 2, 3.7, 10 }) {
			final double[] expected = gaussianFormula(sigma);
			final double[] w = NamedKernels.gaussianWeights(sigma);
			assertEquals(expected.length, w.length, "length for sigma " + sigma);
			assertArrayEquals(expected, w, 1e-16, "sigma " + sigma);
		}
		// the radius rule at its rounding edges: 4 * 1.125 + 0.5 = 5 exactly, 4 * 0.3 + 0.5 = 1.7
		assertEquals(11, NamedKernels.gaussianWeights(1.125).length);
		assertEquals(3, NamedKernels.gaussianWeights(0.3).length);
		assertArrayEquals(new double[] { 1 }, NamedKernels.gaussianWeights(0.1), 0);
	}

	@Test
	void gaussianWeightsMatchScipy() {
		// scipy.ndimage._filters._gaussian_kernel1d(sigma, 0, int(4 * sigma + 0.5)), SciPy 1.10.1,
		// from the centre outwards (the weights are symmetric)
		final double[] sigma1 = { 0.39894346935609776, 0.24197144565660073, 0.05399112742070441, 0.0044318616200312655, 0.00013383062461474175 };
		final double[] sigma2 = { 0.199474647864745, 0.17603575888479037, 0.12098748976534904, 0.06475993660472744, 0.026995957967298846,
				0.00876430436278587, 0.002215963172596555, 0.0004363490205067883, 6.691628957263553e-05 };
		final double[] sigmaHalf = { 0.7865707258873422, 0.10645077197359151, 0.00026386508273735414 };
		checkAgainstScipy(1, sigma1);
		checkAgainstScipy(2, sigma2);
		checkAgainstScipy(0.5, sigmaHalf);
	}

	private static void checkAgainstScipy(final double sigma, final double[] centreOutwards) {
		final double[] w = NamedKernels.gaussianWeights(sigma);
		final int r = centreOutwards.length - 1;
		assertEquals(2 * r + 1, w.length, "sigma " + sigma);
		for (int x = 0; x <= r; x++) {
			assertEquals(centreOutwards[x], w[r + x], 1e-15 * centreOutwards[x], "sigma " + sigma + " at +" + x);
			assertEquals(centreOutwards[x], w[r - x], 1e-15 * centreOutwards[x], "sigma " + sigma + " at -" + x);
		}
	}

	@Test
	void gaussian2dIsTheProductOfItsAxes() {
		final Kernel iso = Kernel.parse("gaussian(2)");
		assertArrayEquals(new int[] { 17, 17 }, iso.dimensions());
		assertArrayEquals(new int[] { 8, 8 }, iso.anchor());
		final Kernel k = Kernel.parse("gaussian(2, 1)"); // sigma x = 2, sigma y = 1
		assertArrayEquals(new int[] { 17, 9 }, k.dimensions());
		final double[] gx = gaussianFormula(2), gy = gaussianFormula(1);
		final double[] v = k.real();
		for (int y = 0; y < 9; y++)
			for (int x = 0; x < 17; x++)
				assertEquals(gx[x] * gy[y], v[x + 17 * y], 1e-17, "at " + x + "," + y);
		assertEquals(1, k.sum(), 1e-14);
	}

	@Test
	void gaussianMatchesScipyGaussianFilter() {
		// scipy.ndimage.gaussian_filter(delta, sigma=(1.0, 2.0), mode='constant') on a 21 x 31 image with a 1
		// at row 10, column 15 (numpy's sigma order is y, x), SciPy 1.10.1; {dx, dy, value}
		final double[][] points2d = { { 0, 0, 0.07957910806774729 }, { 3, 1, 0.015670055480875713 }, { 8, -4, 8.955448830406743e-09 },
				{ -5, 2, 0.00047319467360500746 } };
		final Kernel k = Kernel.parse("gaussian(2, 1)");
		for (final double[] p : points2d)
			assertEquals(p[2], value(k, (int) p[0], (int) p[1]), 1e-15 * p[2], "2-D at " + p[0] + "," + p[1]);
		// the same on a 9 x 9 x 9 volume, sigma=(0.5, 0.7, 1.0) for (z, y, x); {dx, dy, dz, value}
		final double[][] points3d = { { 0, 0, 0, 0.178816042337339 }, { 2, -1, 1, 0.001180513387123574 }, { -4, 3, -2, 2.06669342011874e-12 } };
		final Kernel k3 = Kernel.parse("gaussian(1, 0.7, 0.5)");
		assertArrayEquals(new int[] { 9, 7, 5 }, k3.dimensions()); // radii 4, 3 (4 * 0.7 + 0.5 = 3.3), 2: SciPy's nonzero extent
		for (final double[] p : points3d)
			assertEquals(p[3], value(k3, (int) p[0], (int) p[1], (int) p[2]), 1e-15 * p[3], "3-D at " + p[0] + "," + p[1] + "," + p[2]);
	}

	/** The entry at an offset from the centre. */
	private static double value(final Kernel k, final int... offset) {
		final int[] dims = k.dimensions();
		int index = 0, stride = 1;
		for (int d = 0; d < dims.length; d++) {
			index += (dims[d] / 2 + offset[d]) * stride;
			stride *= dims[d];
		}
		return k.real()[index];
	}

	@Test
	void namedKernelsJavaApi() {
		assertEquals(Kernel.parse("gaussian(1.5)"), NamedKernels.gaussian(1.5));
		assertEquals(Kernel.parse("gaussian(1.5, 1.5)"), NamedKernels.gaussian(1.5));
		assertEquals(Kernel.parse("box(4)"), NamedKernels.box(4));
		assertThrows(IllegalArgumentException.class, () -> NamedKernels.box(0));
		assertThrows(IllegalArgumentException.class, () -> NamedKernels.gaussian(0));
		assertThrows(IllegalArgumentException.class, () -> NamedKernels.gaussian(Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> NamedKernels.gaussian(1, 1, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> NamedKernels.gaussianWeights(Double.POSITIVE_INFINITY));
		assertEquals(13, NamedKernels.names().size());
		for (final String name : NamedKernels.names())
			if (!name.contains("("))
				assertTrue(Kernel.parse(name).numDimensions() == 2, name);
	}

	@Test
	void tinySigmaIsASinglePixel() {
		// sigma² underflows to 0: the centre weight must stay 1, not 0 * -inf
		assertReal("gaussian(1e-200)", new double[] { 1 }, 1, 1);
	}

	// ---- errors

	/** Asserts the message names {@code token} quoted and the 1-based position. */
	private static KernelSyntaxException assertError(final String text, final String token, final int position) {
		final KernelSyntaxException e = assertThrows(KernelSyntaxException.class, () -> Kernel.parse(text), text);
		assertEquals(position, e.position(), text + ": position in " + e.getMessage());
		if (token != null)
			assertTrue(e.getMessage().contains("'" + token + "'"), text + ": token in " + e.getMessage());
		assertTrue(e.getMessage().contains("character " + (position + 1)), text + ": position in " + e.getMessage());
		return e;
	}

	@Test
	void unreadableEntriesNameTheTokenAndTheSyntax() {
		final KernelSyntaxException e = assertError("1 2 abc", "abc", 4);
		assertTrue(e.getMessage().startsWith("Cannot read 'abc' at character 5 of the kernel."), e.getMessage());
		assertTrue(e.getMessage().contains("separated by spaces or commas"), e.getMessage());
		assertTrue(e.getMessage().contains("box(n)"), e.getMessage());
		assertError("1 2 3x", "3x", 4);
		assertError("1 - 2", "-", 2);
		assertError("1.2.3", "1.2.3", 0);
		assertError("0x10", "0x10", 0);
		assertError("3 -3ii", "-3ii", 2);
		assertError("1 (2)", "(2)", 2);
		assertError("1 2; 3 4e", "4e", 7);
		assertError("i3", null, 0); // a name that is unknown
	}

	@Test
	void positionsInMultiLineTextGiveLineAndColumn() {
		final KernelSyntaxException e = assertError("1 2\n3 x", "x", 6);
		assertTrue(e.getMessage().contains("line 2, column 3"), e.getMessage());
		final KernelSyntaxException crlf = assertError("1 2\r\n3 4\r\n5 y", "y", 12);
		assertTrue(crlf.getMessage().contains("line 3, column 3"), crlf.getMessage());
	}

	@Test
	void nonFiniteEntriesAreRejected() {
		for (final String bad : new String[] { "NaN", "nan", "-inf", "Infinity", "1+nanj", "infj" }) {
			final KernelSyntaxException e = assertError("1 " + bad + " 2", bad, 2);
			assertTrue(e.getMessage().contains("finite"), e.getMessage());
		}
		final KernelSyntaxException big = assertError("1 1e999", "1e999", 2);
		assertTrue(big.getMessage().contains("finite"), big.getMessage());
		assertError("nan", "nan", 0);
		assertError("1 2+1e400j", "2+1e400j", 2);
	}

	@Test
	void emptyTexts() {
		final KernelSyntaxException empty = assertThrows(KernelSyntaxException.class, () -> Kernel.parse("  \n "));
		assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
		assertEquals(0, empty.position());
		assertThrows(KernelSyntaxException.class, () -> Kernel.parse(""));
		assertEquals(-1, assertThrows(KernelSyntaxException.class, () -> Kernel.parse(null)).position());
		for (final String text : new String[] { "[]", "[ ]", ";", " ; ; ", "|", "[[]]", "\n\n\n" }) {
			final KernelSyntaxException e = assertThrows(KernelSyntaxException.class, () -> Kernel.parse(text), text);
			assertTrue(e.getMessage().contains("no numbers") || e.getMessage().contains("empty"), e.getMessage());
		}
	}

	@Test
	void commas() {
		assertError("1,,2", ",", 2);
		assertError(", 1", ",", 0);
		assertError("1 2; , 3 4", ",", 5);
		assertError("[[1,2],,[3,4]]", ",", 7);
		assertError("[,[1]]", ",", 1);
	}

	@Test
	void unequalRowsNameTheRowAndTheLengths() {
		KernelSyntaxException e = assertError("1 2; 3", null, 5);
		assertTrue(e.getMessage().startsWith("Row 2 has 1 number but row 1 has 2 numbers"), e.getMessage());
		e = assertError("1 2 3\n4 5 6\n7 8", null, 12);
		assertTrue(e.getMessage().startsWith("Row 3 has 2 numbers but row 1 has 3 numbers"), e.getMessage());
		assertTrue(e.getMessage().contains("line 3, column 1"), e.getMessage());
		e = assertError("[[1,2],[3,4,5]]", null, 7);
		assertTrue(e.getMessage().startsWith("Row 2 has 3 numbers but row 1 has 2 numbers"), e.getMessage());
		e = assertError("[[1,2],[]]", null, 7);
		assertTrue(e.getMessage().startsWith("Row 2 has 0 numbers"), e.getMessage());
	}

	@Test
	void unequalPlanesNameThePlaneAndTheSizes() {
		KernelSyntaxException e = assertError("1 2; 3 4 | 5 6", null, 11);
		assertTrue(e.getMessage().startsWith("Plane 2 has 1 row but plane 1 has 2 rows"), e.getMessage());
		e = assertError("1 2; 3 4 | 5 6; 7 8 9", null, 16);
		assertTrue(e.getMessage().startsWith("Row 2 of plane 2 has 3 numbers but row 1 of plane 1 has 2 numbers"), e.getMessage());
		e = assertError("[[[1]],[[2],[3]]]", null, 7);
		assertTrue(e.getMessage().startsWith("Plane 2 has 2 rows but plane 1 has 1 row"), e.getMessage());
	}

	@Test
	void brackets() {
		assertTrue(assertError("[1 2", null, 0).getMessage().startsWith("Missing ']' to close the '['"));
		assertTrue(assertError("[[1,2],[3,4]", null, 0).getMessage().startsWith("Missing ']'"));
		assertError("1 2]", "]", 3);
		assertError("[1] 2", "2", 4);
		assertError("[1] [2]", "[", 4);
		assertError("1 [2]", "[", 2);
		assertError("[[1,2],3]", "3", 7);
		assertError("[[1;2]]", ";", 3);
		assertError("[[1,2]|[3,4]]", "|", 6);
		assertTrue(assertError("[[[[1]]]]", "[", 3).getMessage().contains("at most 3 axes"));
	}

	@Test
	void unknownNamesListTheKnownOnes() {
		final KernelSyntaxException e = assertError("gauss(2)", "gauss", 0);
		for (final String name : NamedKernels.names())
			assertTrue(e.getMessage().contains(name), name + " in " + e.getMessage());
		assertError("  sobel", "sobel", 2);
		assertError("[foo]", "foo", 1);
	}

	@Test
	void argumentCounts() {
		assertTrue(assertError("box", "box", 0).getMessage().contains("got 0 arguments"));
		assertTrue(assertError("box(2,3)", "box", 0).getMessage().contains("got 2 arguments"));
		assertTrue(assertError("box()", "box", 0).getMessage().contains("as in box(3)"));
		assertTrue(assertError("gaussian", "gaussian", 0).getMessage().contains("got 0"));
		assertTrue(assertError("gaussian(1,2,3,4)", "gaussian", 0).getMessage().contains("got 4 arguments"));
		assertTrue(assertError("laplace(3)", "laplace", 0).getMessage().contains("no arguments"));
	}

	@Test
	void badArguments() {
		assertTrue(assertError("box(0)", "0", 4).getMessage().contains("at least 1"));
		assertError("box(-3)", "-3", 4);
		assertTrue(assertError("box(2.5)", "2.5", 4).getMessage().contains("whole number"));
		assertTrue(assertError("box(100000)", "100000", 4).getMessage().contains("too large"));
		assertTrue(assertError("gaussian(-1)", "-1", 9).getMessage().contains("positive"));
		assertError("gaussian(0)", "0", 9);
		assertError("gaussian(2, 0)", "0", 12);
		assertError("gaussian(a)", "a", 9);
		assertError("gaussian(nan)", "nan", 9);
		assertError("gaussian(1,,2)", ",", 11);
		assertTrue(assertError("gaussian(1e9)", "gaussian", 0).getMessage().contains("too large"));
		assertTrue(assertError("gaussian(1", null, 10).getMessage().startsWith("Missing ')'"));
		assertError("box(3) x", "x", 7);
		assertError("box 3", "3", 4);
		assertError("laplace; 1", ";", 7);
		assertTrue(assertError("[box(3)", null, 7).getMessage().startsWith("Missing ']'"));
		assertError("[box(3)] 1", "1", 9);
	}

	// ---- garbage

	@Test
	void garbageFailsWithASyntaxError() {
		final String[] bad = { "(", ")", "()", "[[", "]]", "][", "[]]", "[[]", "-", "+", "--1", "1--", "e", "e5", "1e", "1e+", ".", "..", "-.", "1.2.3", "i i i(",
				"j2", "ij", "1+2", "1+2k", "3-3", "+-1", "1 ; 2 | 3", "1\n\n2 3", "box(", "box)", "box(3", "box((3))", "box(3))", "box(,)", "(box 3)",
				"gaussian(,1)", "gaussian()", "gaussian(1 2 3 4)", "gaussian(1e999)", "gaussian(-0)", "laplace laplace", "laplace,", "laplace[", "[laplace]]",
				"scharr|scharr", "\u0000", "\u00ff\u00fe", "1\u00002", "\uD83D\uDE00", "\\n", "'1 2'", "\"1\"", "{1,2}", "<1>", "1/2", "1*2", "sqrt(2)", "pi",
				"0x1p3", "1_000", "1,000.5.", "1d", "1f", "1L", "#", "%", "1 %", "[[1],[2]", "[[1]],[2]]", "[[1][2]", "[1 [2]]", "[[[1]],[2]]",
				"[[[1]],[[2,3]]]", "NaN NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400x", "box(1e400)", "gaussian(1e-400)" };
		for (final String text : bad) {
			try {
				final Kernel k = Kernel.parse(text);
				fail("'" + text + "' was read as " + k);
			} catch (final KernelSyntaxException e) {
				assertTrue(e.position() >= -1 && e.position() <= text.length(), text + ": position " + e.position());
				assertFalse(e.getMessage().isEmpty(), text);
			}
		}
	}

	@Test
	void randomTextEitherReadsOrFailsWithASyntaxError() {
		final String alphabet = "0123456789.,;|[]()+-eEijIJ  \n\t\r boxgaussianlpc_";
		final Random rnd = new Random(42);
		int read = 0;
		for (int n = 0; n < 20000; n++) {
			final StringBuilder sb = new StringBuilder();
			final int length = 1 + rnd.nextInt(16);
			for (int i = 0; i < length; i++)
				sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
			final String text = sb.toString();
			try {
				final Kernel k = Kernel.parse(text);
				assertFalse(k.hasNonFinite(), text);
				long size = 1;
				for (final int d : k.dimensions())
					size *= d;
				assertEquals(size, k.size(), text);
				read++;
			} catch (final KernelSyntaxException e) {
				assertTrue(e.position() >= 0 && e.position() <= text.length(), text + ": position " + e.position());
			}
		}
		assertTrue(read > 100, "some random texts are kernels: " + read); // the generator reaches valid input too
	}
}
