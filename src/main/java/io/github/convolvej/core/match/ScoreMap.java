package io.github.convolvej.core.match;

import io.github.convolvej.core.OutputMode;
import net.imglib2.Interval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The scores of every template position, and where they lie in the image.
 * <p>
 * Score index {@code i} (the {@link #scores()} image starts at 0) belongs to
 * the window whose anchor pixel lies at {@code interval().min + i} in image
 * coordinates, and whose top-left corner lies at that position minus
 * {@link #anchor()}. In {@code same} the interval is the image's own; in
 * {@code valid} it starts at the image's min plus the anchor, so that index
 * {@code i} is also the top-left corner relative to the image's min
 * (OpenCV's layout).
 */
public final class ScoreMap {

	private final Img< FloatType > scores;
	private final Interval interval;
	private final MatchMethod method;
	private final OutputMode mode;
	private final int[] templateDims;
	private final int[] anchor;
	private final String engine;
	private final SearchTemplate template;

	ScoreMap(final Img< FloatType > scores, final Interval interval, final MatchMethod method, final OutputMode mode, final int[] templateDims, final int[] anchor, final String engine) {
		this(scores, interval, method, mode, templateDims, anchor, engine, null);
	}

	ScoreMap(final Img< FloatType > scores, final Interval interval, final MatchMethod method, final OutputMode mode, final int[] templateDims, final int[] anchor, final String engine, final SearchTemplate template) {
		this.scores = scores;
		this.interval = interval;
		this.method = method;
		this.mode = mode;
		this.templateDims = templateDims.clone();
		this.anchor = anchor.clone();
		this.engine = engine;
		this.template = template;
	}

	/** The template (or turned, mirrored copy) these are the scores of. */
	public SearchTemplate template() {
		return template;
	}

	/** One score per window position, min 0. */
	public Img< FloatType > scores() {
		return scores;
	}

	/** The anchor positions of the scored windows, in image coordinates. */
	public Interval interval() {
		return interval;
	}

	public MatchMethod method() {
		return method;
	}

	/** {@link OutputMode#SAME} or {@link OutputMode#VALID}. */
	public OutputMode mode() {
		return mode;
	}

	/** The template's sizes, with as many axes as the image (missing ones are 1). */
	public int[] templateDimensions() {
		return templateDims.clone();
	}

	/** The template pixel that marks a window's position, per axis. */
	public int[] anchor() {
		return anchor.clone();
	}

	/** The engine that computed the window-template products ("direct", "fft"). */
	public String engine() {
		return engine;
	}

	public int numDimensions() {
		return templateDims.length;
	}
}
