package io.github.convolvej.core.match;

import java.util.Arrays;

import io.github.convolvej.core.Axes;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.IntervalIndexer;
import net.imglib2.view.Views;

/**
 * One template as {@link TemplateMatcher#matchAll} searches it: its values,
 * sizes, an optional mask (pixels to ignore), an optional anchor, and what it
 * was made from: a name, and for a turned or mirrored copy the angle and
 * mirror that made it and the size of the template before the turn (the
 * rectangle {@link Match#overlap} turns). Immutable.
 * <p>
 * Copies are made by {@link #flipped}, {@link #quarterTurns} (exact) and
 * {@link #rotated} (bilinear; pixels whose source lies outside the original
 * are masked). Angles turn counter-clockwise as the image is shown (x right,
 * y down); a mirror is applied before the turn.
 */
public final class SearchTemplate {

	private final String name;
	private final double[] values;
	private final int[] dims;
	private final boolean[] mask;
	private final int[] anchor;
	private final int[] originalDims;
	private final double angle;
	private final Flip flip;

	private SearchTemplate(final String name, final double[] values, final int[] dims, final boolean[] mask, final int[] anchor, final int[] originalDims, final double angle, final Flip flip) {
		this.name = name;
		this.values = values;
		this.dims = dims;
		this.mask = mask;
		this.anchor = anchor;
		this.originalDims = originalDims;
		this.angle = angle;
		this.flip = flip;
	}

	/** A template of these values (x fastest) and sizes, nothing masked, anchored as the options say. */
	public static SearchTemplate of(final String name, final double[] values, final int... dims) {
		return new SearchTemplate(name, values.clone(), dims.clone(), null, null, dims.clone(), 0, Flip.NONE);
	}

	/**
	 * A template read from an image; {@code mask} (same sizes, 0 = ignore) may be null.
	 *
	 * @throws IllegalArgumentException for NaN or infinite values, a mask of
	 *             another size, or a mask with nothing left to match
	 */
	public static SearchTemplate of(final String name, final RandomAccessibleInterval< ? extends RealType< ? > > template, final RandomAccessibleInterval< ? extends RealType< ? > > mask) {
		final int[] dims = new int[template.numDimensions()];
		for (int d = 0; d < dims.length; d++)
			dims[d] = Math.toIntExact(template.dimension(d));
		final SearchTemplate read = new SearchTemplate(name, read(template), dims, null, null, dims.clone(), 0, Flip.NONE);
		final SearchTemplate t = mask == null ? read : read.masked(mask);
		int bad = 0, first = -1;
		for (int i = 0; i < t.values.length; i++)
			if (!Double.isFinite(t.values[i])) {
				bad++;
				first = first < 0 ? i : first;
			}
		if (bad > 0)
			throw new IllegalArgumentException("The template" + quoted(name) + " holds NaN or infinite values (" + (bad == 1 ? "one pixel, at " : bad + " pixels, the first at ")
					+ pixelText(first, dims) + "). Give a template of finite numbers only, or a mask that is 0 on those pixels.");
		return t;
	}

	/** The pixel at flat index {@code index} (x fastest), as messages name it: {@code x=2, y=5}. */
	private static String pixelText(final int index, final int[] dims) {
		final int[] pos = new int[dims.length];
		IntervalIndexer.indexToPosition(index, dims, pos);
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < pos.length; d++)
			sb.append(d == 0 ? "" : ", ").append(Axes.name(d)).append('=').append(pos[d]);
		return sb.toString();
	}

	/**
	 * This template with a mask: pixels where {@code mask} is 0 are ignored,
	 * as OpenCV's {@code matchTemplate(..., mask)} does with an 8-bit mask.
	 *
	 * @throws IllegalArgumentException for a mask of another size, or one
	 *             that is 0 everywhere
	 */
	public SearchTemplate masked(final RandomAccessibleInterval< ? extends RealType< ? > > maskImage) {
		final long[] m = maskImage.dimensionsAsLongArray();
		boolean sameSize = true;
		for (int d = 0; d < Math.max(m.length, dims.length); d++)
			sameSize &= (d < m.length ? m[d] : 1) == (d < dims.length ? dims[d] : 1);
		if (!sameSize)
			throw new IllegalArgumentException("The mask (" + Axes.sizes(m) + ") is not the size of the template" + quoted(name) + " (" + Axes.sizes(dims) + "). Give a mask of the template's size: 0 where pixels are ignored, anything else where they count.");
		final double[] v = read(maskImage);
		final boolean[] keep = new boolean[v.length];
		boolean any = false;
		for (int i = 0; i < v.length; i++) {
			keep[i] = v[i] != 0 && !Double.isNaN(v[i]);
			any |= keep[i];
		}
		if (!any)
			throw new IllegalArgumentException("The mask of the template" + quoted(name) + " is 0 everywhere, so nothing would be matched. Give a mask that is not 0 where the template's pixels count.");
		final double[] kept = values.clone();
		for (int i = 0; i < v.length; i++)
			if (!keep[i])
				kept[i] = 0; // ignored, so any finite value will do
		return new SearchTemplate(name, kept, dims, allTrue(keep) ? null : keep, anchor, originalDims, angle, flip);
	}

	/** This template anchored at this pixel (null: as the options say). */
	public SearchTemplate anchoredAt(final int... pixel) {
		return new SearchTemplate(name, values, dims, mask, pixel == null ? null : pixel.clone(), originalDims, angle, flip);
	}

	/** This template's mirror (2-D; the flips of a flipped copy combine). */
	public SearchTemplate flipped(final Flip f) {
		if (f == Flip.NONE)
			return this;
		requirePlanar("mirror");
		final int w = dims[0], h = dims[1];
		final double[] v = new double[values.length];
		final boolean[] m = mask == null ? null : new boolean[mask.length];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int sx = f.mirrorsX() ? w - 1 - x : x, sy = f.mirrorsY() ? h - 1 - y : y;
				v[y * w + x] = values[sy * w + sx];
				if (m != null)
					m[y * w + x] = mask[sy * w + sx];
			}
		final int[] a = anchor == null ? null : new int[] { f.mirrorsX() ? w - 1 - anchor[0] : anchor[0], f.mirrorsY() ? h - 1 - anchor[1] : anchor[1] };
		return new SearchTemplate(name, v, dims.clone(), m, a, originalDims, angle, combine(flip, f));
	}

	/** This template turned by {@code turns} quarter turns counter-clockwise, exactly (2-D). */
	public SearchTemplate quarterTurns(final int turns) {
		final int q = Math.floorMod(turns, 4);
		if (q == 0)
			return this;
		requirePlanar("turn");
		SearchTemplate t = this;
		for (int i = 0; i < q; i++)
			t = t.quarterTurn();
		return t;
	}

	/** One quarter turn counter-clockwise as shown: the top row becomes the left column, read upwards. */
	private SearchTemplate quarterTurn() {
		final int w = dims[0], h = dims[1];
		// new (x, y) comes from old (w - 1 - y, x); the new image is h wide and w high
		final double[] v = new double[values.length];
		final boolean[] m = mask == null ? null : new boolean[mask.length];
		for (int y = 0; y < w; y++)
			for (int x = 0; x < h; x++) {
				final int source = x * w + (w - 1 - y);
				v[y * h + x] = values[source];
				if (m != null)
					m[y * h + x] = mask[source];
			}
		final int[] a = anchor == null ? null : new int[] { anchor[1], w - 1 - anchor[0] };
		return new SearchTemplate(name, v, new int[] { h, w }, m, a, originalDims, angle + 90, flip);
	}

	/**
	 * This template turned by {@code degrees} counter-clockwise about its
	 * centre, by bilinear interpolation, in the smallest box that holds the
	 * turned rectangle (with the original's parity, so no half-pixel shift);
	 * pixels whose source lies outside the original, or on a masked pixel,
	 * are masked (2-D). A multiple of 90 degrees gives an exact turn.
	 */
	public SearchTemplate rotated(final double degrees) {
		final double normalized = ((degrees % 360) + 360) % 360;
		if (normalized % 90 == 0)
			return quarterTurns((int) (normalized / 90));
		requirePlanar("turn");
		final int w = dims[0], h = dims[1];
		final double radians = Math.toRadians(normalized);
		final double cos = Math.cos(radians), sin = Math.sin(radians);
		final int outW = boxSide(w, w * Math.abs(cos) + h * Math.abs(sin));
		final int outH = boxSide(h, w * Math.abs(sin) + h * Math.abs(cos));
		final double cx = (w - 1) / 2.0, cy = (h - 1) / 2.0, ox = (outW - 1) / 2.0, oy = (outH - 1) / 2.0;
		final double eps = 1e-9;
		final double[] v = new double[outW * outH];
		final boolean[] m = new boolean[outW * outH];
		for (int y = 0; y < outH; y++)
			for (int x = 0; x < outW; x++) {
				// the inverse of the turn (x, y) -> (x cos + y sin, -x sin + y cos), y pointing down
				final double dx = x - ox, dy = y - oy;
				final double sx = cx + dx * cos - dy * sin, sy = cy + dx * sin + dy * cos;
				if (sx < -eps || sy < -eps || sx > w - 1 + eps || sy > h - 1 + eps)
					continue;
				final int nearest = (int) Math.round(clamp(sy, h)) * w + (int) Math.round(clamp(sx, w));
				if (mask != null && !mask[nearest])
					continue;
				final int x0 = Math.min((int) Math.floor(clamp(sx, w)), Math.max(0, w - 2)), y0 = Math.min((int) Math.floor(clamp(sy, h)), Math.max(0, h - 2));
				final int x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
				final double fx = clamp(sx, w) - x0, fy = clamp(sy, h) - y0;
				final double top = values[y0 * w + x0] * (1 - fx) + values[y0 * w + x1] * fx;
				final double bottom = values[y1 * w + x0] * (1 - fx) + values[y1 * w + x1] * fx;
				v[y * outW + x] = top * (1 - fy) + bottom * fy;
				m[y * outW + x] = true;
			}
		int[] a = null;
		if (anchor != null) {
			final double dx = anchor[0] - cx, dy = anchor[1] - cy;
			a = new int[] { (int) Math.max(0, Math.min(outW - 1, Math.round(ox + dx * cos + dy * sin))), (int) Math.max(0, Math.min(outH - 1, Math.round(oy - dx * sin + dy * cos))) };
		}
		return new SearchTemplate(name, v, new int[] { outW, outH }, allTrue(m) ? null : m, a, originalDims, angle + normalized, flip);
	}

	/** The side of the turned box: at least {@code extent} (less rounding), same parity as {@code side}. */
	private static int boxSide(final int side, final double extent) {
		final int grow = (int) Math.ceil((extent - 1e-9 - side) / 2);
		return Math.max(1, side + 2 * grow);
	}

	private static double clamp(final double v, final int size) {
		return Math.max(0, Math.min(size - 1, v));
	}

	private static Flip combine(final Flip a, final Flip b) {
		final boolean x = a.mirrorsX() ^ b.mirrorsX(), y = a.mirrorsY() ^ b.mirrorsY();
		return x && y ? Flip.BOTH : x ? Flip.HORIZONTAL : y ? Flip.VERTICAL : Flip.NONE;
	}

	private void requirePlanar(final String what) {
		if (dims.length != 2)
			throw new IllegalArgumentException("Only a 2-D template can be " + (what.equals("turn") ? "turned" : "mirrored") + "; the template" + quoted(name) + " is " + Axes.sizes(dims) + ". Leave rotations, angles and flip out for 3-D templates.");
	}

	/** The name given, for the table's {@code Template} column. */
	public String name() {
		return name;
	}

	/** The values, x fastest; 0 where masked. */
	public double[] values() {
		return values.clone();
	}

	double[] valuesShared() {
		return values;
	}

	/** The sizes of this copy (a turned copy's box). */
	public int[] dims() {
		return dims.clone();
	}

	int[] dimsShared() {
		return dims;
	}

	/** Which pixels count, x fastest; null when all do. */
	public boolean[] mask() {
		return mask == null ? null : mask.clone();
	}

	boolean[] maskShared() {
		return mask;
	}

	public boolean isMasked() {
		return mask != null;
	}

	/** The anchor set for this template or carried through its turns; null to use the options'. */
	public int[] anchor() {
		return anchor == null ? null : anchor.clone();
	}

	/** The sizes of the template before it was turned: the rectangle a match covers. */
	public int[] originalDims() {
		return originalDims.clone();
	}

	/** Degrees, counter-clockwise as shown, from 0 (inclusive) to 360. */
	public double angle() {
		return ((angle % 360) + 360) % 360;
	}

	public Flip flip() {
		return flip;
	}

	/** True when the turn is not a multiple of 90 degrees: the covered rectangle is not the box. */
	public boolean isTurnedOffAxis() {
		return angle() % 90 != 0;
	}

	/** The same pixels, mask, sizes and anchor: a copy that needs no search of its own. */
	boolean samePixels(final SearchTemplate other) {
		return Arrays.equals(dims, other.dims) && Arrays.equals(values, other.values) && Arrays.equals(mask, other.mask) && Arrays.equals(anchor, other.anchor);
	}

	private static double[] read(final RandomAccessibleInterval< ? extends RealType< ? > > image) {
		final double[] v = new double[Math.toIntExact(Views.iterable(image).size())];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable(image).cursor();
		int i = 0;
		while (c.hasNext())
			v[i++] = c.next().getRealDouble();
		return v;
	}

	private static boolean allTrue(final boolean[] b) {
		for (final boolean v : b)
			if (!v)
				return false;
		return true;
	}

	private static String quoted(final String name) {
		return name == null || name.isEmpty() ? "" : " '" + name + "'";
	}

	@Override
	public String toString() {
		return (name == null ? "template" : name) + " " + Axes.sizes(dims) + (angle() != 0 ? " turned " + angle() : "") + (flip != Flip.NONE ? " flipped " + flip : "") + (mask != null ? " masked" : "");
	}
}
