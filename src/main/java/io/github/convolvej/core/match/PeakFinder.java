package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.convolvej.core.engine.source.Block;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Picks the best matches from a {@link ScoreMap}: its peaks (local maxima of
 * the score, local minima for the square differences: no neighbour, in the
 * 3x3 or 3x3x3 block, is better), best first (equal scores in pixel order),
 * with non-maximum suppression. Neighbours count only along the axes where
 * the template is larger than one pixel, so a 2-D template on a stack finds
 * peaks in every plane. Fluent; the defaults give the single best match.
 *
 * <pre>
 * List&lt;Match&gt; cells = new PeakFinder().maxMatches(50).threshold(0.6).minDistance(10).subpixel(true).find(scoreMap);
 * </pre>
 *
 * <ul>
 * <li>{@link #maxMatches}: at most this many, best first (default 1).</li>
 * <li>{@link #threshold}: only scores at least this good: {@code >=} the
 * threshold, or {@code <=} it for the square differences (default none).</li>
 * <li>{@link #minDistance}: a peak closer than this to a better match is
 * dropped. Distance is Chebyshev's (the largest of the per-axis differences
 * of the anchors, so "closer than d" is a square of side {@code 2d - 1}),
 * measured along the axes where the template is larger than one pixel;
 * matches at different positions along the others (planes of a stack
 * matched with a 2-D template) never suppress each other. Default: half
 * the template's smallest side larger than 1.</li>
 * <li>{@link #maxOverlap}: a peak whose rectangle overlaps a better match's
 * by more than this intersection over union is dropped, as in
 * Multi-Template-Matching (default 1: off).</li>
 * <li>{@link #subpixel}: refines each match's position per axis by the
 * vertex of the parabola through the peak and its two neighbours, clamped to
 * half a pixel; left as is at the edge of the score map and where the
 * scores do not curve down.</li>
 * </ul>
 */
public final class PeakFinder {

	private int maxMatches = 1;
	private double threshold = Double.NaN;
	private double minDistance = Double.NaN;
	private double maxOverlap = 1;
	private boolean subpixel;

	/** At most this many matches (at least 1). */
	public PeakFinder maxMatches(final int n) {
		if (n < 1)
			throw new IllegalArgumentException("The number of matches must be at least 1, got " + n + ".");
		this.maxMatches = n;
		return this;
	}

	/** Keep only scores at least this good; {@code NaN} for no threshold. */
	public PeakFinder threshold(final double t) {
		if (Double.isInfinite(t))
			throw new IllegalArgumentException("The threshold must be a finite score or none, got " + t + ".");
		this.threshold = t;
		return this;
	}

	/**
	 * Smallest Chebyshev distance between match anchors, in pixels;
	 * {@code NaN} for the default (half the template's smallest side).
	 */
	public PeakFinder minDistance(final double d) {
		if (d < 0 || Double.isInfinite(d))
			throw new IllegalArgumentException("The minimum distance between matches is 0 or more pixels, got " + d + ". Give a distance, or leave it out (auto) for half the template's smallest side.");
		this.minDistance = d;
		return this;
	}

	/** Largest intersection over union of two matches' rectangles, 0 to 1. */
	public PeakFinder maxOverlap(final double iou) {
		if (!(iou >= 0 && iou <= 1))
			throw new IllegalArgumentException("The maximal overlap is an intersection over union from 0 to 1, got " + iou + ".");
		this.maxOverlap = iou;
		return this;
	}

	/** Refine positions to a fraction of a pixel. */
	public PeakFinder subpixel(final boolean on) {
		this.subpixel = on;
		return this;
	}

	public int maxMatches() {
		return maxMatches;
	}

	public double threshold() {
		return threshold;
	}

	/** The distance as set, or NaN for the default. */
	public double minDistance() {
		return minDistance;
	}

	/** The distance used for a template of these sizes. */
	public double minDistanceFor(final int[] templateDims) {
		if (!Double.isNaN(minDistance))
			return minDistance;
		int smallest = Integer.MAX_VALUE;
		for (final int k : templateDims)
			if (k > 1)
				smallest = Math.min(smallest, k);
		return smallest == Integer.MAX_VALUE ? 0.5 : smallest / 2.0;
	}

	public double maxOverlap() {
		return maxOverlap;
	}

	public boolean subpixel() {
		return subpixel;
	}

	/** The matches in the score map, best first. */
	public List< Match > find(final ScoreMap map) {
		if (map == null)
			throw new IllegalArgumentException("No score map given. Give the map TemplateMatcher.match returned.");
		final int n = map.numDimensions();
		final int[] dims = new int[n];
		for (int d = 0; d < n; d++)
			dims[d] = Math.toIntExact(map.scores().dimension(d));
		final float[] scores = values(map);
		final boolean lower = map.method().lowerIsBetter();
		// goodness: higher is better for every method
		final float[] good = new float[scores.length];
		for (int i = 0; i < scores.length; i++)
			good[i] = lower ? -scores[i] : scores[i];
		final float limit = Double.isNaN(threshold) ? Float.NEGATIVE_INFINITY : (float) (lower ? -threshold : threshold);

		final int[] k = map.templateDimensions();
		// one match needs no suppression: the best score is always a peak
		final long[] order = maxMatches == 1 ? best(good, limit) : candidates(good, dims, k, limit);
		final int[] anchor = map.anchor();
		final long[] origin = map.interval().minAsLongArray();
		final double distance = minDistanceFor(k);
		final Neighbourhood kept = new Neighbourhood(k, distance, maxOverlap < 1);
		final List< Match > matches = new ArrayList<>();
		final int[] strides = Block.strides(dims);
		for (final long key : order) {
			if (matches.size() >= maxMatches)
				break;
			final int i = (int) key;
			final long[] pixel = new long[n];
			final double[] position = new double[n];
			int rest = i;
			for (int d = 0; d < n; d++) {
				position[d] = pixel[d] = origin[d] + rest % dims[d];
				rest /= dims[d];
			}
			final Match candidate = new Match(position, pixel, anchor, k, scores[i], matches.size() + 1, map.template());
			if (kept.conflicts(candidate, distance, maxOverlap))
				continue;
			kept.add(candidate);
			matches.add(subpixel ? refined(candidate, good, i, dims, strides, anchor, k) : candidate);
		}
		return matches;
	}

	/**
	 * The matches of several templates, or turned and mirrored copies of one,
	 * in the same image (score maps of one method, as
	 * {@link TemplateMatcher#matchAll} gives them), merged into one list, best
	 * first: each map's peaks, then suppressed across maps as within one (a
	 * match closer than the minimum distance to a better one, or overlapping
	 * it by more than the maximal overlap, is dropped; for turned copies the
	 * overlap is that of the turned rectangles), at most
	 * {@link #maxMatches()}, ranked anew.
	 */
	public List< Match > find(final List< ScoreMap > maps) {
		if (maps == null || maps.isEmpty() || maps.stream().anyMatch(java.util.Objects::isNull))
			throw new IllegalArgumentException("No score maps given. Give the maps TemplateMatcher.matchAll returned.");
		if (maps.size() == 1)
			return find(maps.get(0));
		final List< Match > all = new ArrayList<>();
		for (final ScoreMap map : maps) {
			if (map.method().lowerIsBetter() != maps.get(0).method().lowerIsBetter())
				throw new IllegalArgumentException("Score maps of different methods cannot be merged: " + maps.get(0).method().label() + " and " + map.method().label() + ".");
			all.addAll(candidates(map, maps.size()));
		}
		return merge(all, maps.get(0).method().lowerIsBetter());
	}

	/**
	 * One map's matches, enough of them to be merged with those of
	 * {@code maps} maps in all by {@link #merge} (for searches that score
	 * their templates a few at a time).
	 */
	public List< Match > candidates(final ScoreMap map, final int maps) {
		final PeakFinder each = new PeakFinder().maxMatches((int) Math.min(Integer.MAX_VALUE, (long) maxMatches * Math.max(1, maps))).threshold(threshold).maxOverlap(maxOverlap).subpixel(subpixel);
		if (!Double.isNaN(minDistance))
			each.minDistance(minDistance);
		return each.find(map);
	}

	/**
	 * Matches of several maps merged: best first (equal scores in the order
	 * given), suppressed across maps, at most {@link #maxMatches()}, ranked anew.
	 *
	 * @param lowerIsBetter true for the square differences
	 */
	public List< Match > merge(final List< Match > candidates, final boolean lowerIsBetter) {
		final List< Match > all = new ArrayList<>(candidates);
		all.sort((a, b) -> lowerIsBetter ? Double.compare(a.score(), b.score()) : Double.compare(b.score(), a.score()));
		final List< Match > kept = new ArrayList<>();
		for (final Match m : all) {
			if (kept.size() >= maxMatches)
				break;
			boolean free = true;
			for (int i = 0; i < kept.size() && free; i++) {
				final Match other = kept.get(i);
				free = !tooClose(m, other) && !(maxOverlap < 1 && m.overlap(other) > maxOverlap);
			}
			if (free)
				kept.add(m);
		}
		final List< Match > ranked = new ArrayList<>(kept.size());
		for (int i = 0; i < kept.size(); i++)
			ranked.add(kept.get(i).withRank(i + 1));
		return ranked;
	}

	/**
	 * Closer than the minimum distance (the smaller of the two templates')
	 * along the axes where either template is larger than one pixel, and at
	 * the same place along the others.
	 */
	private boolean tooClose(final Match a, final Match b) {
		final int[] ka = a.size(), kb = b.size();
		final double distance = Math.min(minDistanceFor(ka), minDistanceFor(kb));
		final long[] pa = a.pixel(), pb = b.pixel();
		long chebyshev = 0;
		for (int d = 0; d < pa.length; d++) {
			final long diff = Math.abs(pa[d] - pb[d]);
			if (ka[d] == 1 && kb[d] == 1 && diff != 0)
				return false;
			chebyshev = Math.max(chebyshev, diff);
		}
		return chebyshev < distance;
	}

	/**
	 * Local maxima of {@code good} (no neighbour in the 3x3.. block is
	 * better; neighbours only along the axes where the template is larger
	 * than 1) at or above {@code limit}, as sort keys: best first, ties by
	 * index. The low 32 bits of each key are the index.
	 */
	private static long[] candidates(final float[] good, final int[] dims, final int[] k, final float limit) {
		final int n = dims.length;
		final int[] strides = Block.strides(dims);
		// neighbour offsets and per-axis steps, to skip those outside the map
		final int all = (int) Math.pow(3, n);
		final int[][] steps = new int[all][n];
		final int[] offsets = new int[all];
		int c = 0;
		for (int j = 0; j < all; j++) {
			int rest = j, off = 0;
			boolean centre = true, along = true;
			final int[] step = new int[n];
			for (int d = 0; d < n; d++) {
				step[d] = rest % 3 - 1;
				rest /= 3;
				off += step[d] * strides[d];
				centre &= step[d] == 0;
				along &= step[d] == 0 || k[d] > 1;
			}
			if (centre || !along)
				continue;
			steps[c] = step;
			offsets[c++] = off;
		}
		final int count = c;
		final boolean[] spread = new boolean[n];
		for (int d = 0; d < n; d++)
			spread[d] = k[d] > 1;
		long[] keys = new long[64];
		int found = 0;
		final int[] pos = new int[n];
		final int w = dims[0];
		for (int line = 0; line < good.length; line += w) {
			// a line away from the edges along every axis above x needs no bounds checks inside
			boolean inner = true;
			for (int d = 1; d < n; d++)
				inner &= !spread[d] || pos[d] > 0 && pos[d] < dims[d] - 1;
			for (int x = 0; x < w; x++) {
				final int i = line + x;
				final float g = good[i];
				if (!(g >= limit)) // below the threshold, or NaN
					continue;
				boolean peak = true;
				if (inner && (!spread[0] || x > 0 && x < w - 1)) {
					for (int j = 0; j < count && peak; j++)
						peak = !(good[i + offsets[j]] > g);
				} else {
					pos[0] = x;
					for (int j = 0; j < count && peak; j++) {
						boolean inside = true;
						for (int d = 0; d < n; d++) {
							final int p = pos[d] + steps[j][d];
							inside &= p >= 0 && p < dims[d];
						}
						peak = !(inside && good[i + offsets[j]] > g);
					}
				}
				if (peak) {
					if (found == keys.length)
						keys = Arrays.copyOf(keys, 2 * found);
					keys[found++] = ((long) ~sortable(g) << 32) | i;
				}
			}
			for (int d = 1; d < n; d++) {
				if (++pos[d] < dims[d])
					break;
				pos[d] = 0;
			}
		}
		keys = Arrays.copyOf(keys, found);
		Arrays.sort(keys);
		return keys;
	}

	/** The best score's index (the first of equals), as {@link #candidates} would list it first; none below the limit. */
	private static long[] best(final float[] good, final float limit) {
		int best = -1;
		for (int i = 0; i < good.length; i++)
			if (good[i] >= limit && (best < 0 || good[i] > good[best]))
				best = i;
		return best < 0 ? new long[0] : new long[] { best };
	}

	/** An int that orders as the float does (NaN excluded beforehand). */
	private static int sortable(final float f) {
		final int bits = Float.floatToIntBits(f == 0 ? 0f : f);
		return bits >= 0 ? bits : bits ^ 0x7fffffff;
	}

	/** The parabola vertex per axis through the peak and its neighbours. */
	private static Match refined(final Match m, final float[] good, final int i, final int[] dims, final int[] strides, final int[] anchor, final int[] k) {
		final long[] pixel = m.pixel();
		final double[] position = m.position();
		int rest = i;
		for (int d = 0; d < dims.length; d++) {
			final int p = rest % dims[d];
			rest /= dims[d];
			if (p == 0 || p == dims[d] - 1)
				continue;
			final double before = good[i - strides[d]], at = good[i], after = good[i + strides[d]];
			final double curvature = before - 2 * at + after;
			if (!(curvature < 0))
				continue; // flat, not a peak along this axis, or NaN
			final double offset = 0.5 * (before - after) / curvature;
			position[d] += Math.max(-0.5, Math.min(0.5, offset));
		}
		return new Match(position, pixel, anchor, k, m.score(), m.rank(), m.template());
	}

	/**
	 * The matches kept so far, in a grid of cells at least as large as the
	 * suppression reach, so a candidate is compared with nearby matches only.
	 */
	private static final class Neighbourhood {
		private final int[] cell;
		private final boolean[] spread;
		private final Map< CellKey, List< Match > > cells = new HashMap<>();

		Neighbourhood(final int[] k, final double distance, final boolean overlap) {
			cell = new int[k.length];
			spread = new boolean[k.length];
			for (int d = 0; d < k.length; d++) {
				spread[d] = k[d] > 1;
				final double reach = Math.max(Math.ceil(distance), overlap ? k[d] : 1);
				cell[d] = spread[d] ? (int) Math.max(1, Math.min(Integer.MAX_VALUE / 4, reach)) : 1;
			}
		}

		void add(final Match m) {
			cells.computeIfAbsent(keyOf(m.pixel()), c -> new ArrayList<>()).add(m);
		}

		boolean conflicts(final Match m, final double distance, final double maxOverlap) {
			final int n = cell.length;
			final long[] centre = cellOf(m.pixel());
			// every neighbouring cell along the spread axes
			int spreadAxes = 0;
			for (int d = 0; d < n; d++)
				if (spread[d])
					spreadAxes++;
			final int count = (int) Math.pow(3, spreadAxes);
			final long[] c = new long[n];
			for (int j = 0; j < count; j++) {
				int rest = j;
				for (int d = 0; d < n; d++) {
					c[d] = centre[d];
					if (spread[d]) {
						c[d] += rest % 3 - 1;
						rest /= 3;
					}
				}
				final List< Match > near = cells.get(new CellKey(c.clone()));
				if (near != null)
					for (final Match other : near)
						if (tooClose(m, other, distance) || maxOverlap < 1 && m.overlap(other) > maxOverlap)
							return true;
			}
			return false;
		}

		private boolean tooClose(final Match a, final Match b, final double distance) {
			long chebyshev = 0;
			for (int d = 0; d < cell.length; d++) {
				final long diff = Math.abs(a.pixel()[d] - b.pixel()[d]);
				if (!spread[d] && diff != 0)
					return false;
				chebyshev = Math.max(chebyshev, diff);
			}
			return chebyshev < distance;
		}

		private long[] cellOf(final long[] pixel) {
			final long[] c = new long[pixel.length];
			for (int d = 0; d < c.length; d++)
				c[d] = Math.floorDiv(pixel[d], cell[d]);
			return c;
		}

		private CellKey keyOf(final long[] pixel) {
			return new CellKey(cellOf(pixel));
		}
	}

	private static final class CellKey {
		private final long[] c;

		CellKey(final long[] c) {
			this.c = c;
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof CellKey && Arrays.equals(c, ((CellKey) o).c);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(c);
		}
	}

	static float[] values(final ScoreMap map) {
		if (map.scores() instanceof ArrayImg && map.scores().firstElement() instanceof FloatType) {
			@SuppressWarnings("unchecked")
			final Object storage = ((ArrayImg< FloatType, ? >) map.scores()).update(null);
			if (storage instanceof FloatArray)
				return ((FloatArray) storage).getCurrentStorageArray();
		}
		final float[] v = new float[(int) map.scores().size()];
		final Cursor< FloatType > c = Views.flatIterable(map.scores()).cursor();
		int i = 0;
		while (c.hasNext())
			v[i++] = c.next().get();
		return v;
	}
}
