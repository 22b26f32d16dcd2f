package io.github.convolvej.core.match;

import java.util.Arrays;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.util.Intervals;

/**
 * The best score of several templates (or turned and mirrored copies) at
 * each position: one score map for a search with many, over the union of
 * their intervals (NaN where none scored). Of one map, the map itself.
 */
public final class BestScores {

	private final boolean lowerIsBetter;
	private final ScoreMap first;
	private Interval interval;
	private float[] best;

	/** Starts with one map's scores. */
	public BestScores(final ScoreMap map, final boolean lowerIsBetter) {
		this.lowerIsBetter = lowerIsBetter;
		this.first = map;
		this.interval = map.interval();
	}

	/** Keeps the better score of this map where it has one. */
	public BestScores add(final ScoreMap map) {
		if (best == null) {
			best = nan(interval);
			keepBetter(first);
		}
		final Interval union = Intervals.union(interval, map.interval());
		if (!Intervals.equals(union, interval)) {
			// a larger map (valid mode, another template size): the scores so far move into the union
			final float[] grown = nan(union);
			Boxes.copy(best, dims(interval), new int[union.numDimensions()], grown, dims(union), offset(interval, union), dims(interval));
			best = grown;
			interval = union;
		}
		keepBetter(map);
		return this;
	}

	private void keepBetter(final ScoreMap map) {
		final float[] scores = PeakFinder.values(map);
		final float[] b = best;
		final boolean lower = lowerIsBetter;
		Boxes.rows(dims(map.interval()), new int[interval.numDimensions()], dims(interval), offset(map.interval(), interval), dims(map.interval()), (from, to, length) -> {
			for (int x = 0; x < length; x++) {
				final float v = scores[from + x], old = b[to + x];
				if (Float.isNaN(old) || (lower ? v < old : v > old))
					b[to + x] = v;
			}
		});
	}

	/** The best scores as a score map (of the first map's method and template sizes). */
	public ScoreMap map() {
		if (best == null)
			return first;
		return new ScoreMap(ArrayImgs.floats(best, interval.dimensionsAsLongArray()), new FinalInterval(interval), first.method(), first.mode(), first.templateDimensions(), first.anchor(), first.engine());
	}

	private static float[] nan(final Interval interval) {
		final float[] v = new float[Math.toIntExact(Intervals.numElements(interval))];
		Arrays.fill(v, Float.NaN);
		return v;
	}

	private static int[] dims(final Interval interval) {
		final int[] d = new int[interval.numDimensions()];
		for (int i = 0; i < d.length; i++)
			d[i] = Math.toIntExact(interval.dimension(i));
		return d;
	}

	/** Where {@code inner} starts in {@code outer}. */
	private static int[] offset(final Interval inner, final Interval outer) {
		final int[] o = new int[inner.numDimensions()];
		for (int i = 0; i < o.length; i++)
			o[i] = Math.toIntExact(inner.min(i) - outer.min(i));
		return o;
	}
}
