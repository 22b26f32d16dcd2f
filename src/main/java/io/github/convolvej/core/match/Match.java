package io.github.convolvej.core.match;

import java.util.Arrays;
import java.util.Locale;

/**
 * One hit of a template in an image, as {@link PeakFinder} reports it: where
 * the template's anchor lies (subpixel when refined), the rectangle the
 * template covers, its score and its rank (1 = best). All positions are image
 * coordinates, x first; in SPEC's results table {@code X, Y} are
 * {@link #position()} and {@code BX, BY, Width, Height} are {@link #corner()}
 * and {@link #size()}.
 */
public final class Match {

	private final double[] position;
	private final long[] pixel;
	private final long[] corner;
	private final int[] size;
	private final double score;
	private final int rank;
	private final SearchTemplate template;

	Match(final double[] position, final long[] pixel, final int[] anchor, final int[] size, final double score, final int rank) {
		this(position, pixel, anchor, size, score, rank, null);
	}

	Match(final double[] position, final long[] pixel, final int[] anchor, final int[] size, final double score, final int rank, final SearchTemplate template) {
		this.position = position.clone();
		this.pixel = pixel.clone();
		this.size = size.clone();
		this.corner = new long[pixel.length];
		for (int d = 0; d < pixel.length; d++)
			corner[d] = pixel[d] - anchor[d];
		this.score = score;
		this.rank = rank;
		this.template = template;
	}

	/** This match with another rank (after matches of several templates are merged). */
	Match withRank(final int r) {
		final int[] anchor = new int[pixel.length];
		for (int d = 0; d < pixel.length; d++)
			anchor[d] = (int) (pixel[d] - corner[d]);
		return new Match(position, pixel, anchor, size, score, r, template);
	}

	/** The template, or turned or mirrored copy, that matched here; null when not known. */
	public SearchTemplate template() {
		return template;
	}

	/** Degrees the matching copy was turned, counter-clockwise as shown; 0 when not turned. */
	public double angle() {
		return template == null ? 0 : template.angle();
	}

	/** The mirror of the matching copy. */
	public Flip flip() {
		return template == null ? Flip.NONE : template.flip();
	}

	/**
	 * The corners of the rectangle the template covers, turned as the
	 * matching copy was, in image pixel coordinates (pixel centres at whole
	 * numbers), counter-clockwise as shown (2-D).
	 */
	public double[][] turnedCorners() {
		final int[] original = template == null ? size : template.originalDims();
		final double radians = Math.toRadians(angle());
		final double cos = Math.cos(radians), sin = Math.sin(radians);
		final double cx = corner[0] + (size[0] - 1) / 2.0, cy = corner[1] + (size[1] - 1) / 2.0;
		final double hw = original[0] / 2.0, hh = original[1] / 2.0;
		final double[][] c = new double[4][];
		final double[][] unit = { { -hw, -hh }, { -hw, hh }, { hw, hh }, { hw, -hh } };
		for (int i = 0; i < 4; i++) {
			final double x = unit[i][0], y = unit[i][1];
			c[i] = new double[] { cx + x * cos + y * sin, cy - x * sin + y * cos };
		}
		return c;
	}

	/** The anchor's position, refined to a fraction of a pixel when asked. */
	public double[] position() {
		return position.clone();
	}

	public double position(final int d) {
		return position[d];
	}

	/** The anchor's pixel: the score map's peak. */
	public long[] pixel() {
		return pixel.clone();
	}

	/** The top-left (lowest) corner of the rectangle the template covers at {@link #pixel()}. */
	public long[] corner() {
		return corner.clone();
	}

	/** The rectangle's sizes: the template's, with as many axes as the image. */
	public int[] size() {
		return size.clone();
	}

	/** The score at {@link #pixel()}. */
	public double score() {
		return score;
	}

	/** 1 for the best match, 2 for the next, ... */
	public int rank() {
		return rank;
	}

	public int numDimensions() {
		return position.length;
	}

	/**
	 * Intersection over union of this match's rectangle and another's (turned
	 * as their templates were): 1 for the same place, 0 when they do not
	 * overlap.
	 */
	public double overlap(final Match other) {
		if (corner.length == 2 && (turnedOffAxis() || other.turnedOffAxis()))
			return TurnedRectangles.intersectionOverUnion(turnedCorners(), other.turnedCorners());
		double inter = 1, volume = 1, otherVolume = 1;
		for (int d = 0; d < corner.length; d++) {
			inter *= Math.max(0, Math.min(corner[d] + size[d], other.corner[d] + other.size[d]) - Math.max(corner[d], other.corner[d]));
			volume *= size[d];
			otherVolume *= other.size[d];
		}
		return inter / (volume + otherVolume - inter);
	}

	private boolean turnedOffAxis() {
		return template != null && template.isTurnedOffAxis();
	}

	@Override
	public String toString() {
		final StringBuilder p = new StringBuilder();
		for (final double v : position)
			p.append(p.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
		return "Match #" + rank + " at (" + p + "), corner " + Arrays.toString(corner) + ", score " + score;
	}
}
