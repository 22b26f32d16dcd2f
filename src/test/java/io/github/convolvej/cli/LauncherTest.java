package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The {@code convolvej} launcher script, run as a user runs it. */
class LauncherTest {

	@Test
	void imagejWithoutADisplaySaysSoAndFails() throws IOException, InterruptedException {
		final ProcessBuilder pb = new ProcessBuilder("bash", "convolvej", "imagej").redirectErrorStream(true);
		pb.environment().remove("DISPLAY");
		pb.environment().remove("WAYLAND_DISPLAY");
		final Process p = pb.start();
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
		final String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(1, p.exitValue(), said);
		assertTrue(said.contains("needs a display") && !said.contains("HeadlessException"), said);
	}
}
