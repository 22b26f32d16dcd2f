package io.github.convolvej.core;

/** Thrown when a {@link ProgressListener} asked a computation to stop. */
public class CancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CancelledException() {
		super("Cancelled by the user.");
	}
}
