package io.github.convolvej.cli;

/**
 * The command line itself is wrong (unknown command or flag, missing argument,
 * unreadable options string): nothing was read or written. Exit code 2.
 */
public class UsageException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public UsageException(final String message) {
		super(message);
	}

	public UsageException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
