package io.github.convolvej.plugin;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * The one way every ConvolveJ menu command reports an error.
 * <p>
 * With an ImageJ window, {@code IJ.error} shows the message and ImageJ stops
 * a running macro. Without one ({@code ImageJ -batch}, scripts run
 * headless) that dialog would wait forever for a click nobody can give, so
 * the message goes to the error stream and the running macro is stopped
 * directly: the next macro line must not run on an unfiltered image.
 */
final class CommandError {

	private CommandError() {}

	static void show(final String command, final String message) {
		if (IJ.getInstance() == null) {
			System.err.println(command + ": " + message);
			if (Interpreter.getInstance() != null)
				Interpreter.abort(); // stops the running macro quietly
			return;
		}
		IJ.error(command, message);
	}
}
