package io.github.convolvej.core.match;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Axes;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Labels;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * Everything besides the image and the template: the score, the layout of
 * the score map, the boundary rule, the template's anchor, the engine for
 * the window products, threads and progress. Mutable and fluent; defaults
 * follow SPEC (normalized correlation coefficient, {@code same},
 * {@code symm}, fill 0, anchor {@code (K-1)/2}, automatic engine).
 *
 * <pre>
 * new MatchOptions().method(MatchMethod.SQDIFF).mode(OutputMode.VALID);
 * new MatchOptions().boundary(Boundary.FILL).fillValue(0).anchor(2, 2);
 * </pre>
 *
 * Layouts:
 * <ul>
 * <li>{@code same}: one score per image pixel {@code n}, for the window whose
 * anchor pixel lies on {@code n}; windows leaving the image read it extended
 * by the boundary rule (scikit-image's {@code pad_input=True}; its centring
 * of even templates at {@code K/2} is {@code anchor(K/2, ...)}).</li>
 * <li>{@code valid}: {@code N-K+1} scores per axis, for the windows wholly
 * inside the image; score index {@code i} is the window whose top-left
 * corner is {@code i} (OpenCV's layout). Boundary and anchor do not change
 * the scores.</li>
 * </ul>
 */
public final class MatchOptions implements Cloneable {

	private MatchMethod method = MatchMethod.DEFAULT;
	private OutputMode mode = OutputMode.SAME;
	private Boundary boundary = Boundary.SYMMETRIC;
	private double fillValue = 0;
	private int[] anchor;
	private Algorithm algorithm = Algorithm.AUTO;
	private TaskExecutor executor;
	private ProgressListener progress = ProgressListener.NONE;

	/** The score to compute. */
	public MatchOptions method(final MatchMethod m) {
		this.method = Labels.required(m, "matching method", MatchMethod.values());
		return this;
	}

	/**
	 * {@link OutputMode#SAME} or {@link OutputMode#VALID}.
	 *
	 * @throws IllegalArgumentException for {@link OutputMode#FULL}
	 */
	public MatchOptions mode(final OutputMode m) {
		if (m != OutputMode.SAME && m != OutputMode.VALID)
			throw new IllegalArgumentException("Template matching has modes same and valid only, not " + (m == null ? "none" : m.label()) + ". Use mode=same or mode=valid.");
		this.mode = m;
		return this;
	}

	/** How the image is extended where a {@code same} window leaves it. */
	public MatchOptions boundary(final Boundary b) {
		this.boundary = Labels.required(b, "boundary", Boundary.values());
		return this;
	}

	/** The value outside the image for {@link Boundary#FILL}; finite, as the window sums need. */
	public MatchOptions fillValue(final double v) {
		if (!Double.isFinite(v))
			throw new IllegalArgumentException("The fill value must be a finite number, got " + v + ".");
		this.fillValue = v;
		return this;
	}

	/**
	 * The template pixel that lands on the scored pixel in {@code same}, per
	 * axis, x first; axes not given use {@code (K-1)/2}. {@code null} (the
	 * default) is {@code (K-1)/2} on every axis.
	 */
	public MatchOptions anchor(final int... a) {
		if (a != null)
			for (final int v : a)
				if (v < 0)
					throw new IllegalArgumentException("The anchor " + java.util.Arrays.toString(a) + " has a negative coordinate. Give template coordinates counted from 0, or anchor=center.");
		this.anchor = a == null ? null : a.clone();
		return this;
	}

	/**
	 * The engine for the sums of window times template: {@link Algorithm#AUTO}
	 * (default) takes the FFT for all but tiny templates, {@link Algorithm#DIRECT}
	 * sums exactly in double, {@link Algorithm#FFT} always transforms.
	 */
	public MatchOptions algorithm(final Algorithm a) {
		if (a == null || a == Algorithm.SEPARABLE)
			throw new IllegalArgumentException("Template matching uses the Auto, Direct or FFT engine, not " + (a == null ? "none" : a.label()) + ".");
		this.algorithm = a;
		return this;
	}

	/** Threads to use; by default as {@link ConvolutionOptions#executor()}. */
	public MatchOptions executor(final TaskExecutor e) {
		this.executor = e;
		return this;
	}

	public MatchOptions progress(final ProgressListener p) {
		this.progress = p == null ? ProgressListener.NONE : p;
		return this;
	}

	public MatchMethod method() {
		return method;
	}

	public OutputMode mode() {
		return mode;
	}

	public Boundary boundary() {
		return boundary;
	}

	public double fillValue() {
		return fillValue;
	}

	/** The anchor as given, or null for the default. */
	public int[] anchor() {
		return anchor == null ? null : anchor.clone();
	}

	/** The anchor for a template of these sizes: as given, {@code (K-1)/2} elsewhere. */
	public int[] anchorFor(final int[] templateDims) {
		final int[] a = new int[templateDims.length];
		for (int d = 0; d < a.length; d++) {
			a[d] = anchor != null && d < anchor.length ? anchor[d] : (templateDims[d] - 1) / 2;
			if (a[d] < 0 || a[d] >= templateDims[d])
				throw new IllegalArgumentException("The template anchor along " + Axes.name(d) + " is " + a[d] + " but the template has " + templateDims[d] + " pixels there. Give an anchor from 0 to " + (templateDims[d] - 1) + ".");
		}
		if (anchor != null && anchor.length > templateDims.length)
			for (int d = templateDims.length; d < anchor.length; d++)
				if (anchor[d] != 0)
					throw new IllegalArgumentException("The anchor has " + anchor.length + " values but the template " + templateDims.length + " axes. Give one value per template axis.");
		return a;
	}

	public Algorithm algorithm() {
		return algorithm;
	}

	public TaskExecutor executor() {
		return executor != null ? executor : new ConvolutionOptions().executor();
	}

	public ProgressListener progress() {
		return progress;
	}

	/**
	 * An independent copy: the fields are values or shared on purpose (the
	 * executor, the progress listener); the anchor array is never changed in
	 * place, so sharing it is safe.
	 */
	public MatchOptions copy() {
		try {
			return (MatchOptions) super.clone();
		} catch (final CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}
}
