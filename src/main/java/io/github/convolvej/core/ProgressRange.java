package io.github.convolvej.core;


/**
 * The part {@code from .. from + span} of a parent's progress, so that one
 * bar runs across all planes of a stack while each plane reports 0 to 1.
 */
public final class ProgressRange implements ProgressListener {

	private final ProgressListener parent;
	private final double from;
	private final double span;

	public ProgressRange(final ProgressListener parent, final double from, final double span) {
		this.parent = parent;
		this.from = from;
		this.span = span;
	}

	/** Part {@code index} of {@code count} equal parts. */
	public static ProgressRange part(final ProgressListener parent, final int index, final int count) {
		return new ProgressRange(parent, index / (double) count, 1.0 / count);
	}

	@Override
	public void progress(final double fraction) {
		parent.progress(from + Math.max(0, Math.min(1, fraction)) * span);
	}

	@Override
	public void status(final String message) {
		parent.status(message);
	}

	@Override
	public boolean isCancelled() {
		return parent.isCancelled();
	}
}
