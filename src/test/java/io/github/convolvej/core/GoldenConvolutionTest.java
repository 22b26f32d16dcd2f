package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.github.convolvej.core.engine.rows.VectorEngines;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Every convolution case of {@code golden/cases.jsonl} (SciPy's
 * {@code convolve2d}/{@code correlate2d} with real and complex kernels,
 * {@code ndimage.convolve}/{@code correlate} 1-D to 4-D, and the N-D cases of
 * every boundary with every output mode) through the facade with each engine.
 * <p>
 * Tolerance, as the cases' README says: {@code |got - expected| <= tol *
 * max(1, max|expected|)} with {@code tol = 1e-5} for the direct and separable
 * sums and {@code 1e-4} for FFT (AUTO is held to the one of the engine it
 * picked). Sizes and the output interval in image coordinates are checked
 * against the README's table, not against the code.
 */
class GoldenConvolutionTest {

	private static final double DIRECT_TOLERANCE = 1e-5;
	private static final double FFT_TOLERANCE = 1e-4;

	private static List< GoldenCase > convolutionCases() {
		final List< GoldenCase > l = new ArrayList<>();
		for (final GoldenCase c : GoldenCase.all())
			if (!c.isMatch())
				l.add(c);
		return l;
	}

	@TestFactory
	List< DynamicTest > everyCaseWithEveryEngine() {
		final List< DynamicTest > tests = new ArrayList<>();
		for (final GoldenCase c : convolutionCases())
			for (final Algorithm a : Algorithm.values())
				tests.add(DynamicTest.dynamicTest(c.id + " " + a.label() + " (" + c.oracle + ")", () -> check(c, a)));
		return tests;
	}

	/**
	 * Every case through the vector engines (float sums, 32-bit result; the
	 * separable one for rank-1 kernels) on the image read as floats, held to
	 * the direct sums' tolerance. Skipped in a
	 * JVM without {@code jdk.incubator.vector}; the build runs these tests
	 * once with it.
	 */
	@TestFactory
	List< DynamicTest > everyCaseThroughTheVectorEngine() {
		final List< DynamicTest > tests = new ArrayList<>();
		for (final GoldenCase c : convolutionCases())
			tests.add(DynamicTest.dynamicTest(c.id + " vector (" + c.oracle + ")", () -> {
				assumeTrue(VectorEngines.available(), "this JVM runs without jdk.incubator.vector");
				final ConvolutionOptions options = new ConvolutionOptions().operation(c.operation()).mode(c.outputMode()).boundary(c.boundaryRule()).fillValue(c.value).algorithm(Algorithm.DIRECT);
				final Img< FloatType > image = ArrayImgs.floats(c.image.longDims());
				final Cursor< FloatType > to = image.cursor();
				for (final double v : c.image.re)
					to.next().setReal(v);
				final boolean rankOne = isRankOne(c.kernel.re, c.kernel.dims) && (c.kernel.im == null || isRankOne(c.kernel.im, c.kernel.dims));
				for (final Algorithm a : rankOne ? new Algorithm[] { Algorithm.DIRECT, Algorithm.SEPARABLE } : new Algorithm[] { Algorithm.DIRECT }) {
					final ConvolutionResult< FloatType > r = Convolution.apply(image, c.kernelWithAnchor(), options.copy().algorithm(a));
					assertEquals(a == Algorithm.DIRECT ? "direct-vector" : "separable-vector", r.engine());
					final double scale = DIRECT_TOLERANCE * Math.max(1, c.expected.maxAbs());
					assertClose(c.expected.re, ConvolutionTest.values(r.real()), scale, r.engine() + ", real part");
					if (c.expected.isComplex())
						assertClose(c.expected.im, ConvolutionTest.values(r.imaginary()), scale, r.engine() + ", imaginary part");
				}
				// precision=double: the double sums, as before
				assertEquals("direct", Convolution.apply(image, c.kernelWithAnchor(), options.copy().precision(Precision.DOUBLE)).engine());
			}));
		return tests;
	}

	private static void check(final GoldenCase c, final Algorithm algorithm) {
		final Kernel kernel = c.kernelWithAnchor();
		final ConvolutionOptions options = new ConvolutionOptions().operation(c.operation()).mode(c.outputMode()).boundary(c.boundaryRule()).fillValue(c.value).algorithm(algorithm);
		final ConvolutionResult< DoubleType > r = Convolution.applyDouble(c.image.img(), kernel, options);

		switch (algorithm) {
			case DIRECT:
				assertEquals("direct", r.engine());
				break;
			case FFT:
				assertEquals("fft", r.engine());
				break;
			case SEPARABLE:
				// a kernel that is not rank 1 is left to the direct sum
				assertEquals(isRankOne(c.kernel.re, c.kernel.dims) && (c.kernel.im == null || isRankOne(c.kernel.im, c.kernel.dims)) ? "separable" : "direct", r.engine());
				break;
			default:
				break;
		}
		final double tolerance = "fft".equals(r.engine()) ? FFT_TOLERANCE : DIRECT_TOLERANCE;

		final int n = c.image.dims.length;
		assertArrayEquals(c.expected.longDims(), r.real().dimensionsAsLongArray(), "size");
		for (int d = 0; d < n; d++) {
			final long[] minMax = expectedInterval(c, d);
			assertEquals(minMax[0], r.interval().min(d), "interval min along axis " + d);
			assertEquals(minMax[1], r.interval().max(d), "interval max along axis " + d);
		}
		final double scale = tolerance * Math.max(1, c.expected.maxAbs());
		assertClose(c.expected.re, ConvolutionTest.values(r.real()), scale, "real part");
		if (c.expected.isComplex()) {
			assertNotNull(r.imaginary(), "imaginary part");
			assertClose(c.expected.im, ConvolutionTest.values(r.imaginary()), scale, "imaginary part");
		} else
			assertNull(r.imaginary());
	}

	private static void assertClose(final double[] expected, final double[] got, final double tolerance, final String what) {
		assertEquals(expected.length, got.length, what + ": values");
		for (int i = 0; i < expected.length; i++)
			if (!(Math.abs(got[i] - expected[i]) <= tolerance))
				assertEquals(expected[i], got[i], tolerance, what + " at flat index " + i);
	}

	/** The output interval along {@code d} from the README's table (image pixels 0..N-1). */
	private static long[] expectedInterval(final GoldenCase c, final int d) {
		final long size = c.image.dims[d];
		final long k = d < c.kernel.dims.length ? c.kernel.dims[d] : 1;
		final long a = d < c.anchor.length ? c.anchor[d] : 0;
		final boolean correlate = c.operation() == Operation.CORRELATE;
		switch (c.outputMode()) {
			case FULL:
				return correlate ? new long[] { -(k - 1 - a), size - 1 + a } : new long[] { -a, size + k - 2 - a };
			case VALID:
				return correlate ? new long[] { a, size - k + a } : new long[] { k - 1 - a, size - 1 - a };
			default:
				return new long[] { 0, size - 1 };
		}
	}

	/**
	 * Rank 1 (an outer product of 1-D factors) judged without the code under
	 * test: along every axis, swapping that coordinate between any two entries
	 * keeps the product of the pair.
	 */
	static boolean isRankOne(final double[] t, final int[] dims) {
		final int n = dims.length;
		double max = 0;
		for (final double v : t)
			max = Math.max(max, Math.abs(v));
		final int[] strides = new int[n];
		int s = 1;
		for (int d = 0; d < n; d++) {
			strides[d] = s;
			s *= dims[d];
		}
		for (int p = 0; p < t.length; p++)
			for (int q = p + 1; q < t.length; q++)
				for (int d = 0; d < n; d++) {
					final int pd = p / strides[d] % dims[d], qd = q / strides[d] % dims[d];
					final int p2 = p + (qd - pd) * strides[d], q2 = q + (pd - qd) * strides[d];
					if (Math.abs(t[p] * t[q] - t[p2] * t[q2]) > 1e-12 * max * max)
						return false;
				}
		return true;
	}

	@Test
	void everyCaseLoads() {
		final List< GoldenCase > all = GoldenCase.all();
		assertEquals(200, all.size());
		final Map< String, Integer > families = new TreeMap<>();
		for (final GoldenCase c : all) {
			families.merge(c.family, 1, Integer::sum);
			assertNotNull(c.id);
			assertEquals(c.image.dims.length, c.anchor.length, c.id);
			if (c.isMatch()) {
				assertNotNull(c.method, c.id);
				assertNotNull(c.template, c.id);
				assertEquals(2, c.best.length, c.id);
				assertNull(c.kernel, c.id);
			} else {
				assertNotNull(c.op, c.id);
				assertNotNull(c.kernel, c.id);
				assertNull(c.method, c.id);
			}
		}
		assertEquals("{complex2d=12, match=32, nd=48, ndimage=60, signal2d=48}", families.toString());
		// the 4-D cases are there
		assertTrue(all.stream().anyMatch(c -> c.image.dims.length == 4 && !c.isMatch()));
	}

	@Test
	void jsonReaderReadsTheFormatAndRefusesBrokenText() {
		final GoldenCase c = GoldenCase.parse("{\"id\":\"x-1\",\"family\":\"nd\",\"op\":\"correlate\",\"mode\":\"same\",\"boundary\":\"wrap\",\"value\":-2.5e0,"
				+ "\"anchor\":[1],\"image\":{\"dims\":[3],\"re\":[1,2.5,-3E-1]},\"kernel\":{\"dims\":[2],\"re\":[0,1],\"im\":[1,0]},"
				+ "\"expected\":{\"dims\":[3],\"re\":[0,0,0]},\"oracle\":\"a \\\"quoted\\\" \\u00e9 name\"}");
		assertEquals(-2.5, c.value);
		assertArrayEquals(new double[] { 1, 2.5, -0.3 }, c.image.re);
		assertArrayEquals(new double[] { 1, 0 }, c.kernel.im);
		assertEquals("a \"quoted\" \u00e9 name", c.oracle);
		assertTrue(c.kernelWithAnchor().isComplex());
		assertThrows(IllegalArgumentException.class, () -> GoldenCase.parse("{\"id\":\"x\",}"));
		assertThrows(IllegalArgumentException.class, () -> GoldenCase.parse("[1, 2"));
		assertThrows(IllegalArgumentException.class, () -> GoldenCase.parse("{\"a\":1} x"));
	}

	@Test
	void rankOneTestIsRight() {
		assertTrue(isRankOne(new double[] { 1, 2, 3, 2, 4, 6 }, new int[] { 3, 2 }));
		assertTrue(isRankOne(new double[] { 1, -2, 0, 5 }, new int[] { 4 }));
		assertTrue(isRankOne(new double[] { 1, 2, 2, 4, 3, 6, 6, 12 }, new int[] { 2, 2, 2 }));
		assertTrue(!isRankOne(new double[] { 1, 2, 3, 4 }, new int[] { 2, 2 }));
		assertTrue(!isRankOne(new double[] { 1, 2, 2, 4, 3, 6, 6, 13 }, new int[] { 2, 2, 2 }));
	}
}
