package io.github.convolvej.core.match;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The best score of several templates (or turned and mirrored copies) at
 * each position: one score map for a search with many, over the union of
 * their intervals (NaN where none scored). Of one map, the map itself.
 */
public final class BestScores {

	private final boolean lowerIsBetter;
	private ScoreMap first;
	private float[] best;
	private Interval interval;
	private int maps;

	/** Starts with one map's scores. */
	public BestScores(final ScoreMap map, final boolean lowerIsBetter) {
		this.lowerIsBetter = lowerIsBetter;
		this.first = map;
		this.interval = map.interval();
		this.maps = 1;
	}

	/** Keeps the better score of this map where it has one. */
	public BestScores add(final ScoreMap map) {
		if (maps++ == 1) {
			best = copy(first, union(first.interval(), map.interval()));
			interval = union(first.interval(), map.interval());
		}
		final Interval wanted = union(interval, map.interval());
		if (!Intervals.equals(wanted, interval)) {
			best = regrid(best, interval, wanted);
			interval = wanted;
		}
		final int n = interval.numDimensions();
		final long[] pos = new long[n];
		final var c = Views.flatIterable(map.scores()).cursor();
		final long[] min = map.interval().minAsLongArray();
		final long[] size = map.interval().dimensionsAsLongArray();
		long i = 0;
		while (c.hasNext()) {
			final float v = c.next().get();
			long rest = i++, at = 0, stride = 1;
			for (int d = 0; d < n; d++) {
				pos[d] = min[d] + rest % size[d];
				rest /= size[d];
				at += (pos[d] - interval.min(d)) * stride;
				stride *= interval.dimension(d);
			}
			final float b = best[(int) at];
			if (Float.isNaN(b) || (lowerIsBetter ? v < b : v > b))
				best[(int) at] = v;
		}
		return this;
	}

	/** The best scores as a score map (of the first map's method and template sizes). */
	public ScoreMap map() {
		if (maps == 1)
			return first;
		return new ScoreMap(ArrayImgs.floats(best, interval.dimensionsAsLongArray()), new FinalInterval(interval), first.method(), first.mode(), first.templateDimensions(), first.anchor(), first.engine());
	}

	private static Interval union(final Interval a, final Interval b) {
		return Intervals.union(a, b);
	}

	private static float[] copy(final ScoreMap map, final Interval into) {
		final float[] out = new float[Math.toIntExact(Intervals.numElements(into))];
		java.util.Arrays.fill(out, Float.NaN);
		final long[] min = map.interval().minAsLongArray(), size = map.interval().dimensionsAsLongArray();
		final int n = min.length;
		final var c = Views.flatIterable(map.scores()).cursor();
		long i = 0;
		while (c.hasNext()) {
			final float v = c.next().get();
			long rest = i++, at = 0, stride = 1;
			for (int d = 0; d < n; d++) {
				at += (min[d] + rest % size[d] - into.min(d)) * stride;
				rest /= size[d];
				stride *= into.dimension(d);
			}
			out[(int) at] = v;
		}
		return out;
	}

	private static float[] regrid(final float[] values, final Interval from, final Interval to) {
		final float[] out = new float[Math.toIntExact(Intervals.numElements(to))];
		java.util.Arrays.fill(out, Float.NaN);
		final int n = from.numDimensions();
		for (int i = 0; i < values.length; i++) {
			long rest = i, at = 0, stride = 1;
			for (int d = 0; d < n; d++) {
				at += (from.min(d) + rest % from.dimension(d) - to.min(d)) * stride;
				rest /= from.dimension(d);
				stride *= to.dimension(d);
			}
			out[(int) at] = values[i];
		}
		return out;
	}
}
