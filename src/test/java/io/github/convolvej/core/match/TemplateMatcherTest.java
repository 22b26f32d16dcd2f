package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Scores against {@link ReferenceMatch} (the definitions, window by window)
 * on 1-D, 2-D and 3-D images, every method, layout and boundary; planted
 * templates; flat windows; bad input.
 */
class TemplateMatcherTest {

	/** Engines checked against the reference, with their tolerance relative to max(1, max|score|). */
	private static final Algorithm[] ENGINES = { Algorithm.DIRECT, Algorithm.FFT, Algorithm.AUTO };

	/** The engine for the tests on larger images: the automatic choice (the FFT for most). */
	private static final Algorithm LARGE = Algorithm.AUTO;

	private static double tolerance(final Algorithm a) {
		return a == Algorithm.DIRECT ? 1e-5 : 1e-4;
	}

	static double[] random(final Random rnd, final int n, final double offset, final double scale) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) (offset + scale * rnd.nextDouble());
		return v;
	}

	static long[] toLong(final int[] v) {
		final long[] l = new long[v.length];
		for (int i = 0; i < v.length; i++)
			l[i] = v[i];
		return l;
	}

	private static void checkAgainstReference(final long seed, final int[] dims, final int[] k, final double offset) {
		boolean fits = true;
		for (int d = 0; d < dims.length; d++)
			fits &= k[d] <= dims[d];
		final Random rnd = new Random(seed);
		final double[] image = random(rnd, ReferenceMatch.product(dims), offset, 100);
		final double[] template = random(rnd, ReferenceMatch.product(k), offset, 100);
		final Img< DoubleType > img = ArrayImgs.doubles(image, toLong(dims));
		final Img< DoubleType > tpl = ArrayImgs.doubles(template, toLong(k));
		final int[] anchor = new int[k.length];
		for (int d = 0; d < k.length; d++)
			anchor[d] = rnd.nextInt(k[d]);
		for (final MatchMethod method : MatchMethod.values())
			for (final OutputMode mode : fits ? new OutputMode[] { OutputMode.SAME, OutputMode.VALID } : new OutputMode[] { OutputMode.SAME })
				for (final Boundary boundary : mode == OutputMode.VALID ? new Boundary[] { Boundary.SYMMETRIC } : Boundary.values())
					for (final Algorithm engine : ENGINES) {
						final double[] expected = ReferenceMatch.scores(image, dims, template, k, method, mode, boundary, 3.5, anchor);
						final MatchOptions options = new MatchOptions().method(method).mode(mode).boundary(boundary).fillValue(3.5).anchor(anchor).algorithm(engine);
						final ScoreMap map = TemplateMatcher.match(img, tpl, options);
						assertScores(expected, map.scores(), tolerance(engine), method + " " + mode.label() + " " + boundary.label() + " " + map.engine() + " " + java.util.Arrays.toString(dims));
					}
	}

	static void assertScores(final double[] expected, final RandomAccessibleInterval< FloatType > got, final double relative, final String what) {
		double scale = 1;
		for (final double e : expected)
			scale = Math.max(scale, Math.abs(e));
		int i = 0;
		for (final FloatType v : Views.flatIterable(got)) {
			assertEquals(expected[i], v.get(), relative * scale, what + ": score " + i);
			i++;
		}
		assertEquals(expected.length, i, what + ": number of scores");
	}

	@Test
	void oneDimensional() {
		checkAgainstReference(1, new int[] { 40 }, new int[] { 7 }, 0);
	}

	@Test
	void twoDimensionalFarFromZero() {
		// a large offset: the mean subtraction keeps the correlation coefficient accurate
		checkAgainstReference(2, new int[] { 23, 17 }, new int[] { 6, 5 }, 1000);
	}

	@Test
	void threeDimensional() {
		checkAgainstReference(3, new int[] { 11, 9, 8 }, new int[] { 4, 3, 5 }, -50);
	}

	@Test
	void templateLargerThanTheImageInSameRepeatsTheBoundary() {
		checkAgainstReference(4, new int[] { 6, 5 }, new int[] { 9, 7 }, 0);
	}

	@Test
	void twoDimensionalTemplateOnAStackScoresEachPlane() {
		final Random rnd = new Random(5);
		final int[] dims = { 19, 15, 3 };
		final double[] image = random(rnd, ReferenceMatch.product(dims), 0, 10);
		final double[] template = random(rnd, 5 * 4, 0, 10);
		final Img< DoubleType > stack = ArrayImgs.doubles(image, toLong(dims));
		final Img< DoubleType > tpl = ArrayImgs.doubles(template, 5, 4);
		final ScoreMap map = TemplateMatcher.match(stack, tpl, new MatchOptions());
		assertArrayEquals(new int[] { 5, 4, 1 }, map.templateDimensions());
		for (int z = 0; z < 3; z++) {
			final Img< FloatType > plane = TemplateMatcher.scores(Views.hyperSlice(stack, 2, z), tpl, new MatchOptions());
			final double[] expected = new double[15 * 19];
			int i = 0;
			for (final FloatType v : plane)
				expected[i++] = v.get();
			assertScores(expected, Views.hyperSlice(map.scores(), 2, z), 1e-6, "plane " + z);
		}
	}

	@Test
	void plantedTemplateIsFoundInNoise() {
		final Random rnd = new Random(6);
		final int w = 120, h = 90, tw = 15, th = 11, x0 = 71, y0 = 23;
		final double[] image = random(rnd, w * h, 0, 255);
		final double[] template = new double[tw * th];
		for (int y = 0; y < th; y++)
			for (int x = 0; x < tw; x++)
				template[y * tw + x] = image[(y0 + y) * w + x0 + x];
		final Img< DoubleType > img = ArrayImgs.doubles(image, w, h);
		final Img< DoubleType > tpl = ArrayImgs.doubles(template, tw, th);
		for (final MatchMethod method : new MatchMethod[] { MatchMethod.SQDIFF, MatchMethod.SQDIFF_NORMED, MatchMethod.CCORR_NORMED, MatchMethod.CCOEFF, MatchMethod.CCOEFF_NORMED })
			for (final OutputMode mode : new OutputMode[] { OutputMode.SAME, OutputMode.VALID }) {
				final ScoreMap map = TemplateMatcher.match(img, tpl, new MatchOptions().method(method).mode(mode).algorithm(LARGE));
				final Match best = new PeakFinder().find(map).get(0);
				assertArrayEquals(new long[] { x0, y0 }, best.corner(), method + " " + mode.label());
				assertArrayEquals(new long[] { x0 + 7, y0 + 5 }, best.pixel(), method + " " + mode.label());
				if (method.isNormalized())
					assertEquals(method.lowerIsBetter() ? 0 : 1, best.score(), 1e-4, method + " " + mode.label());
			}
	}

	@Test
	void plantedVolumeIsFoundIn3D() {
		final Random rnd = new Random(7);
		final int[] dims = { 40, 30, 20 };
		final int[] k = { 7, 6, 5 };
		final int[] at = { 25, 4, 12 };
		final double[] image = random(rnd, ReferenceMatch.product(dims), 0, 1);
		final double[] template = new double[ReferenceMatch.product(k)];
		int i = 0;
		for (int z = 0; z < k[2]; z++)
			for (int y = 0; y < k[1]; y++)
				for (int x = 0; x < k[0]; x++)
					template[i++] = image[((at[2] + z) * dims[1] + at[1] + y) * dims[0] + at[0] + x];
		final ScoreMap map = TemplateMatcher.match(ArrayImgs.doubles(image, toLong(dims)), ArrayImgs.doubles(template, toLong(k)), new MatchOptions().algorithm(LARGE));
		final Match best = new PeakFinder().find(map).get(0);
		assertArrayEquals(new long[] { at[0], at[1], at[2] }, best.corner());
		assertArrayEquals(new long[] { at[0] + 3, at[1] + 2, at[2] + 2 }, best.pixel());
		assertEquals(1, best.score(), 1e-4);
	}

	@Test
	void flatWindowsScoreAsDefined() {
		// left half 7 everywhere, right half zero; the template varies
		final int w = 30, h = 20;
		final double[] image = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				image[y * w + x] = x < 15 ? 7 : 0;
		final double[] template = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		final Img< DoubleType > img = ArrayImgs.doubles(image, w, h);
		final Img< DoubleType > tpl = ArrayImgs.doubles(template, 3, 3);
		for (final Algorithm engine : ENGINES) {
			final MatchOptions valid = new MatchOptions().mode(OutputMode.VALID).algorithm(engine);
			final Img< FloatType > ncc = TemplateMatcher.scores(img, tpl, valid.method(MatchMethod.CCOEFF_NORMED));
			final Img< FloatType > ccorrNormed = TemplateMatcher.scores(img, tpl, valid.method(MatchMethod.CCORR_NORMED));
			final Img< FloatType > sqdiffNormed = TemplateMatcher.scores(img, tpl, valid.method(MatchMethod.SQDIFF_NORMED));
			final Img< FloatType > ccoeff = TemplateMatcher.scores(img, tpl, valid.method(MatchMethod.CCOEFF));
			final double tNorm = Math.sqrt(285), tSum = 45;
			for (int y = 0; y < h - 2; y++) {
				for (final int x : new int[] { 0, 5, 12 }) { // windows wholly in the 7s
					assertEquals(0, at(ncc, x, y), 0, "flat window: correlation coefficient 0");
					assertEquals(0, at(ccoeff, x, y), 1e-9);
					assertEquals(7 * tSum / (Math.sqrt(9 * 49) * tNorm), at(ccorrNormed, x, y), 1e-6);
				}
				for (final int x : new int[] { 15, 20, 27 }) { // windows wholly in the zeros
					assertEquals(0, at(ncc, x, y), 0);
					assertEquals(0, at(ccorrNormed, x, y), 0, "zero window: zero denominator scores 0");
					assertEquals(1, at(sqdiffNormed, x, y), 0, "zero window: zero denominator scores 1");
				}
			}
		}
		// a flat template: every correlation coefficient is 0
		final Img< FloatType > flat = TemplateMatcher.scores(ArrayImgs.doubles(random(new Random(8), 400, 0, 1), 20, 20), ArrayImgs.doubles(new double[] { 0.1, 0.1, 0.1, 0.1 }, 2, 2), new MatchOptions());
		for (final FloatType v : flat)
			assertEquals(0, v.get(), 0);
	}

	private static float at(final Img< FloatType > img, final int x, final int y) {
		return img.getAt(x, y).get();
	}

	@Test
	void integerImagesAndAnySingleThread() {
		final Img< UnsignedByteType > img = ArrayImgs.unsignedBytes(40, 30);
		final Random rnd = new Random(9);
		for (final UnsignedByteType t : img)
			t.set(rnd.nextInt(256));
		final RandomAccessibleInterval< UnsignedByteType > tpl = Views.zeroMin(Views.interval(img, new long[] { 10, 12 }, new long[] { 14, 16 }));
		final Img< FloatType > multi = TemplateMatcher.scores(img, tpl, new MatchOptions());
		final Img< FloatType > single = TemplateMatcher.scores(img, tpl, new MatchOptions().executor(TaskExecutors.singleThreaded()));
		final double[] expected = new double[40 * 30];
		int i = 0;
		for (final FloatType v : single)
			expected[i++] = v.get();
		assertScores(expected, multi, 1e-6, "threads");
		assertEquals(1, multi.getAt(12, 14).get(), 1e-5);
	}

	@Test
	void imageNotAtTheOriginKeepsItsCoordinates() {
		final Random rnd = new Random(10);
		final Img< DoubleType > img = ArrayImgs.doubles(random(rnd, 30 * 20, 0, 1), 30, 20);
		final RandomAccessibleInterval< DoubleType > moved = Views.translate(img, 100, -50);
		final Img< DoubleType > tpl = ArrayImgs.doubles(random(rnd, 5 * 3, 0, 1), 5, 3);
		final ScoreMap same = TemplateMatcher.match(moved, tpl, new MatchOptions());
		assertArrayEquals(new long[] { 100, -50 }, same.interval().minAsLongArray());
		final ScoreMap valid = TemplateMatcher.match(moved, tpl, new MatchOptions().mode(OutputMode.VALID));
		assertArrayEquals(new long[] { 102, -49 }, valid.interval().minAsLongArray());
		assertArrayEquals(new long[] { 26, 18 }, valid.scores().dimensionsAsLongArray());
		final Match m = new PeakFinder().find(valid).get(0);
		final Match m0 = new PeakFinder().find(TemplateMatcher.match(img, tpl, new MatchOptions().mode(OutputMode.VALID))).get(0);
		assertArrayEquals(new long[] { m0.pixel()[0] + 100, m0.pixel()[1] - 50 }, m.pixel());
	}

	@Test
	void nanInTheImageReachesOnlyTheWindowsHoldingIt() {
		final Random rnd = new Random(14);
		final int w = 40, h = 30;
		final double[] image = random(rnd, w * h, 0, 1);
		image[12 * w + 20] = Double.NaN;
		final double[] template = random(rnd, 5 * 3, 0, 1);
		for (final MatchMethod method : MatchMethod.values()) {
			// AUTO would take the FFT for a clean image of this size; NaN keeps it direct
			final Img< FloatType > got = TemplateMatcher.scores(ArrayImgs.doubles(image, w, h), ArrayImgs.doubles(template, 5, 3), new MatchOptions().method(method).mode(OutputMode.VALID));
			final double[] clean = image.clone();
			clean[12 * w + 20] = 0.5;
			final double[] expected = ReferenceMatch.scores(clean, new int[] { w, h }, template, new int[] { 5, 3 }, method, OutputMode.VALID, Boundary.SYMMETRIC, 0, new int[] { 2, 1 });
			for (int y = 0; y < h - 2; y++)
				for (int x = 0; x < w - 4; x++) {
					final boolean holds = x <= 20 && 20 < x + 5 && y <= 12 && 12 < y + 3;
					final float v = got.getAt(x, y).get();
					if (holds)
						assertTrue(Float.isNaN(v), method + " at " + x + "," + y);
					else
						assertEquals(expected[y * (w - 4) + x], v, 1e-5 * Math.max(1, Math.abs(expected[y * (w - 4) + x])), method + " at " + x + "," + y);
				}
		}
	}

	@Test
	void progressReachesTheEndAndCancelStops() {
		final Img< DoubleType > img = ArrayImgs.doubles(random(new Random(15), 64 * 48, 0, 1), 64, 48);
		final Img< DoubleType > tpl = ArrayImgs.doubles(random(new Random(16), 9 * 7, 0, 1), 9, 7);
		final double[] last = { -1 };
		TemplateMatcher.match(img, tpl, new MatchOptions().progress(new io.github.convolvej.core.ProgressListener() {

			@Override
			public void progress(final double fraction) {
				assertTrue(fraction >= 0 && fraction <= 1, "progress " + fraction);
				last[0] = fraction;
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		}));
		assertEquals(1, last[0], 0, "the last progress is 1");
		final io.github.convolvej.core.ProgressListener cancelled = new io.github.convolvej.core.ProgressListener() {

			@Override
			public void progress(final double fraction) {}

			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(io.github.convolvej.core.CancelledException.class, () -> TemplateMatcher.match(img, tpl, new MatchOptions().progress(cancelled)));
	}

	@Test
	void badInputIsRefusedWithAMessage() {
		final Img< FloatType > img = ArrayImgs.floats(20, 10);
		final IllegalArgumentException large = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(8, 12), new MatchOptions().mode(OutputMode.VALID)));
		assertTrue(large.getMessage().contains("larger than the image") && large.getMessage().contains("mode=same"), large.getMessage());
		final IllegalArgumentException axes = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(3, 3, 2), new MatchOptions()));
		assertTrue(axes.getMessage().contains("3 axes") && axes.getMessage().contains("only 2"), axes.getMessage());
		final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(new float[] { 1, Float.NaN, 2, 3 }, 2, 2), new MatchOptions()));
		assertTrue(nan.getMessage().contains("NaN or infinite values (one pixel, at x=1, y=0)"), nan.getMessage());
		final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(new float[] { 1, 2, 3, Float.POSITIVE_INFINITY, 2, Float.NaN }, 3, 2), new MatchOptions()));
		assertTrue(twice.getMessage().contains("(2 pixels, the first at x=0, y=1)"), twice.getMessage());
		final IllegalArgumentException anchor = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(3, 3), new MatchOptions().anchor(1, 3)));
		assertTrue(anchor.getMessage().contains("anchor"), anchor.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new MatchOptions().mode(OutputMode.FULL));
		assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(null, ArrayImgs.floats(3, 3), new MatchOptions()));
		final IllegalArgumentException noOptions = assertThrows(IllegalArgumentException.class, () -> TemplateMatcher.match(img, ArrayImgs.floats(3, 3), null));
		assertTrue(noOptions.getMessage().startsWith("No options given"), noOptions.getMessage());
		final IllegalArgumentException noMap = assertThrows(IllegalArgumentException.class, () -> new PeakFinder().find((ScoreMap) null));
		assertTrue(noMap.getMessage().startsWith("No score map given"), noMap.getMessage());
		final IllegalArgumentException noMaps = assertThrows(IllegalArgumentException.class, () -> new PeakFinder().find(List.< ScoreMap > of()));
		assertTrue(noMaps.getMessage().startsWith("No score maps given"), noMaps.getMessage());
		final List< ScoreMap > withNull = new java.util.ArrayList<>(List.of(TemplateMatcher.match(img, ArrayImgs.floats(3, 3), new MatchOptions())));
		withNull.add(null);
		assertThrows(IllegalArgumentException.class, () -> new PeakFinder().find(withNull));
		// a template with extra axes of size 1 is fine
		assertEquals(2, TemplateMatcher.match(img, ArrayImgs.floats(3, 3, 1), new MatchOptions()).numDimensions());
		// in same, a template larger than the image is fine: the boundary repeats
		assertArrayEquals(new long[] { 20, 10 }, TemplateMatcher.scores(img, ArrayImgs.floats(25, 15), new MatchOptions().algorithm(LARGE)).dimensionsAsLongArray());
	}

	@Test
	void peakFinderSeesTheScoreMapsLayout() {
		final List< Match > none = new PeakFinder().threshold(2).find(TemplateMatcher.match(ArrayImgs.floats(new float[] { 1, 2, 3, 2, 1, 0, 1 }, 7), ArrayImgs.floats(new float[] { 2, 3, 2 }, 3), new MatchOptions()));
		assertTrue(none.isEmpty(), "no normalized score reaches 2");
	}
}
