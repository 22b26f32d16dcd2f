package io.github.convolvej.core;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Receives progress from long computations and may ask them to stop, so
 * that front ends can show a progress bar and honour Esc without the core
 * knowing them. Called from worker threads.
 */
public interface ProgressListener {

	/** Nothing shown, never cancelled. */
	ProgressListener NONE = reporting(fraction -> {});

	/** Hands each fraction to {@code show}; never cancelled. */
	static ProgressListener reporting(final DoubleConsumer show) {
		return new ProgressListener() {

			@Override
			public void progress(final double fraction) {
				show.accept(fraction);
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
	}

	/** Shows nothing; cancelled whenever {@code cancelled} says so. */
	static ProgressListener cancelledWhen(final BooleanSupplier cancelled) {
		return new ProgressListener() {

			@Override
			public void progress(final double fraction) {}

			@Override
			public boolean isCancelled() {
				return cancelled.getAsBoolean();
			}
		};
	}

	/** {@code fraction} of the work is done, 0 to 1. */
	void progress(double fraction);

	/** A short status line ("FFT of the image"). */
	default void status(final String message) {}

	/** True to stop as soon as possible with a {@link CancelledException}. */
	boolean isCancelled();

	/** This listener's cancellation without its progress: for work inside a step whose progress is counted elsewhere. */
	default ProgressListener cancelOnly() {
		return cancelledWhen(this::isCancelled);
	}

	/** Throws {@link CancelledException} when {@link #isCancelled()}. */
	default void checkCancelled() {
		if (isCancelled())
			throw new CancelledException();
	}
}
