package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.OutputMode;
import net.imglib2.FinalInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Peaks of score maps: order, count, threshold, suppression by distance
 * and by overlap, subpixel refinement, positions in both layouts.
 */
class PeakFinderTest {

	private static final int W = 160, H = 120, TW = 13, TH = 11;

	/** Noise with copies of a random pattern at the given corners, each with its own added noise level. */
	private static Img< DoubleType > planted(final double[] pattern, final int[][] corners, final double[] noise) {
		final Random rnd = new Random(11);
		final double[] image = new double[W * H];
		for (int i = 0; i < image.length; i++)
			image[i] = rnd.nextDouble();
		for (int c = 0; c < corners.length; c++)
			for (int y = 0; y < TH; y++)
				for (int x = 0; x < TW; x++)
					image[(corners[c][1] + y) * W + corners[c][0] + x] = pattern[y * TW + x] + noise[c] * rnd.nextGaussian();
		return ArrayImgs.doubles(image, W, H);
	}

	private static double[] pattern() {
		final Random rnd = new Random(12);
		final double[] p = new double[TW * TH];
		for (int i = 0; i < p.length; i++)
			p[i] = rnd.nextDouble();
		return p;
	}

	private static ScoreMap scores(final Img< DoubleType > image, final double[] pattern, final MatchMethod method) {
		return TemplateMatcher.match(image, ArrayImgs.doubles(pattern, TW, TH), new MatchOptions().method(method).algorithm(Algorithm.DIRECT));
	}

	@Test
	void severalCopiesBestFirstWithThreshold() {
		final double[] p = pattern();
		final int[][] corners = { { 10, 10 }, { 100, 20 }, { 40, 80 }, { 130, 95 } };
		final double[] noise = { 0.2, 0, 0.1, 0.3 }; // so the scores order: 1, 2, 0, 3
		final ScoreMap map = scores(planted(p, corners, noise), p, MatchMethod.CCOEFF_NORMED);
		final List< Match > all = new PeakFinder().maxMatches(10).threshold(0.5).find(map);
		assertEquals(4, all.size(), "the four copies and nothing else reach 0.5: " + all);
		final int[] order = { 1, 2, 0, 3 };
		for (int r = 0; r < 4; r++) {
			final Match m = all.get(r);
			assertEquals(r + 1, m.rank());
			assertArrayEquals(new long[] { corners[order[r]][0], corners[order[r]][1] }, m.corner(), "rank " + (r + 1));
			assertArrayEquals(new long[] { corners[order[r]][0] + 6, corners[order[r]][1] + 5 }, m.pixel());
			assertArrayEquals(new int[] { TW, TH }, m.size());
			if (r > 0)
				assertTrue(m.score() <= all.get(r - 1).score());
		}
		assertEquals(1, all.get(0).score(), 1e-5);
		// the count caps the list; a high threshold shortens it
		final List< Match > two = new PeakFinder().maxMatches(2).find(map);
		assertEquals(2, two.size());
		assertArrayEquals(all.get(1).corner(), two.get(1).corner());
		final List< Match > strict = new PeakFinder().maxMatches(10).threshold(all.get(1).score()).find(map);
		assertEquals(2, strict.size(), "a threshold keeps scores at least as good");
	}

	@Test
	void squareDifferenceIsBestWhenLowest() {
		final double[] p = pattern();
		final int[][] corners = { { 10, 10 }, { 100, 20 } };
		final ScoreMap map = scores(planted(p, corners, new double[] { 0.1, 0 }), p, MatchMethod.SQDIFF);
		final List< Match > m = new PeakFinder().maxMatches(5).threshold(0.5 * TW * TH * 0.01 * 3).find(map);
		assertEquals(2, m.size(), "only the copies have a square difference that low: " + m);
		assertArrayEquals(new long[] { 100, 20 }, m.get(0).corner());
		assertEquals(0, m.get(0).score(), 1e-6);
		assertArrayEquals(new long[] { 10, 10 }, m.get(1).corner());
		assertTrue(m.get(1).score() > m.get(0).score());
	}

	@Test
	void closeCopiesAreSuppressedByChebyshevDistance() {
		final double[] p = pattern();
		// two copies 9 apart along x and 3 along y (Chebyshev distance 9); the second one drawn intact over the first
		final int[][] corners = { { 59, 53 }, { 50, 50 } };
		final ScoreMap map = scores(planted(p, corners, new double[] { 0.05, 0 }), p, MatchMethod.CCOEFF_NORMED);
		// threshold 0.6: far above the noise, so only the copies (and nothing on their slopes) are candidates
		final List< Match > near = new PeakFinder().maxMatches(5).threshold(0.6).minDistance(10).find(map);
		assertEquals(1, near.size(), near.toString());
		assertArrayEquals(new long[] { 50, 50 }, near.get(0).corner());
		final List< Match > both = new PeakFinder().maxMatches(5).threshold(0.6).minDistance(9).find(map);
		assertEquals(2, both.size(), "distance 9 is not closer than 9: " + both);
		// the default, half the smaller side (5.5), keeps both
		assertEquals(5.5, new PeakFinder().minDistanceFor(new int[] { TW, TH }), 0);
		assertEquals(2, new PeakFinder().maxMatches(5).threshold(0.6).find(map).size());
	}

	@Test
	void overlapSuppressesByIntersectionOverUnion() {
		// two peaks whose rectangles (13x11) overlap by (13-6)*(11-2) = 63 of 143 pixels: IoU 63/223
		final float[] s = new float[W * H];
		s[50 * W + 50] = 1;
		s[52 * W + 56] = 0.9f;
		final ScoreMap map = map(s, new long[] { W, H }, new long[] { 0, 0 }, MatchMethod.CCOEFF_NORMED, new int[] { TW, TH });
		final double iou = 63.0 / (2 * 143 - 63);
		final List< Match > kept = new PeakFinder().maxMatches(5).threshold(0.6).minDistance(0).maxOverlap(iou + 0.01).find(map);
		assertEquals(2, kept.size());
		assertEquals(iou, kept.get(0).overlap(kept.get(1)), 1e-12);
		final List< Match > dropped = new PeakFinder().maxMatches(5).threshold(0.6).minDistance(0).maxOverlap(iou - 0.01).find(map);
		assertEquals(1, dropped.size());
		assertArrayEquals(new long[] { 50, 50 }, dropped.get(0).pixel());
		// overlap off (1, the default) and distance 6 or less: both kept
		assertEquals(2, new PeakFinder().maxMatches(5).threshold(0.6).minDistance(6).find(map).size());
		assertEquals(1, new PeakFinder().maxMatches(5).threshold(0.6).minDistance(7).find(map).size());
	}

	@Test
	void subpixelFindsAShiftedGaussianBlob() {
		final double cx = 50.3, cy = 40.7, sigma = 3;
		final double[] image = new double[100 * 80];
		for (int y = 0; y < 80; y++)
			for (int x = 0; x < 100; x++)
				image[y * 100 + x] = Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma));
		final double[] blob = new double[15 * 15];
		for (int y = 0; y < 15; y++)
			for (int x = 0; x < 15; x++)
				blob[y * 15 + x] = Math.exp(-((x - 7) * (x - 7) + (y - 7) * (y - 7)) / (2 * sigma * sigma));
		for (final OutputMode mode : new OutputMode[] { OutputMode.SAME, OutputMode.VALID })
			for (final MatchMethod method : new MatchMethod[] { MatchMethod.CCOEFF_NORMED, MatchMethod.SQDIFF }) {
				final ScoreMap map = TemplateMatcher.match(ArrayImgs.doubles(image, 100, 80), ArrayImgs.doubles(blob, 15, 15), new MatchOptions().method(method).mode(mode));
				final Match m = new PeakFinder().subpixel(true).find(map).get(0);
				assertArrayEquals(new long[] { 50, 41 }, m.pixel(), method + " " + mode.label());
				assertEquals(cx, m.position(0), 0.1, method + " " + mode.label() + " x");
				assertEquals(cy, m.position(1), 0.1, method + " " + mode.label() + " y");
				final Match plain = new PeakFinder().find(map).get(0);
				assertArrayEquals(new double[] { 50, 41 }, plain.position(), 0, "no refinement unless asked");
			}
	}

	@Test
	void subpixelIsTheParabolaVertexClampedAndNotAtEdges() {
		// scores 10 - (x - 3.3)² - 2 (y - 5.8)²: a parabola per axis, its vertex exact
		final float[] s = new float[8 * 9];
		for (int y = 0; y < 9; y++)
			for (int x = 0; x < 8; x++)
				s[y * 8 + x] = (float) (10 - (x - 3.3) * (x - 3.3) - 2 * (y - 5.8) * (y - 5.8));
		final ScoreMap map = map(s, new long[] { 8, 9 }, new long[] { 100, 200 }, MatchMethod.CCORR);
		final Match m = new PeakFinder().subpixel(true).find(map).get(0);
		assertArrayEquals(new long[] { 103, 206 }, m.pixel());
		assertEquals(103.3, m.position(0), 1e-4);
		assertEquals(205.8, m.position(1), 1e-4);
		// a peak on the edge is left on its pixel along that axis
		final float[] edge = new float[8 * 9];
		for (int y = 0; y < 9; y++)
			for (int x = 0; x < 8; x++)
				edge[y * 8 + x] = (float) (10 - (x + 0.4) * (x + 0.4) - 2 * (y - 5.8) * (y - 5.8));
		final Match e = new PeakFinder().subpixel(true).find(map(edge, new long[] { 8, 9 }, new long[] { 0, 0 }, MatchMethod.CCORR)).get(0);
		assertEquals(0, e.position(0), 0);
		assertEquals(5.8, e.position(1), 1e-4);
		// a flat-topped peak (two equal pixels) moves at most half a pixel
		final float[] plateau = { 0, 1, 5, 5, 1, 0 };
		final Match p = new PeakFinder().subpixel(true).find(map(plateau, new long[] { 6 }, new long[] { 0 }, MatchMethod.CCORR)).get(0);
		assertEquals(2.5, p.position(0), 1e-9);
	}

	@Test
	void planesOfAStackDoNotSuppressEachOther() {
		// the same peak in three planes of a stack matched with a 2-D template
		final float[] s = new float[10 * 10 * 3];
		for (int z = 0; z < 3; z++)
			s[z * 100 + 4 * 10 + 5] = 1 - 0.1f * z;
		final ScoreMap map = new ScoreMap(ArrayImgs.floats(s, 10, 10, 3), new FinalInterval(10, 10, 3), MatchMethod.CCOEFF_NORMED, OutputMode.SAME, new int[] { 5, 5, 1 }, new int[] { 2, 2, 0 }, "test");
		final List< Match > m = new PeakFinder().maxMatches(5).threshold(0.5).find(map);
		assertEquals(3, m.size());
		for (int z = 0; z < 3; z++)
			assertArrayEquals(new long[] { 5, 4, z }, m.get(z).pixel());
	}

	@Test
	void everyLocalMaximumBestFirstWithoutSuppression() {
		final Random rnd = new Random(13);
		for (final long[] dims : new long[][] { { 17, 13 }, { 9, 7, 5 }, { 2, 9 }, { 30 } }) {
			final int size = (int) java.util.Arrays.stream(dims).reduce(1, (a, b) -> a * b);
			final float[] s = new float[size];
			for (int i = 0; i < size; i++)
				s[i] = rnd.nextInt(50); // ties too
			final int[] k = new int[dims.length];
			java.util.Arrays.fill(k, 3);
			for (final MatchMethod method : new MatchMethod[] { MatchMethod.CCORR, MatchMethod.SQDIFF }) {
				final List< Match > got = new PeakFinder().maxMatches(size).minDistance(0).find(map(s, dims, new long[dims.length], method, k));
				// brute force: no neighbour (Chebyshev distance 1) is better
				final List< long[] > expected = new java.util.ArrayList<>();
				final double sign = method.lowerIsBetter() ? -1 : 1;
				for (int i = 0; i < size; i++) {
					final long[] p = position(i, dims);
					boolean peak = true;
					for (int j = 0; j < size && peak; j++) {
						final long[] q = position(j, dims);
						long cheb = 0;
						for (int d = 0; d < dims.length; d++)
							cheb = Math.max(cheb, Math.abs(p[d] - q[d]));
						if (cheb == 1 && sign * s[j] > sign * s[i])
							peak = false;
					}
					if (peak)
						expected.add(p);
				}
				expected.sort((a, b) -> {
					final int c = Double.compare(sign * s[index(b, dims)], sign * s[index(a, dims)]);
					return c != 0 ? c : Integer.compare(index(a, dims), index(b, dims));
				});
				assertEquals(expected.size(), got.size(), java.util.Arrays.toString(dims) + " " + method);
				for (int r = 0; r < got.size(); r++)
					assertArrayEquals(expected.get(r), got.get(r).pixel(), java.util.Arrays.toString(dims) + " " + method + " rank " + (r + 1));
			}
		}
	}

	private static long[] position(int i, final long[] dims) {
		final long[] p = new long[dims.length];
		for (int d = 0; d < dims.length; d++) {
			p[d] = i % dims[d];
			i /= dims[d];
		}
		return p;
	}

	private static int index(final long[] p, final long[] dims) {
		int i = 0, stride = 1;
		for (int d = 0; d < dims.length; d++) {
			i += p[d] * stride;
			stride *= dims[d];
		}
		return i;
	}

	@Test
	void badSettingsAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> new PeakFinder().maxMatches(0));
		assertThrows(IllegalArgumentException.class, () -> new PeakFinder().maxOverlap(1.5));
		assertThrows(IllegalArgumentException.class, () -> new PeakFinder().minDistance(-1));
	}

	private static ScoreMap map(final float[] scores, final long[] dims, final long[] min, final MatchMethod method) {
		final int[] k = new int[dims.length];
		java.util.Arrays.fill(k, 3);
		return map(scores, dims, min, method, k);
	}

	private static ScoreMap map(final float[] scores, final long[] dims, final long[] min, final MatchMethod method, final int[] k) {
		final long[] max = new long[dims.length];
		for (int d = 0; d < dims.length; d++)
			max[d] = min[d] + dims[d] - 1;
		final Img< FloatType > img = ArrayImgs.floats(scores, dims);
		return new ScoreMap(img, new FinalInterval(min, max), method, OutputMode.SAME, k, new int[dims.length], "test");
	}
}
