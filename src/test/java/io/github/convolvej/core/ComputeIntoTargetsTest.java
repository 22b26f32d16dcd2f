package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.position.FunctionRandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * {@link Convolution#compute} fills any target: array, planar and cell
 * images and a window into a larger image give the numbers {@code apply}
 * gives, block by block, whatever the block size; and a source of 50000 x
 * 50000 values (more than 2^31), read only where the target needs it,
 * against the sum written out with long coordinates. Float targets sum as
 * {@code apply} does, double targets in double.
 */
class ComputeIntoTargetsTest {

	private static Img< FloatType > randomImage(final Random rnd, final long... dims) {
		final Img< FloatType > img = ArrayImgs.floats(dims);
		for (final FloatType t : img)
			t.set(rnd.nextInt(200) - 100);
		return img;
	}

	private static Kernel randomKernel(final Random rnd, final int... dims) {
		int n = 1;
		for (final int d : dims)
			n *= d;
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = rnd.nextInt(9) - 4;
		return Kernel.of(v, dims);
	}

	private static List< double[] > valuesOf(final RandomAccessibleInterval< ? extends RealType< ? > > img) {
		final List< double[] > out = new ArrayList<>();
		final double[] v = new double[(int) Intervals.numElements(img)];
		int i = 0;
		for (final RealType< ? > t : Views.flatIterable(img))
			v[i++] = t.getRealDouble();
		out.add(v);
		return out;
	}

	private static void assertSameValues(final RandomAccessibleInterval< ? extends RealType< ? > > expected, final RandomAccessibleInterval< ? extends RealType< ? > > actual, final String what) {
		final double[] e = valuesOf(expected).get(0), a = valuesOf(actual).get(0);
		assertEquals(e.length, a.length, what);
		for (int i = 0; i < e.length; i++)
			assertEquals(e[i], a[i], 1e-4 * Math.max(1, Math.abs(e[i])), what + " at " + i);
	}

	@Test
	void everyContainerAndWindowGivesApplysNumbers() {
		final Random rnd = new Random(11);
		final Img< FloatType > img = randomImage(rnd, 37, 23, 11);
		final Kernel k = randomKernel(rnd, 5, 4, 3).withAnchor(1, 3, 2);
		for (final Boundary b : Boundary.values())
			for (final Operation op : Operation.values())
				for (final Algorithm algorithm : new Algorithm[] { Algorithm.DIRECT, Algorithm.FFT }) {
					final ConvolutionOptions o = (op == Operation.CONVOLVE ? ConvolutionOptions.convolve() : ConvolutionOptions.correlate())
							.mode(OutputMode.FULL).boundary(b).fillValue(-7).algorithm(algorithm);
					final ConvolutionResult< FloatType > expected = Convolution.apply(img, k, o);
					final long[] min = expected.interval().minAsLongArray(), dims = expected.real().dimensionsAsLongArray();
					final RandomAccessible< FloatType > extended = Views.extend(img, b.outOfBoundsFactory(new FloatType(-7)));
					final String what = b + " " + op + " " + algorithm;
					final List< Img< FloatType > > targets = List.of(new ArrayImgFactory<>(new FloatType()).create(dims), new PlanarImgFactory<>(new FloatType()).create(dims),
							new CellImgFactory<>(new FloatType(), 8, 8, 4).create(dims));
					for (final Img< FloatType > target : targets) {
						// blocks of at most 3000 source values: dozens of blocks, cut along every axis
						Convolution.compute(extended, k, Views.translate(target, min), null, o, 3000);
						assertSameValues(expected.real(), target, what + " into " + target.getClass().getSimpleName());
					}
					// the view hidden behind a translation there and back: copied through PrimitiveBlocks, not read in place
					final RandomAccessible< FloatType > hidden = Views.translate(Views.translate(extended, 1, 1, 1), -1, -1, -1);
					final Img< FloatType > copied = ArrayImgs.floats(dims);
					Convolution.compute(hidden, k, Views.translate(copied, min), null, o, 3000);
					assertSameValues(expected.real(), copied, what + " through PrimitiveBlocks");
					// a window of a larger 16-bit image, which stays untouched around it
					final Img< UnsignedShortType > large = ArrayImgs.unsignedShorts(dims[0] + 10, dims[1] + 6, dims[2] + 4);
					for (final UnsignedShortType t : large)
						t.set(54321);
					final long[] offset = { 5, 3, 2 }, windowMax = new long[3], shift = new long[3];
					for (int d = 0; d < 3; d++) {
						windowMax[d] = offset[d] + dims[d] - 1;
						shift[d] = min[d] - offset[d];
					}
					final Interval window = new FinalInterval(offset, windowMax);
					final RandomAccessibleInterval< UnsignedShortType > into = Views.interval(large, window);
					Convolution.compute(extended, k, Views.translate(into, shift), null, o, 3000);
					long untouched = 0;
					final Cursor< UnsignedShortType > c = large.localizingCursor();
					while (c.hasNext())
						if (c.next().get() == 54321 && !Intervals.contains(window, c))
							untouched++;
					assertEquals(large.size() - Intervals.numElements(window), untouched, what + ": outside the window nothing is written");
					// rounded and clamped as UnsignedShortType.setReal does
					final Cursor< FloatType > e = Views.flatIterable(expected.real()).cursor();
					final Cursor< UnsignedShortType > a = Views.flatIterable(into).cursor();
					final UnsignedShortType want = new UnsignedShortType();
					while (e.hasNext()) {
						want.setReal(e.next().get());
						assertEquals(want.get(), a.next().get(), 1, what + " into a 16-bit window");
					}
				}
	}

	@Test
	void complexKernelsFillBothTargets() {
		final Random rnd = new Random(12);
		final Img< FloatType > img = randomImage(rnd, 30, 20);
		final Kernel k = Kernel.parse("scharr");
		final ConvolutionOptions o = ConvolutionOptions.convolve().algorithm(Algorithm.DIRECT);
		final ConvolutionResult< FloatType > expected = Convolution.apply(img, k, o);
		final Img< DoubleType > re = new CellImgFactory<>(new DoubleType(), 7, 5).create(30, 20), im = ArrayImgs.doubles(30, 20);
		Convolution.compute(Views.extend(img, Boundary.SYMMETRIC.outOfBoundsFactory(new FloatType())), k, re, im, o, 100);
		assertSameValues(expected.real(), re, "real");
		assertSameValues(expected.imaginary(), im, "imaginary");
		assertThrows(IllegalArgumentException.class, () -> Convolution.compute(Views.extendZero(img), k, re, null, o));
		assertThrows(IllegalArgumentException.class, () -> Convolution.compute(Views.extendZero(img), k, re, ArrayImgs.doubles(30, 19), o));
	}

	@Test
	void floatTargetsSumAsApplyDoesAndDoubleTargetsInDouble() {
		final Random rnd = new Random(14);
		final Img< FloatType > img = randomImage(rnd, 64, 48);
		final Kernel k = randomKernel(rnd, 3, 3);
		final ConvolutionOptions o = ConvolutionOptions.convolve().algorithm(Algorithm.DIRECT);
		final RandomAccessible< FloatType > extended = Views.extend(img, Boundary.SYMMETRIC.outOfBoundsFactory(new FloatType()));
		final ConvolutionResult< FloatType > inFloat = Convolution.apply(img, k, o);
		final ConvolutionResult< DoubleType > inDouble = Convolution.applyDouble(img, k, o);

		// a whole float image: written in place, summed as apply sums (in float where the vector engines run)
		final Img< FloatType > whole = ArrayImgs.floats(64, 48);
		assertEquals(inFloat.engine(), Convolution.compute(extended, k, whole, null, o));
		assertSameValues(inFloat.real(), whole, "whole float image");

		// a float window of a larger image: the same sums, nothing written around it
		final Img< FloatType > large = ArrayImgs.floats(70, 50);
		for (final FloatType t : large)
			t.set(12345);
		final Interval window = Intervals.createMinMax(3, 1, 66, 48);
		final RandomAccessibleInterval< FloatType > into = Views.interval(large, window);
		assertEquals(inFloat.engine(), Convolution.compute(extended, k, Views.zeroMin(into), null, o));
		assertSameValues(inFloat.real(), Views.zeroMin(into), "float window");
		long untouched = 0;
		final Cursor< FloatType > c = large.localizingCursor();
		while (c.hasNext())
			if (c.next().get() == 12345 && !Intervals.contains(window, c))
				untouched++;
		assertEquals(large.size() - Intervals.numElements(window), untouched, "outside the window nothing is written");

		// a double image, or precision=double: sums in double, as applyDouble's to the last bit
		final Img< DoubleType > doubles = ArrayImgs.doubles(64, 48);
		assertEquals("direct", Convolution.compute(extended, k, doubles, null, o));
		final Cursor< DoubleType > e = Views.flatIterable(inDouble.real()).cursor(), a = Views.flatIterable(doubles).cursor();
		while (e.hasNext())
			assertEquals(e.next().get(), a.next().get(), 0.0);
		assertEquals("direct", Convolution.compute(extended, k, ArrayImgs.floats(64, 48), null, o.copy().precision(Precision.DOUBLE)));
	}

	@Test
	void theRequiredSourceIntervalIsWhatOutputsRead() {
		final Kernel k = Kernel.of(new double[15], 5, 3).withAnchor(1, 2);
		final Interval target = Intervals.createMinMax(10, 20, 19, 29);
		// correlation reads n - a .. n - a + K - 1
		assertTrue(Intervals.equals(Intervals.createMinMax(9, 18, 22, 29), Convolution.requiredSourceInterval(target, k, ConvolutionOptions.correlate())));
		// convolution sums the flipped kernel, whose anchor is K - 1 - a
		assertTrue(Intervals.equals(Intervals.createMinMax(7, 20, 20, 31), Convolution.requiredSourceInterval(target, k, ConvolutionOptions.convolve())));
	}

	/** A 50000 x 50000 source, 2.5 billion values, never held: its value at (x, y). */
	private static double virtual(final long x, final long y) {
		return (x * 31 + y * 17) % 1000;
	}

	@Test
	void aSourceLargerThanTwoToThe31ValuesIsReadOnlyWhereNeeded() {
		final long size = 50_000;
		final FunctionRandomAccessible< DoubleType > function = new FunctionRandomAccessible<>(2, (p, t) -> t.set(virtual(p.getLongPosition(0), p.getLongPosition(1))), DoubleType::new);
		final RandomAccessibleInterval< DoubleType > image = Views.interval(function, new FinalInterval(size, size));
		assertTrue(Intervals.numElements(image) > Integer.MAX_VALUE);
		final Random rnd = new Random(13);
		final Kernel k = randomKernel(rnd, 5, 3);
		final ConvolutionOptions o = ConvolutionOptions.correlate().boundary(Boundary.SYMMETRIC);
		final RandomAccessible< DoubleType > extended = Views.extend(image, Boundary.SYMMETRIC.outOfBoundsFactory(new DoubleType()));
		// a corner over the far edge, and a whole row of 50000 outputs cut into blocks
		final Interval corner = Intervals.createMinMax(size - 150, size - 90, size + 2, size + 1);
		final Interval row = Intervals.createMinMax(0, 31_415, size - 1, 31_416);
		for (final Interval target : new Interval[] { corner, row }) {
			final Img< DoubleType > out = ArrayImgs.doubles(target.dimensionsAsLongArray());
			Convolution.compute(extended, k, Views.translate(out, target.minAsLongArray()), null, o, 20_000);
			final Cursor< DoubleType > c = Views.translate(out, target.minAsLongArray()).localizingCursor();
			final double[] w = k.real();
			while (c.hasNext()) {
				final double v = c.next().get();
				final long x = c.getLongPosition(0), y = c.getLongPosition(1);
				double sum = 0;
				for (int j = 0; j < w.length; j++) {
					final long sx = Boundary.SYMMETRIC.sourceIndex(x + j % 5 - 2, size), sy = Boundary.SYMMETRIC.sourceIndex(y + j / 5 - 1, size);
					sum += w[j] * virtual(sx, sy);
				}
				assertEquals(sum, v, 1e-9, "at " + x + ", " + y);
			}
		}
	}
}
