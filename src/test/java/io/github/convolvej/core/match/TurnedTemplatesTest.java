package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.OutputMode;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Turned and mirrored copies of a template, and searches for them. The
 * pattern is drawn from a formula (three blobs placed without symmetry), so
 * a pasted copy turned by {@code θ} and mirrored is drawn anew from the
 * turned formula, not made by the code under test.
 */
class TurnedTemplatesTest {

	/** An asymmetric pattern: three blobs of different size and height around the origin. */
	private static double pattern(final double x, final double y) {
		return 100 * Math.exp(-((x + 6) * (x + 6) + (y + 3) * (y + 3)) / 18.0) + 60 * Math.exp(-((x - 5) * (x - 5) + (y + 6) * (y + 6)) / 12.0) + 80 * Math.exp(-((x - 2) * (x - 2) + (y - 7) * (y - 7)) / 24.0);
	}

	/**
	 * The pattern mirrored, then turned by {@code degrees} counter-clockwise
	 * as shown (y down), at offset (dx, dy) from its centre.
	 */
	private static double drawn(final double dx, final double dy, final double degrees, final Flip flip) {
		final double r = Math.toRadians(degrees), c = Math.cos(r), s = Math.sin(r);
		// undo the turn (x, y) -> (x c + y s, -x s + y c), then the mirror
		double x = dx * c - dy * s, y = dx * s + dy * c;
		if (flip == Flip.HORIZONTAL || flip == Flip.BOTH)
			x = -x;
		if (flip == Flip.VERTICAL || flip == Flip.BOTH)
			y = -y;
		return pattern(x, y);
	}

	private static final int SIDE = 25; // odd: the centre is a pixel

	private static ArrayImg< DoubleType, DoubleArray > template() {
		final double[] v = new double[SIDE * SIDE];
		final int c = SIDE / 2;
		for (int y = 0; y < SIDE; y++)
			for (int x = 0; x < SIDE; x++)
				v[y * SIDE + x] = pattern(x - c, y - c);
		return ArrayImgs.doubles(v, SIDE, SIDE);
	}

	/** A noisy background with copies drawn at the given centres, turns and mirrors. */
	private static ArrayImg< DoubleType, DoubleArray > scene(final int w, final int h, final int[][] centres, final double[] degrees, final Flip[] flips) {
		final Random random = new Random(7);
		final double[] v = new double[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = 10 * random.nextGaussian();
		for (int p = 0; p < centres.length; p++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double dx = x - centres[p][0], dy = y - centres[p][1];
					if (Math.abs(dx) < 20 && Math.abs(dy) < 20)
						v[y * w + x] += drawn(dx, dy, degrees[p], flips[p]);
				}
		return ArrayImgs.doubles(v, w, h);
	}

	@Test
	void aQuarterTurnIsCounterClockwiseAsShown() {
		// 3 wide, 2 high:  a b c / d e f  turned left:  c f / b e / a d
		final SearchTemplate t = SearchTemplate.of("t", new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
		final SearchTemplate turned = t.quarterTurns(1);
		assertArrayEquals(new int[] { 2, 3 }, turned.dims());
		assertArrayEquals(new double[] { 3, 6, 2, 5, 1, 4 }, turned.values(), 0);
		assertEquals(90, turned.angle(), 0);
		assertArrayEquals(new double[] { 6, 5, 4, 3, 2, 1 }, t.quarterTurns(2).values(), 0);
		assertArrayEquals(new double[] { 4, 1, 5, 2, 6, 3 }, t.quarterTurns(3).values(), 0);
		assertArrayEquals(t.values(), t.quarterTurns(4).values(), 0);
		// mirrors
		assertArrayEquals(new double[] { 3, 2, 1, 6, 5, 4 }, t.flipped(Flip.HORIZONTAL).values(), 0);
		assertArrayEquals(new double[] { 4, 5, 6, 1, 2, 3 }, t.flipped(Flip.VERTICAL).values(), 0);
		assertArrayEquals(t.quarterTurns(2).values(), t.flipped(Flip.BOTH).values(), 0);
		assertEquals(Flip.HORIZONTAL, t.flipped(Flip.HORIZONTAL).flip());
	}

	@Test
	void aTurnByInterpolationAgreesWithTheTurnedFormula() {
		final SearchTemplate t = SearchTemplate.of("t", template(), null);
		for (final double degrees : new double[] { 30, 45, 117 }) {
			final SearchTemplate turned = t.rotated(degrees);
			final int[] d = turned.dims();
			assertEquals(1, d[0] % 2, "the box keeps the template's odd side");
			assertTrue(turned.isMasked(), "corners outside the original are masked");
			final double[] v = turned.values();
			final boolean[] mask = turned.mask();
			int compared = 0;
			for (int y = 0; y < d[1]; y++)
				for (int x = 0; x < d[0]; x++) {
					final double dx = x - (d[0] - 1) / 2.0, dy = y - (d[1] - 1) / 2.0;
					if (Math.hypot(dx, dy) < SIDE / 2.0 - 1.5) { // well inside the turned square
						assertTrue(mask[y * d[0] + x]);
						// bilinear between samples of a smooth pattern: close to the formula
						assertEquals(drawn(dx, dy, degrees, Flip.NONE), v[y * d[0] + x], 3, "at " + x + "," + y + " turned " + degrees);
						compared++;
					}
					if (Math.abs(dx) > SIDE / 2.0 * Math.sqrt(2) + 1 || Math.abs(dy) > SIDE / 2.0 * Math.sqrt(2) + 1)
						assertTrue(!mask[y * d[0] + x]);
				}
			assertTrue(compared > 300);
			// the box's corners lie outside the turned square
			assertTrue(!mask[0] && !mask[d[0] - 1] && !mask[mask.length - 1]);
		}
	}

	@Test
	void exactCopiesPastedAtKnownPlacesAreFoundWithTheirTurnAndMirror() {
		final int[][] centres = { { 40, 40 }, { 120, 45 }, { 45, 125 }, { 130, 130 }, { 200, 80 } };
		final double[] degrees = { 0, 90, 180, 270, 90 };
		final Flip[] flips = { Flip.NONE, Flip.NONE, Flip.HORIZONTAL, Flip.NONE, Flip.HORIZONTAL };
		final ArrayImg< DoubleType, DoubleArray > image = scene(240, 170, centres, degrees, flips);
		final List< SearchTemplate > copies = TemplateVariants.of(List.of(SearchTemplate.of("blobs", template(), null)), new double[] { 0, 90, 180, 270 }, Flip.HORIZONTAL, null);
		assertEquals(8, copies.size());
		for (final Algorithm algorithm : new Algorithm[] { Algorithm.DIRECT, Algorithm.FFT }) {
			final List< ScoreMap > maps = TemplateMatcher.matchAll(image, copies, new MatchOptions().algorithm(algorithm));
			final List< Match > found = new PeakFinder().maxMatches(5).threshold(0.8).find(maps);
			assertEquals(5, found.size(), "five copies, each found once: " + found);
			for (int p = 0; p < centres.length; p++) {
				final Match m = at(found, centres[p]);
				assertNotNull(m, "nothing found at " + centres[p][0] + "," + centres[p][1] + ": " + found);
				assertEquals(degrees[p], m.angle(), 0, "turn at " + centres[p][0] + "," + centres[p][1]);
				assertEquals(flips[p], m.flip(), "mirror at " + centres[p][0] + "," + centres[p][1]);
				assertEquals("blobs", m.template().name());
				assertTrue(m.score() > 0.9, "score " + m.score());
			}
			for (int i = 0; i < found.size(); i++)
				assertEquals(i + 1, found.get(i).rank());
		}
	}

	@Test
	void copiesTurnedByAnyAngleAreFoundNearTheirAngle() {
		final int[][] centres = { { 45, 45 }, { 140, 60 }, { 70, 140 } };
		final double[] degrees = { 30, 135, 250 };
		final Flip[] flips = { Flip.NONE, Flip.HORIZONTAL, Flip.NONE };
		final ArrayImg< DoubleType, DoubleArray > image = scene(200, 190, centres, degrees, flips);
		final List< SearchTemplate > copies = TemplateVariants.of(List.of(SearchTemplate.of("blobs", template(), null)), null, Flip.HORIZONTAL, TemplateVariants.range(0, 350, 10));
		assertEquals(72, copies.size());
		final List< Match > found = new PeakFinder().maxMatches(3).maxOverlap(0.3).find(TemplateMatcher.matchAll(image, copies, new MatchOptions()));
		assertEquals(3, found.size());
		for (int p = 0; p < centres.length; p++) {
			final Match m = at(found, centres[p]);
			assertNotNull(m, "nothing found at " + centres[p][0] + "," + centres[p][1] + ": " + found);
			final double off = Math.abs(((m.angle() - degrees[p]) % 360 + 540) % 360 - 180);
			assertTrue(off <= 5, "found turned " + m.angle() + ", pasted turned " + degrees[p]);
			assertEquals(flips[p], m.flip());
		}
	}

	/** The match whose anchor lies within a pixel of the centre, or null. */
	private static Match at(final List< Match > found, final int[] centre) {
		for (final Match m : found)
			if (Math.abs(m.pixel()[0] - centre[0]) <= 1 && Math.abs(m.pixel()[1] - centre[1]) <= 1)
				return m;
		return null;
	}

	@Test
	void severalTemplatesGiveTheScoresOfEachAlone() {
		final Random random = new Random(3);
		final double[] v = new double[60 * 45];
		for (int i = 0; i < v.length; i++)
			v[i] = random.nextDouble() * 50 + 200;
		final ArrayImg< DoubleType, DoubleArray > image = ArrayImgs.doubles(v, 60, 45);
		final List< SearchTemplate > templates = new ArrayList<>();
		templates.add(SearchTemplate.of("a", Views.interval(image, new long[] { 3, 4 }, new long[] { 11, 10 }), null));
		templates.add(SearchTemplate.of("b", Views.interval(image, new long[] { 20, 5 }, new long[] { 24, 18 }), null).anchoredAt(0, 13));
		final double[] mask = new double[6 * 6];
		for (int i = 0; i < mask.length; i++)
			mask[i] = i % 4 == 0 ? 0 : 1;
		templates.add(SearchTemplate.of("c", Views.interval(image, new long[] { 30, 30 }, new long[] { 35, 35 }), ArrayImgs.doubles(mask, 6, 6)));
		for (final MatchMethod method : MatchMethod.values())
			for (final OutputMode mode : new OutputMode[] { OutputMode.SAME, OutputMode.VALID })
				for (final Algorithm algorithm : new Algorithm[] { Algorithm.DIRECT, Algorithm.FFT }) {
					final MatchOptions options = new MatchOptions().method(method).mode(mode).algorithm(algorithm);
					final List< ScoreMap > together = TemplateMatcher.matchAll(image, templates, options);
					for (int t = 0; t < templates.size(); t++) {
						final ScoreMap alone = TemplateMatcher.matchAll(image, List.of(templates.get(t)), options).get(0);
						final ScoreMap mine = together.get(t);
						assertArrayEquals(alone.interval().minAsLongArray(), mine.interval().minAsLongArray());
						assertArrayEquals(alone.interval().maxAsLongArray(), mine.interval().maxAsLongArray());
						assertArrayEquals(alone.anchor(), mine.anchor());
						double largest = 1;
						for (final FloatType s : alone.scores())
							largest = Math.max(largest, Math.abs(s.get()));
						final var a = Views.flatIterable(alone.scores()).cursor();
						final var b = Views.flatIterable(mine.scores()).cursor();
						while (a.hasNext())
							assertEquals(a.next().get(), b.next().get(), 2e-5 * largest, method + " " + mode + " " + algorithm + " template " + t);
					}
				}
	}

	@Test
	void badTurnsAreRefusedWithTheFix() {
		final SearchTemplate t = SearchTemplate.of("t", template(), null);
		final Exception e = assertThrows(IllegalArgumentException.class, () -> TemplateVariants.of(List.of(t), new double[] { 45 }, Flip.NONE, null));
		assertTrue(e.getMessage().contains("angles="), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> TemplateVariants.range(0, 90, 0));
		assertThrows(IllegalArgumentException.class, () -> TemplateVariants.range(90, 0, 10));
		assertArrayEquals(new double[] { 0, 15, 30, 45 }, TemplateVariants.range(0, 45, 15), 0);
		final SearchTemplate volume = SearchTemplate.of("v", new double[8], 2, 2, 2);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> volume.quarterTurns(1)).getMessage().contains("2-D"));
		final Exception mask = assertThrows(IllegalArgumentException.class, () -> SearchTemplate.of("t", template(), ArrayImgs.doubles(3, 3)));
		assertTrue(mask.getMessage().contains("not the size of the template"), mask.getMessage());
		final Exception empty = assertThrows(IllegalArgumentException.class, () -> SearchTemplate.of("t", template(), ArrayImgs.doubles(SIDE, SIDE)));
		assertTrue(empty.getMessage().contains("0 everywhere"), empty.getMessage());
	}
}
