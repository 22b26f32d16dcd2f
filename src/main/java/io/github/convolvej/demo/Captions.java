package io.github.convolvej.demo;

import java.awt.Font;

import ij.process.ColorProcessor;

/**
 * Whether text can be drawn into images here. Headless AWT draws text with the
 * fonts the system has; a JDK without any (a bare container) fails with errors
 * of several kinds, and figures are then drawn without captions.
 */
final class Captions {

	private static Boolean available;

	private Captions() {}

	static synchronized boolean available() {
		if (available == null)
			available = probe();
		return available;
	}

	private static boolean probe() {
		try {
			final ColorProcessor probe = new ColorProcessor(64, 24);
			probe.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
			probe.drawString("Ag", 2, 20);
			return probe.getStringWidth("Ag") > 0;
		}
		catch (final Exception | LinkageError | InternalError e) {
			return false;
		}
	}
}
