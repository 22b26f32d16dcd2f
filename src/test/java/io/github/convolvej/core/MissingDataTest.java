package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * SPEC "Missing data" against {@link MissingReference}, the formulas as a
 * plain loop: every engine, output mode, boundary and operation; NaN and
 * infinity land on the same pixels on every engine.
 */
class MissingDataTest {

	private static final Algorithm[] ENGINES = { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.FFT };

	/** Positive, separable (rank 1), 5 x 3. */
	static final Kernel SMOOTH = Kernel.of(outer(new double[] { 1, 4, 6, 4, 1 }, new double[] { 1, 2, 3 }), 5, 3);
	/** Positive, not separable, zeros inside. */
	static final Kernel HOLES = Kernel.of(new double[] { 1, 2, 0.5, 0, 4, 3, 1.5, 0, 0.25 }, 3, 3);
	/** Both signs and a zero column: separable. */
	static final Kernel SOBEL = Kernel.parse("sobel-x");

	static double[] outer(final double[] x, final double[] y) {
		final double[] r = new double[x.length * y.length];
		for (int j = 0; j < y.length; j++)
			for (int i = 0; i < x.length; i++)
				r[j * x.length + i] = x[i] * y[j];
		return r;
	}

	/** 13 x 11 values with NaN (one at a corner, a pair inside) and, when asked, +Inf and -Inf. */
	static double[] image(final boolean infinities) {
		final Random r = new Random(7);
		final double[] v = new double[13 * 11];
		for (int i = 0; i < v.length; i++)
			v[i] = Math.round(r.nextDouble() * 2000 - 500) / 10.0;
		v[0] = Double.NaN;
		v[5 * 13 + 6] = Double.NaN;
		v[5 * 13 + 7] = Double.NaN;
		v[9 * 13 + 12] = Double.NaN;
		if (infinities) {
			v[2 * 13 + 3] = Double.POSITIVE_INFINITY;
			v[8 * 13 + 4] = Double.NEGATIVE_INFINITY;
			v[8 * 13 + 6] = Double.POSITIVE_INFINITY;
		}
		return v;
	}

	static Img< DoubleType > img(final double[] v, final long... dims) {
		return ArrayImgs.doubles(v.clone(), dims);
	}

	static double[] values(final RandomAccessibleInterval< ? extends RealType< ? > > img) {
		final double[] v = new double[(int) Views.iterable(img).size()];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable(img).cursor();
		int i = 0;
		while (c.hasNext())
			v[i++] = c.next().getRealDouble();
		return v;
	}

	/** The same NaN and ±Inf pixels; finite values within {@code tol} of the largest. */
	static void assertSame(final double[] expected, final double[] actual, final double tol, final String what) {
		assertEquals(expected.length, actual.length, what + ": size");
		double scale = 1;
		for (final double e : expected)
			if (Double.isFinite(e))
				scale = Math.max(scale, Math.abs(e));
		for (int i = 0; i < expected.length; i++) {
			final double e = expected[i], a = actual[i];
			if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
				if (Double.compare(e, a) != 0)
					fail(what + ": pixel " + i + " expected " + e + " but was " + a);
			} else if (Math.abs(e - a) > tol * scale)
				fail(what + ": pixel " + i + " expected " + e + " but was " + a + " (difference " + Math.abs(e - a) + ")");
		}
	}

	private static List< Algorithm > engines(final Kernel k) {
		final List< Algorithm > list = new ArrayList<>();
		for (final Algorithm a : ENGINES)
			if (a != Algorithm.SEPARABLE || k.separableFactors().isPresent())
				list.add(a);
		return list;
	}

	private static void everyCombination(final double[] image, final double[] mask, final int[] dims, final Kernel kernel, final MissingData missing) {
		final long[] ldims = new long[dims.length];
		for (int d = 0; d < dims.length; d++)
			ldims[d] = dims[d];
		final double[] fills = { 0, Double.NaN, 2.5 };
		for (final Operation op : Operation.values())
			for (final OutputMode mode : OutputMode.values())
				for (final Boundary b : Boundary.values())
					for (final double fill : fills) {
						if (b != Boundary.FILL && fill != 0)
							continue;
						final double[] expected = MissingReference.compute(image, mask, dims, kernel, op, mode, b, fill, missing);
						for (final Algorithm a : engines(kernel)) {
							final ConvolutionOptions o = new ConvolutionOptions().operation(op).mode(mode).boundary(b).fillValue(fill).algorithm(a).missingData(missing);
							if (mask != null)
								o.mask(ArrayImgs.doubles(mask.clone(), ldims));
							final ConvolutionResult< DoubleType > r = Convolution.applyDouble(img(image, ldims), kernel, o);
							assertSame(expected, values(r.real()), 1e-10, missing + " " + op + " " + mode + " " + b.label() + " value=" + fill + " " + a + " " + kernel);
						}
					}
	}

	@Test
	void propagateGivesTheDirectSumsPatternOnEveryEngine() {
		for (final Kernel k : new Kernel[] { SMOOTH, HOLES, SOBEL })
			everyCombination(image(true), null, new int[] { 13, 11 }, k, MissingData.PROPAGATE);
	}

	@Test
	void interpolateIsTheNormalizedConvolution() {
		for (final Kernel k : new Kernel[] { SMOOTH, HOLES, SMOOTH.normalize() })
			everyCombination(image(false), null, new int[] { 13, 11 }, k, MissingData.INTERPOLATE);
	}

	@Test
	void interpolateCarriesInfinitiesAsTheFormulaDoes() {
		for (final Kernel k : new Kernel[] { SMOOTH, HOLES })
			everyCombination(image(true), null, new int[] { 13, 11 }, k, MissingData.INTERPOLATE);
	}

	@Test
	void fillReadsMissingPixelsAsTheValue() {
		for (final Kernel k : new Kernel[] { SMOOTH, HOLES, SOBEL })
			everyCombination(image(true), null, new int[] { 13, 11 }, k, MissingData.FILL);
	}

	@Test
	void maskMarksMissingPixels() {
		final double[] image = image(false);
		final double[] mask = new double[image.length];
		java.util.Arrays.fill(mask, 3);
		mask[1] = mask[14] = mask[40] = mask[41] = mask[13 * 11 - 1] = 0;
		for (final MissingData m : MissingData.values())
			for (final Kernel k : new Kernel[] { SMOOTH, HOLES })
				everyCombination(image, mask, new int[] { 13, 11 }, k, m);
	}

	@Test
	void volumesWithAThreeDimensionalKernel() {
		final Random r = new Random(3);
		final int[] dims = { 7, 6, 5 };
		final double[] v = new double[7 * 6 * 5];
		for (int i = 0; i < v.length; i++)
			v[i] = r.nextInt(100);
		v[0] = v[3 * 42 + 2 * 7 + 3] = v[v.length - 1] = Double.NaN;
		v[2 * 42 + 8] = Double.POSITIVE_INFINITY;
		final double[] kv = new double[3 * 3 * 3];
		for (int i = 0; i < kv.length; i++)
			kv[i] = 0.5 + r.nextInt(4);
		kv[13] = 0;
		final Kernel k = Kernel.of(kv, 3, 3, 3);
		final Kernel separable = Kernel.of(outer(outer(new double[] { 1, 2, 1 }, new double[] { 1, 3, 1 }), new double[] { 2, 1, 2 }), 3, 3, 3);
		for (final MissingData m : MissingData.values())
			for (final Kernel kernel : new Kernel[] { k, separable })
				for (final Boundary b : new Boundary[] { Boundary.SYMMETRIC, Boundary.FILL, Boundary.WRAP })
					for (final OutputMode mode : OutputMode.values()) {
						final double fill = b == Boundary.FILL ? Double.NaN : 0;
						final double[] expected = MissingReference.compute(v, null, dims, kernel, Operation.CONVOLVE, mode, b, fill, m);
						for (final Algorithm a : engines(kernel)) {
							final ConvolutionOptions o = ConvolutionOptions.convolve().mode(mode).boundary(b).fillValue(fill).algorithm(a).missingData(m);
							assertSame(expected, values(Convolution.applyDouble(img(v, 7, 6, 5), kernel, o).real()), 1e-10, m + " " + mode + " " + b + " " + a + " 3-D");
						}
					}
	}

	/** One NaN under a 31 x 31 kernel on 512 x 512: 961 NaN outputs on every engine, not a smear. */
	@Test
	void oneNanMakesOneKernelOfNan() {
		final Random r = new Random(1);
		final float[] v = new float[512 * 512];
		for (int i = 0; i < v.length; i++)
			v[i] = r.nextFloat();
		v[200 * 512 + 300] = Float.NaN;
		v[400 * 512 + 100] = Float.POSITIVE_INFINITY;
		final Img< FloatType > image = ArrayImgs.floats(v, 512, 512);
		final double[] kv = new double[31 * 31];
		for (int i = 0; i < kv.length; i++)
			kv[i] = 1 + r.nextDouble(); // not separable
		final Kernel k = Kernel.of(kv, 31, 31);
		for (final Algorithm a : new Algorithm[] { Algorithm.DIRECT, Algorithm.FFT, Algorithm.AUTO }) {
			final ConvolutionResult< FloatType > result = Convolution.apply(image, k, ConvolutionOptions.convolve().algorithm(a));
			int nan = 0, inf = 0;
			for (final FloatType t : result.real()) {
				if (Float.isNaN(t.get()))
					nan++;
				if (t.get() == Float.POSITIVE_INFINITY)
					inf++;
			}
			assertEquals(961, nan, a + " NaN outputs");
			assertEquals(961, inf, a + " +Inf outputs");
		}
	}

	@Test
	void autoStaysOnTheFftEngineWhenTheImageHoldsNan() {
		final Random r = new Random(2);
		final float[] v = new float[256 * 256];
		for (int i = 0; i < v.length; i++)
			v[i] = r.nextFloat();
		v[1000] = Float.NaN;
		final double[] kv = new double[61 * 61];
		for (int i = 0; i < kv.length; i++)
			kv[i] = r.nextDouble();
		final ConvolutionResult< FloatType > result = Convolution.apply(ArrayImgs.floats(v, 256, 256), Kernel.of(kv, 61, 61), ConvolutionOptions.convolve());
		assertEquals("fft", result.engine());
	}

	@Test
	void preserveNanMarksMissingInputPixelsAgain() {
		final double[] image = image(false);
		final double[] mask = new double[image.length];
		java.util.Arrays.fill(mask, 1);
		mask[20] = 0;
		for (final OutputMode mode : OutputMode.values())
			for (final Algorithm a : engines(SMOOTH)) {
				final ConvolutionOptions o = ConvolutionOptions.convolve().mode(mode).boundary(Boundary.FILL).fillValue(Double.NaN).algorithm(a).missingData(MissingData.INTERPOLATE).preserveNan(true)
						.mask(ArrayImgs.doubles(mask, 13, 11));
				final ConvolutionResult< DoubleType > r = Convolution.applyDouble(img(image, 13, 11), SMOOTH, o);
				final double[] plain = MissingReference.compute(image, mask, new int[] { 13, 11 }, SMOOTH, Operation.CONVOLVE, mode, Boundary.FILL, Double.NaN, MissingData.INTERPOLATE);
				final double[] out = values(r.real());
				final long w = r.interval().dimension(0);
				for (int i = 0; i < out.length; i++) {
					final long x = r.interval().min(0) + i % w, y = r.interval().min(1) + i / w;
					final boolean inside = x >= 0 && x < 13 && y >= 0 && y < 11;
					final boolean missing = inside && (Double.isNaN(image[(int) (y * 13 + x)]) || mask[(int) (y * 13 + x)] == 0);
					if (missing)
						assertTrue(Double.isNaN(out[i]), mode + " " + a + ": missing pixel " + x + "," + y + " is NaN again");
					else
						assertEquals(plain[i], out[i], 1e-9 * 200, mode + " " + a + " pixel " + x + "," + y);
				}
			}
	}

	@Test
	void certaintyIsTheShareOfWeightOnPresentPixels() {
		final double[] image = image(false);
		// c: 1 where present, 0 where missing; outside (fill value=NaN) is missing, so it reads 0
		final double[] c = new double[image.length];
		for (int i = 0; i < c.length; i++)
			c[i] = Double.isNaN(image[i]) ? 0 : 1;
		final double[] expected = MissingReference.compute(c, null, new int[] { 13, 11 }, SMOOTH, Operation.CONVOLVE, OutputMode.SAME, Boundary.FILL, 0, MissingData.PROPAGATE);
		for (int i = 0; i < expected.length; i++)
			expected[i] /= SMOOTH.sum();
		for (final MissingData m : MissingData.values())
			for (final Algorithm a : engines(SMOOTH)) {
				final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.FILL).fillValue(Double.NaN).algorithm(a).missingData(m).certainty(true);
				final ConvolutionResult< DoubleType > r = Convolution.applyDouble(img(image, 13, 11), SMOOTH, o);
				assertSame(expected, values(r.certainty()), 1e-12, m + " " + a + " certainty");
			}
		assertNull(Convolution.applyDouble(img(image, 13, 11), SMOOTH, ConvolutionOptions.convolve()).certainty());
	}

	@Test
	void sixteenBitImagesWithAMask() {
		final short[] v = new short[13 * 11];
		final double[] asDouble = new double[v.length];
		final double[] mask = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			v[i] = (short) (i * 397 % 65000);
			asDouble[i] = v[i] & 0xffff;
			mask[i] = i % 17 == 3 ? 0 : 255;
		}
		final Img< UnsignedShortType > image = ArrayImgs.unsignedShorts(v, 13, 11);
		for (final MissingData m : MissingData.values())
			for (final Algorithm a : engines(SMOOTH)) {
				final ConvolutionOptions o = ConvolutionOptions.convolve().algorithm(a).missingData(m).mask(ArrayImgs.doubles(mask, 13, 11));
				final double[] expected = MissingReference.compute(asDouble, mask, new int[] { 13, 11 }, SMOOTH, Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0, m);
				assertSame(expected, values(Convolution.applyDouble(image, SMOOTH, o).real()), 1e-10, m + " " + a + " 16-bit");
			}
	}

	@Test
	void computeOnAnExtendedSourceAgreesWithApply() {
		final double[] image = image(true);
		final Img< DoubleType > img = img(image, 13, 11);
		final double[] mask = new double[image.length];
		for (int i = 0; i < mask.length; i++)
			mask[i] = i % 9 == 4 ? 0 : 1;
		for (final MissingData m : MissingData.values()) {
			final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.FILL).fillValue(Double.NaN).missingData(m).algorithm(Algorithm.FFT).mask(ArrayImgs.doubles(mask, 13, 11));
			final Img< DoubleType > target = ArrayImgs.doubles(13, 11);
			Convolution.compute(Boundary.FILL.extend(img, new DoubleType(Double.NaN)), SMOOTH, target, null, o);
			assertSame(values(Convolution.applyDouble(img, SMOOTH, o).real()), values(target), 1e-12, m + " compute");
		}
	}

	@Test
	void badInputIsRefusedWithAMessage() {
		final Img< DoubleType > img = img(image(false), 13, 11);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Convolution.apply(img, Kernel.parse("laplace"), ConvolutionOptions.convolve().missingData(MissingData.INTERPOLATE)));
		assertTrue(e.getMessage().contains("sum to 0"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Convolution.apply(img, Kernel.parse("scharr"), ConvolutionOptions.convolve().missingData(MissingData.INTERPOLATE)));
		assertTrue(e.getMessage().contains("real kernel"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Convolution.apply(img, Kernel.parse("sobel-x"), ConvolutionOptions.convolve().certainty(true)));
		assertTrue(e.getMessage().contains("sum to 0"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> Convolution.apply(img, SMOOTH, ConvolutionOptions.convolve().mask(ArrayImgs.doubles(13, 10))));
		assertTrue(e.getMessage().contains("The mask is 13x10 but the image 13x11"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MissingData.fromLabel("ignore"));
		assertEquals(MissingData.INTERPOLATE, MissingData.fromLabel(" interpolate "));
		assertFalse(Double.isNaN(values(img)[1]));
	}
}
