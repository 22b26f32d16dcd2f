package io.github.convolvej.ij;

import ij.IJ;
import io.github.convolvej.core.ProgressListener;

/**
 * Progress in ImageJ's progress bar and status line; Esc cancels. Updates
 * the bar only when it moved by at least 1%, since the engines report often
 * and from several threads.
 */
public final class ImageJProgress implements ProgressListener {

	private volatile int shown = -1;

	/** Starts with Esc released, so an earlier Esc does not cancel this run. */
	public ImageJProgress() {
		IJ.resetEscape();
	}

	@Override
	public void progress(final double fraction) {
		final int percent = (int) (Math.max(0, Math.min(1, fraction)) * 100);
		if (percent == shown)
			return;
		shown = percent;
		IJ.showProgress(percent >= 100 ? 1.0 : fraction);
	}

	@Override
	public void status(final String message) {
		IJ.showStatus(message);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	/** Hides the bar, e.g. after an error or a cancel. */
	public void done() {
		shown = -1;
		IJ.showProgress(1.0);
	}
}
