package io.github.convolvej.ij;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import io.github.convolvej.core.match.Flip;
import io.github.convolvej.core.match.Match;

/**
 * One match in an {@link ij.ImagePlus}: the core's {@link Match} with the
 * plane of the stack it lies in. Positions are in pixels (the calibration is
 * not applied), counted from 0 at the top-left corner of the image, as the
 * {@code Matches} table writes them: {@link #x()}, {@link #y()} the anchor
 * (refined to a fraction of a pixel when asked), {@link #left()},
 * {@link #top()} the rectangle's corner ({@code BX}, {@code BY}).
 * <p>
 * A 2-D template is matched on each plane on its own, so its matches carry
 * the plane ({@link #slice()}) and are ranked within it. A 3-D template is
 * matched in each Z volume: its matches also have {@link #z()},
 * {@link #front()} and {@link #depth()}, and {@link #slice()} is the plane
 * of the anchor.
 */
public final class ImageMatch {

	private final Match match;
	private final boolean volumetric;
	private final int channel;
	private final int zSlice;
	private final int frame;
	private final int stackIndex;

	/**
	 * @param match the core's match: x, y for a 2-D template, x, y, z for a 3-D one
	 * @param volumetric true for a 3-D template: {@code zSlice} is then ignored
	 *            and taken from the match
	 * @param channel, zSlice, frame the plane (1-based; the Z slice of a 2-D template's plane)
	 * @param stackIndexOf the stack index of channel, Z slice and frame
	 */
	ImageMatch(final Match match, final boolean volumetric, final int channel, final int zSlice, final int frame, final StackIndex stackIndexOf) {
		this.match = match;
		this.volumetric = volumetric;
		this.channel = channel;
		this.zSlice = volumetric ? Math.toIntExact(match.pixel()[2]) + 1 : zSlice;
		this.frame = frame;
		this.stackIndex = stackIndexOf.index(channel, this.zSlice, frame);
	}

	/** The stack index (1-based) of a channel, Z slice and frame, as {@code ImagePlus.getStackIndex}. */
	interface StackIndex {
		int index(int channel, int z, int frame);
	}

	/** The core's match (2 axes, or 3 for a 3-D template). */
	public Match match() {
		return match;
	}

	/** True when the template was 3-D. */
	public boolean isVolumetric() {
		return volumetric;
	}

	/** The anchor's x, subpixel when refined. */
	public double x() {
		return match.position(0);
	}

	/** The anchor's y, subpixel when refined. */
	public double y() {
		return match.position(1);
	}

	/** The anchor's z (from 0), subpixel when refined; the plane's index for a 2-D template. */
	public double z() {
		return volumetric ? match.position(2) : zSlice - 1;
	}

	/** The rectangle's left edge ({@code BX}). */
	public long left() {
		return match.corner()[0];
	}

	/** The rectangle's top edge ({@code BY}). */
	public long top() {
		return match.corner()[1];
	}

	/** The box's first Z plane (from 0); the plane's index for a 2-D template. */
	public long front() {
		return volumetric ? match.corner()[2] : zSlice - 1;
	}

	public int width() {
		return match.size()[0];
	}

	public int height() {
		return match.size()[1];
	}

	/** The template's depth; 1 for a 2-D template. */
	public int depth() {
		return volumetric ? match.size()[2] : 1;
	}

	public double score() {
		return match.score();
	}

	/** 1 for the best match (of its plane, or of its volume for a 3-D template). */
	public int rank() {
		return match.rank();
	}

	/** The channel matched (1-based; 1 for RGB, matched on its luminance). */
	public int channel() {
		return channel;
	}

	/** The Z slice (1-based) of the anchor. */
	public int zSlice() {
		return zSlice;
	}

	/** The frame (1-based). */
	public int frame() {
		return frame;
	}

	/** The stack position (1-based) of the anchor's plane: what {@code setSlice} shows. */
	public int slice() {
		return stackIndex;
	}

	/** The name of the template that matched: its title, {@code title:slice} for a slice of a template stack. */
	public String templateName() {
		return match.template() == null ? null : match.template().name();
	}

	/** Degrees the matching copy was turned, counter-clockwise as shown. */
	public double angle() {
		return match.angle();
	}

	/** The mirror of the matching copy. */
	public Flip flip() {
		return match.flip();
	}

	/**
	 * The outline the template covers in image coordinates: the rectangle
	 * {@code left, top, width, height}, or for a copy turned by an angle
	 * that is not a multiple of 90 the turned rectangle as a polygon.
	 */
	public Roi outline() {
		if (match.template() == null || !match.template().isTurnedOffAxis() || volumetric)
			return new Roi(left(), top(), width(), height());
		final double[][] corners = match.turnedCorners();
		final float[] x = new float[4], y = new float[4];
		for (int i = 0; i < 4; i++) {
			// corners are in pixel-centre coordinates; ROI coordinates count pixel edges
			x[i] = (float) (corners[i][0] + 0.5);
			y[i] = (float) (corners[i][1] + 0.5);
		}
		return new PolygonRoi(x, y, 4, Roi.POLYGON);
	}

	@Override
	public String toString() {
		return "Match #" + rank() + " at (" + x() + ", " + y() + (volumetric ? ", " + z() : "") + ") slice " + stackIndex + ", score " + score();
	}
}
