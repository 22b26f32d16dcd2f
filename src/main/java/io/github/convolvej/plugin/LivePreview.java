package io.github.convolvej.plugin;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ij.ImagePlus;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * The filtered current plane in a window of its own, recomputed in the
 * background whenever the dialog changes. A newer request cancels an older
 * one still running, so typing in the kernel field stays responsive. The
 * source image is never touched; the window closes with the dialog. The
 * window is only ever touched on the event thread, and no lock is held
 * across it, so the dialog's events never wait for a preview being shown.
 */
final class LivePreview {

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		final Thread t = new Thread(r, "ConvolveJ preview");
		t.setDaemon(true);
		return t;
	});
	private final AtomicLong generation = new AtomicLong();
	private final Consumer< String > errors;
	private ImagePlus shown;

	/** @param errors receives messages of previews that failed */
	LivePreview(final Consumer< String > errors) {
		this.errors = errors;
	}

	/** Computes and shows the preview for these settings, replacing any pending one. */
	/** @param mask pixels where it is 0 are missing; may be null */
	void request(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask) {
		final long g = generation.incrementAndGet();
		worker.execute(() -> compute(g, source, settings, kernel, mask));
	}

	private void compute(final long g, final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask) {
		if (g != generation.get())
			return;
		final ProgressListener stale = ProgressListener.cancelledWhen(() -> g != generation.get());
		try {
			final ImagePlus plane = ImageJThreads.call(() -> ImageFilter.preview(source, settings, kernel, mask, stale));
			// windows change on the event thread only: this thread never waits for it, nor it for this one
			EventQueue.invokeLater(() -> {
				if (g == generation.get())
					display(plane);
			});
		} catch (final CancelledException e) {
			// a newer request is on its way
		} catch (final RuntimeException e) {
			errors.accept(e.getMessage() == null ? e.toString() : e.getMessage());
		}
	}

	/** Reuses the window when the new plane fits it, else opens a new one. */
	private void display(final ImagePlus plane) {
		if (shown != null && shown.getWindow() != null && fits(shown, plane)) {
			shown.setProcessor(plane.getTitle(), plane.getProcessor());
			shown.setCalibration(plane.getCalibration());
			shown.resetDisplayRange();
			shown.updateAndDraw();
			return;
		}
		closeWindow();
		shown = plane;
		shown.show();
	}

	private static boolean fits(final ImagePlus a, final ImagePlus b) {
		return a.getStackSize() == 1 && b.getStackSize() == 1 && !a.isComposite() && !b.isComposite() && a.getBitDepth() == b.getBitDepth() && a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight();
	}

	/** Removes the window; later requests open a new one. */
	void hide() {
		generation.incrementAndGet();
		if (EventQueue.isDispatchThread()) {
			closeWindow();
			return;
		}
		try {
			EventQueue.invokeAndWait(this::closeWindow);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (final InvocationTargetException e) {
			throw new IllegalStateException("the preview window could not be closed", e.getCause());
		}
	}

	/** Stops the background work and removes the window. */
	void close() {
		hide();
		worker.shutdownNow();
		try {
			worker.awaitTermination(10, TimeUnit.SECONDS);
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void closeWindow() {
		if (shown != null) {
			shown.changes = false;
			shown.close();
			shown = null;
		}
	}
}
