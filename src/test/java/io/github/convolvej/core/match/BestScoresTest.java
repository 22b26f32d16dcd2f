package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.OutputMode;
import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The best of several score maps whose intervals differ (valid mode,
 * templates of different sizes): over the union, at each position the best
 * of the maps that scored it, NaN where none did; looked up here map by map.
 */
class BestScoresTest {

	@Test
	void theBestOfMapsOfDifferentIntervals() {
		final double[] v = new double[40 * 30];
		final Random random = new Random(2);
		for (int i = 0; i < v.length; i++)
			v[i] = random.nextDouble();
		final var image = ArrayImgs.doubles(v, 40, 30);
		final List< SearchTemplate > templates = List.of(
				SearchTemplate.of("a", Views.zeroMin(Views.interval(image, new long[] { 3, 4 }, new long[] { 9, 8 })), null),
				SearchTemplate.of("b", Views.zeroMin(Views.interval(image, new long[] { 20, 10 }, new long[] { 22, 21 })), null).anchoredAt(2, 0));
		for (final MatchMethod method : new MatchMethod[] { MatchMethod.CCOEFF_NORMED, MatchMethod.SQDIFF }) {
			final List< ScoreMap > maps = TemplateMatcher.matchAll(image, templates, new MatchOptions().method(method).mode(OutputMode.VALID));
			final ScoreMap best = new BestScores(maps.get(0), method.lowerIsBetter()).add(maps.get(1)).map();
			final Interval union = Intervals.union(maps.get(0).interval(), maps.get(1).interval());
			assertTrue(Intervals.equals(union, best.interval()));
			final Cursor< FloatType > c = Views.translate(best.scores(), best.interval().minAsLongArray()).localizingCursor();
			int nan = 0;
			while (c.hasNext()) {
				c.fwd();
				float expected = Float.NaN;
				for (final ScoreMap m : maps)
					if (Intervals.contains(m.interval(), c)) {
						final RandomAccess< FloatType > ra = Views.translate(m.scores(), m.interval().minAsLongArray()).randomAccess();
						final float s = ra.setPositionAndGet(c).get();
						if (Float.isNaN(expected) || (method.lowerIsBetter() ? s < expected : s > expected))
							expected = s;
					}
				if (Float.isNaN(expected))
					nan++;
				assertEquals(expected, c.get().get(), 0, method + " at " + c);
			}
			assertTrue(nan > 0, "the union holds positions no map scored");
		}
	}
}
