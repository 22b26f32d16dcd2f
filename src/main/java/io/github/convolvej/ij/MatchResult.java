package io.github.convolvej.ij;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

/**
 * What {@link TemplateMatching#run} found: the matches, best first (plane by
 * plane for a 2-D template on a stack), and the score map. Nothing is shown
 * and the image is not changed until a front end calls
 * {@link #addToOverlay()}, {@link #toTable()} or {@link #addToManager}.
 */
public final class MatchResult {

	private final ImagePlus image;
	private final String templateName;
	private final boolean severalTemplates;
	private final List< ImageMatch > matches;
	private final ImagePlus scoreMap;
	private final MatchSettings settings;

	MatchResult(final ImagePlus image, final String templateName, final boolean severalTemplates, final List< ImageMatch > matches, final ImagePlus scoreMap, final MatchSettings settings) {
		this.image = image;
		this.templateName = templateName;
		this.severalTemplates = severalTemplates;
		this.matches = Collections.unmodifiableList(matches);
		this.scoreMap = scoreMap;
		this.settings = settings;
	}

	/** The image searched. */
	public ImagePlus image() {
		return image;
	}

	/** True when several templates were searched: the table then has a {@code Template} column. */
	public boolean hasSeveralTemplates() {
		return severalTemplates;
	}

	/** True when turned copies were searched: the table then has an {@code Angle} column. */
	public boolean hasTurns() {
		return settings.turns();
	}

	/** True when mirrors were searched: the table then has a {@code Flip} column. */
	public boolean hasMirrors() {
		return settings.get(MatchSettings.FLIP) != io.github.convolvej.core.match.Flip.NONE;
	}

	/** The template's title ({@code <image title> selection} for a selection; the titles, separated by commas, of several). */
	public String templateName() {
		return templateName;
	}

	/** The matches: per plane (or volume), best first; planes in stack order. */
	public List< ImageMatch > matches() {
		return matches;
	}

	/**
	 * The scores as a 32-bit image titled {@code <title>-scores} with the
	 * afmhot LUT, not shown: one plane per plane of the image (per output
	 * plane for a 3-D template), calibrated so that a score lies where its
	 * window's anchor lies in the image.
	 */
	public ImagePlus scoreMap() {
		return scoreMap;
	}

	public MatchSettings settings() {
		return settings;
	}

	/**
	 * What the user should know about these matches, if anything: why nothing
	 * matched (no window reached the threshold, with the best score to set it
	 * by; or no window could be scored), or that every window scored the same,
	 * so the matches are arbitrary (a template or image with no variation).
	 */
	public Optional< String > note() {
		final boolean lower = settings.get(MatchSettings.METHOD).lowerIsBetter();
		double min = Double.NaN, max = Double.NaN;
		for (int i = 1; i <= scoreMap.getStackSize(); i++)
			for (final float v : (float[]) scoreMap.getStack().getProcessor(i).getPixels())
				if (Float.isFinite(v)) {
					min = Double.isNaN(min) ? v : Math.min(min, v);
					max = Double.isNaN(max) ? v : Math.max(max, v);
				}
		if (Double.isNaN(min))
			return Optional.of("No window could be scored: each one holds missing pixels (NaN, or masked out).");
		if (!matches.isEmpty())
			return min == max && matches.size() < scoreCount()
					? Optional.of("Every window scored " + MacroOptions.format(min) + ", so the matches are arbitrary: the template or the image has no variation there. Use a template with some structure.")
					: Optional.empty();
		final double threshold = settings.get(MatchSettings.THRESHOLD);
		if (Double.isNaN(threshold))
			return Optional.empty();
		return Optional.of("No window scored " + (lower ? "at most" : "at least") + " threshold=" + MacroOptions.format(threshold)
				+ "; the best score is " + MacroOptions.format(lower ? min : max) + ". " + (lower ? "Raise" : "Lower") + " the threshold, or leave it out.");
	}

	private long scoreCount() {
		return (long) scoreMap.getWidth() * scoreMap.getHeight() * scoreMap.getStackSize();
	}

	/** True when the image has several planes: the table then has a {@code Slice} column. */
	public boolean isStack() {
		return image.getStackSize() > 1;
	}

	/** A new table with one row per match (see {@link MatchTable}). */
	public ResultsTable toTable() {
		return MatchTable.create(this);
	}

	/**
	 * Puts the matches on the image's overlay, replacing the matches of an
	 * earlier run and keeping everything else (see {@link MatchOverlay}).
	 */
	public void addToOverlay() {
		MatchOverlay.addTo(image, this);
	}

	/** The rectangles for the ROI Manager (see {@link MatchOverlay#managerRois}). */
	public List< Roi > managerRois() {
		return MatchOverlay.managerRois(this);
	}

	/** Adds {@link #managerRois()} to a ROI Manager. */
	public void addToManager(final RoiManager manager) {
		for (final Roi roi : managerRois())
			manager.add(roi, -1);
	}
}
