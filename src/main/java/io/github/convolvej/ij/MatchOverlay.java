package io.github.convolvej.ij;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;

/**
 * Draws matches on an image's overlay and makes ROI Manager entries.
 * <p>
 * Each match adds three overlay elements on the plane of its anchor: the
 * rectangle the template covers, a marker at the anchor (the pixel's
 * centre, or the refined position with {@code subpixel}), and the label
 * {@code rank: score} above the rectangle's corner. A 3-D match's rectangle
 * is also drawn on the other planes its box covers. Every element carries
 * the property {@value #PROPERTY}, so that a new run replaces the matches of
 * the last one and leaves the rest of the overlay alone.
 */
public final class MatchOverlay {

	/** The ROI property marking overlay elements drawn for matches. */
	public static final String PROPERTY = "ConvolveJ-match";

	/** The ROI Manager entries' property holding the score. */
	public static final String SCORE = "Score";

	/** The colour of rectangles, markers and labels. */
	public static final Color COLOR = Color.yellow;

	private MatchOverlay() {}

	/**
	 * Adds the matches to the image's overlay (creating one if needed),
	 * after removing the elements of an earlier run.
	 */
	public static void addTo(final ImagePlus image, final MatchResult result) {
		Overlay overlay = image.getOverlay();
		if (overlay == null)
			overlay = new Overlay();
		else
			removeMatches(overlay);
		for (final Roi roi : rois(result))
			overlay.add(roi);
		image.setOverlay(overlay);
	}

	/** Removes the elements drawn for matches; returns how many. */
	public static int removeMatches(final Overlay overlay) {
		int removed = 0;
		for (int i = overlay.size() - 1; i >= 0; i--)
			if (overlay.get(i).getProperty(PROPERTY) != null) {
				overlay.remove(i);
				removed++;
			}
		return removed;
	}

	/** The overlay elements of every match, in table order. */
	public static List< Roi > rois(final MatchResult result) {
		final ImagePlus image = result.image();
		final List< Roi > rois = new ArrayList<>();
		final int fontSize = Math.max(9, Math.min(24, Math.max(image.getWidth(), image.getHeight()) / 64));
		final Font font = new Font("SansSerif", Font.PLAIN, fontSize);
		for (final ImageMatch m : result.matches()) {
			final String label = label(m);
			final long front = m.front();
			for (int z = 0; z < m.depth(); z++) {
				final Roi box = m.outline();
				box.setName(label);
				final int planeZ = (int) (m.isVolumetric() ? front + z + 1 : m.zSlice());
				if (planeZ < 1 || planeZ > image.getNSlices())
					continue; // a box leaving the stack, with boundary extension
				rois.add(tagged(box, image, m, planeZ));
			}
			final PointRoi marker = new PointRoi(m.x(), m.y()); // point coordinates are pixel centres
			marker.setPointType(PointRoi.CROSSHAIR);
			marker.setSize(2);
			marker.setName(label);
			rois.add(tagged(marker, image, m, m.zSlice()));
			final TextRoi text = new TextRoi(label, m.left(), m.top() - fontSize * 1.4, font);
			text.setName(label);
			rois.add(tagged(text, image, m, m.zSlice()));
		}
		return rois;
	}

	/**
	 * The rectangles of the matches for the ROI Manager: named after the
	 * template, with the score as the {@value #SCORE} property (and the
	 * rank as {@code Rank}) and positioned on the anchor's plane.
	 */
	public static List< Roi > managerRois(final MatchResult result) {
		final List< Roi > rois = new ArrayList<>();
		for (final ImageMatch m : result.matches()) {
			final Roi box = m.outline();
			box.setName(m.templateName() == null ? result.templateName() : m.templateName());
			box.setProperty(SCORE, Double.toString(m.score()));
			box.setProperty("Rank", Integer.toString(m.rank()));
			position(box, result.image(), m, m.zSlice());
			rois.add(box);
		}
		return rois;
	}

	/** {@code rank: score} with four significant digits. */
	public static String label(final ImageMatch m) {
		return m.rank() + ": " + String.format(Locale.ROOT, "%.4g", m.score());
	}

	private static Roi tagged(final Roi roi, final ImagePlus image, final ImageMatch m, final int zSlice) {
		roi.setStrokeColor(COLOR);
		roi.setProperty(PROPERTY, Integer.toString(m.rank()));
		position(roi, image, m, zSlice);
		return roi;
	}

	/** On its plane of a stack; hyperstacks by channel, slice and frame. */
	private static void position(final Roi roi, final ImagePlus image, final ImageMatch m, final int zSlice) {
		if (image.getStackSize() == 1)
			return;
		if (image.isHyperStack())
			roi.setPosition(image.getNChannels() > 1 ? m.channel() : 0, zSlice, m.frame());
		else
			roi.setPosition(image.getStackIndex(m.channel(), zSlice, m.frame()));
	}
}
