package io.github.convolvej.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why a file could not be read or written. Java's file errors
 * often carry only a path as their message ({@code /proc/x.csv}), and for a
 * file ConvolveJ writes that path is a temporary name the user never gave.
 */
public final class FileProblem {

	private FileProblem() {}

	/** An error that names {@code path} as the user gave it, says {@code doing} (e.g. "write") and why. */
	public static IOException of(final String doing, final Object path, final IOException e) {
		return new IOException("Could not " + doing + " " + path + ": " + why(e) + ".", e);
	}

	/** Why, in a few words, without the temporary file's name. */
	public static String why(final IOException e) {
		if (e instanceof AccessDeniedException)
			return "permission denied";
		if (e instanceof NoSuchFileException)
			return "no such file or folder";
		if (e instanceof NotDirectoryException)
			return "a part of the path is a file, not a folder";
		if (e instanceof FileSystemException) {
			final String reason = ((FileSystemException) e).getReason();
			return reason != null ? lower(reason) : "the file system refused (" + e.getClass().getSimpleName() + ")";
		}
		if (e instanceof FileNotFoundException && e.getMessage() != null) {
			// FileOutputStream's message: "path (reason)"
			final String m = e.getMessage();
			final int open = m.lastIndexOf(" (");
			return open >= 0 && m.endsWith(")") ? lower(m.substring(open + 2, m.length() - 1)) : "not found";
		}
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	private static String lower(final String s) {
		return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}
}
