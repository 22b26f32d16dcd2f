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

	Match(final double[] position, final long[] pixel, final int[] anchor, final int[] size, final double score, final int rank) {
		this.position = position.clone();
		this.pixel = pixel.clone();
		this.size = size.clone();
		this.corner = new long[pixel.length];
		for (int d = 0; d < pixel.length; d++)
			corner[d] = pixel[d] - anchor[d];
		this.score = score;
		this.rank = rank;
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
	 * Intersection over union of this match's rectangle and another's (both
	 * have the template's size): 1 for the same place, 0 when they do not
	 * overlap.
	 */
	public double overlap(final Match other) {
		double inter = 1, volume = 1;
		for (int d = 0; d < corner.length; d++) {
			inter *= Math.max(0, size[d] - Math.abs(corner[d] - other.corner[d]));
			volume *= size[d];
		}
		return inter / (2 * volume - inter);
	}

	@Override
	public String toString() {
		final StringBuilder p = new StringBuilder();
		for (final double v : position)
			p.append(p.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v));
		return "Match #" + rank + " at (" + p + "), corner " + Arrays.toString(corner) + ", score " + score;
	}
}
