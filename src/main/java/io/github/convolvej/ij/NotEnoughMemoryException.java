package io.github.convolvej.ij;

import java.util.Locale;

/**
 * The Java heap could not hold a result or its working blocks. Worker threads
 * report an {@link OutOfMemoryError} wrapped in other exceptions; this names
 * the cause in words a user can act on, with the memory needed and the
 * memory there is.
 */
public final class NotEnoughMemoryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** @param neededBytes the estimated need; negative when unknown */
	public NotEnoughMemoryException(final long neededBytes, final Throwable cause) {
		super(message(neededBytes), cause);
	}

	/** The message for an estimated need of {@code neededBytes} (negative when unknown). */
	public static String message(final long neededBytes) {
		final long have = Runtime.getRuntime().maxMemory();
		final String needs = neededBytes < 0 ? "" : "needs about " + megabytes(neededBytes) + ", ";
		return "Not enough memory: " + needs + "have " + megabytes(have) + " in all. "
				+ "Raise Java's maximum memory (Edit > Options > Memory & Threads in ImageJ, -Xmx or JAVA_OPTS=-Xmx8g on the command line), "
				+ "filter a smaller region or fewer slices, or (Convolve ND, Correlate ND on a Z stack) give output_folder=[path] to write the result plane by plane.";
	}

	/** True when an {@link OutOfMemoryError} is {@code t} or among its causes. */
	public static boolean isCause(final Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause())
			if (c instanceof OutOfMemoryError)
				return true;
		return false;
	}

	/**
	 * {@code t} itself, or a {@link NotEnoughMemoryException} when lack of
	 * memory caused it.
	 */
	public static RuntimeException translate(final RuntimeException t, final long neededBytes) {
		return isCause(t) && !(t instanceof NotEnoughMemoryException) ? new NotEnoughMemoryException(neededBytes, t) : t;
	}

	private static String megabytes(final long bytes) {
		return String.format(Locale.ROOT, "%,d MB", (bytes + (1 << 20) - 1) >> 20);
	}
}
