package io.github.convolvej.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.ConvolutionResult;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.NamedKernels;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.ImageBlockSource;
import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The automatic choice: large kernels go to FFT, small ones to the direct or
 * separable sums, and never FFT when the input holds NaN or infinity
 * (wherever it lies), since a transform would spread it over every output.
 */
class EngineChoiceTest {

	private static Kernel random(final int... dims) {
		final double[] v = new double[Block.numElements(dims)];
		for (int i = 0; i < v.length; i++)
			v[i] = Math.sin(i * 1.7) + 0.1;
		return Kernel.of(v, dims);
	}

	@Test
	void largeKernelsGoToFftSmallOnesDoNot() {
		final Img< FloatType > img = ArrayImgs.floats(1024, 1024);
		assertEquals(Algorithm.FFT, Convolution.chooseAlgorithm(img, random(31, 31), ConvolutionOptions.convolve()));
		assertEquals(Algorithm.DIRECT, Convolution.chooseAlgorithm(img, random(3, 3), ConvolutionOptions.convolve()));
		final Img< FloatType > volume = ArrayImgs.floats(128, 128, 128);
		// rank 1: 15 instead of 125 taps per pixel
		final double[] f = { 1, 4, 6, 4, 1 };
		final double[] outer = new double[125];
		for (int i = 0; i < 125; i++)
			outer[i] = f[i % 5] * f[i / 5 % 5] * f[i / 25];
		assertEquals(Algorithm.SEPARABLE, Convolution.chooseAlgorithm(volume, Kernel.of(outer, 5, 5, 5), ConvolutionOptions.convolve()));
		assertEquals(Algorithm.FFT, Convolution.chooseAlgorithm(volume, random(9, 9, 9), ConvolutionOptions.convolve()));
	}

	/**
	 * Float sums move the crossover to FFT: on 2048^2 with a 13x13 kernel on
	 * two threads the vector engine took 22.6 ms and FFT 53.1 ms, while the
	 * double direct sums lose to FFT (README, "When Auto picks FFT").
	 */
	@Test
	void floatSumsKeepMidSizeKernelsDirect() {
		final int[] in = { 2048 + 12, 2048 + 12 }, k = { 13, 13 };
		assertEquals(Algorithm.FFT, EngineChooser.choose(in, k, 169, 1, false, 2, () -> true, Long.MAX_VALUE, false));
		assertEquals(Algorithm.DIRECT, EngineChooser.choose(in, k, 169, 1, false, 2, () -> true, Long.MAX_VALUE, true));
		// 25x25 stays with FFT either way (72.6 ms direct in float, 47.0 ms FFT)
		final int[] large = { 2048 + 24, 2048 + 24 };
		assertEquals(Algorithm.FFT, EngineChooser.choose(large, new int[] { 25, 25 }, 625, 1, false, 2, () -> true, Long.MAX_VALUE, true));
		// a Gaussian stays separable
		assertEquals(Algorithm.SEPARABLE, EngineChooser.choose(in, k, 169, 1, true, 2, () -> true, Long.MAX_VALUE, true));
	}

	@Test
	void enginesWhoseBuffersDoNotFitArePassedOver() {
		final int[][][] cases = { { { 4098, 4098 }, { 3, 3 } }, { { 32048, 2048 }, { 30001, 1 } }, { { 1054, 1054 }, { 31, 31 } } };
		int switched = 0;
		for (final int[][] c : cases) {
			final int[] in = c[0], k = c[1];
			final int taps = k[0] * k[1];
			final long[] bytes = EngineChooser.workingBytes(in, k, 1, true, 2);
			final Algorithm fastest = EngineChooser.choose(in, k, taps, 1, true, 2, () -> true, Long.MAX_VALUE, false);
			final long budget = bytes[index(fastest)] - 1;
			final Algorithm thrifty = EngineChooser.choose(in, k, taps, 1, true, 2, () -> true, budget, false);
			long least = Long.MAX_VALUE;
			for (final long b : bytes)
				least = Math.min(least, b);
			if (least <= budget)
				assertTrue(bytes[index(thrifty)] <= budget, thrifty + " needs " + bytes[index(thrifty)] + " bytes, more than " + budget);
			else
				assertEquals(least, bytes[index(thrifty)], "none fits: the one that needs least");
			if (thrifty != fastest)
				switched++;
		}
		assertTrue(switched > 0, "some case runs another engine when the fastest does not fit");
	}

	private static int index(final Algorithm engine) {
		return engine.ordinal() - Algorithm.DIRECT.ordinal();
	}

	@Test
	void longOneDimensionalKernelsOnSmallImagesNeedLittleMemory() {
		// 30001 x 1 on 64 x 64, "same": once 0.9 GB of row copies per thread in the direct engine
		final long[] bytes = EngineChooser.workingBytes(new int[] { 64 + 30000, 64 }, new int[] { 30001, 1 }, 1, true, 2);
		assertTrue(bytes[0] < 32 << 20, "direct: " + (bytes[0] >> 20) + " MB");
		assertTrue(bytes[1] < 32 << 20, "separable: " + (bytes[1] >> 20) + " MB");
	}

	@Test
	void gaussiansGoToSeparablePasses() {
		// measured on two threads: gaussian(2) on 1024^2 separable 9 ms, FFT 25 ms; gaussian(4) on 4096^2 separable 138 ms, FFT 184 ms
		assertEquals(Algorithm.SEPARABLE, Convolution.chooseAlgorithm(ArrayImgs.floats(1024, 1024), NamedKernels.gaussian(2), ConvolutionOptions.convolve()));
		assertEquals(Algorithm.SEPARABLE, Convolution.chooseAlgorithm(ArrayImgs.floats(4096, 4096), NamedKernels.gaussian(4), ConvolutionOptions.convolve()));
	}

	/**
	 * Large 3-D volumes, as measured with {@code bench --only W14 --algorithm
	 * direct|fft|auto} (1024x1024x500 16-bit planes, 5x5x5: direct 4.9 s, FFT
	 * 9.1 s on two threads) and a 7x7x7 kernel on 1024x1024x64 (direct 1.7 s,
	 * FFT 1.1 s): the choice follows the faster engine on both sides.
	 */
	@Test
	void largeVolumesGoToTheFasterEngine() {
		final ConvolutionOptions options = ConvolutionOptions.convolve().executor(net.imglib2.parallel.TaskExecutors.numThreads(2));
		assertEquals(Algorithm.DIRECT, Convolution.chooseAlgorithm(net.imglib2.util.ConstantUtils.constantRandomAccessibleInterval(new FloatType(), new FinalInterval(1024, 1024, 500)), random(5, 5, 5), options));
		assertEquals(Algorithm.FFT, Convolution.chooseAlgorithm(net.imglib2.util.ConstantUtils.constantRandomAccessibleInterval(new FloatType(), new FinalInterval(1024, 1024, 64)), random(7, 7, 7), options));
	}

	@Test
	void nonFiniteInputStaysOnFftWithTheDirectSumsPattern() {
		final Kernel k = random(31, 31);
		for (final float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY }) {
			// array and cell images, the bad pixel in the last band of the last plane
			final Img< FloatType > array = ArrayImgs.floats(300, 700, 2);
			final Img< FloatType > cells = new CellImgFactory<>(new FloatType(), 64).create(300, 700, 2);
			ConvolutionResult< FloatType > direct = null;
			for (final Img< FloatType > img : java.util.Arrays.asList(array, cells)) {
				final ImageBlockSource clean = new ImageBlockSource(img, Boundary.SYMMETRIC, 0, new FinalInterval(img));
				assertTrue(clean.allFinite());
				img.randomAccess().setPositionAndGet(299, 699, 1).set(bad);
				final ImageBlockSource source = new ImageBlockSource(img, Boundary.SYMMETRIC, 0, new FinalInterval(img));
				assertFalse(source.allFinite(), "a " + bad + " pixel");
				// every engine gives the direct sum's NaN and infinity pattern, so Auto keeps the fast engine
				final ConvolutionResult< FloatType > auto = Convolution.apply(img, k, ConvolutionOptions.convolve());
				assertEquals("fft", auto.engine());
				if (direct == null) // both images hold the same values
					direct = Convolution.apply(img, k, ConvolutionOptions.convolve().algorithm(Algorithm.DIRECT));
				final Cursor< FloatType > a = Views.flatIterable(auto.real()).cursor(), d = Views.flatIterable(direct.real()).cursor();
				int nonFinite = 0;
				while (a.hasNext()) {
					final float x = a.next().get(), y = d.next().get();
					if (!Float.isFinite(x) || !Float.isFinite(y)) {
						assertEquals(Float.floatToIntBits(y), Float.floatToIntBits(x), "a " + bad + " pixel");
						nonFinite++;
					}
				}
				assertTrue(nonFinite > 0 && nonFinite <= 31 * 31 * 2, "non-finite outputs: " + nonFinite);
			}
		}
		// a non-finite fill value matters only where the block reaches outside the image
		final Img< UnsignedShortType > shorts = ArrayImgs.unsignedShorts(50, 40);
		assertTrue(new ImageBlockSource(shorts, Boundary.FILL, Double.NaN, new FinalInterval(shorts)).allFinite());
		assertFalse(new ImageBlockSource(shorts, Boundary.FILL, Double.NaN, new FinalInterval(new long[] { -1, 0 }, new long[] { 49, 39 })).allFinite());
		final Img< FloatType > line = ArrayImgs.floats(5000);
		line.randomAccess().setPositionAndGet(4999).set(Float.NaN);
		assertFalse(new ImageBlockSource(line, Boundary.SYMMETRIC, 0, new FinalInterval(line)).allFinite());
	}
}
