package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * The packaged jar in a plain ImageJ 1, installed as a user does it: the
 * build's {@code target/install} folder ({@code plugins/} with the jar,
 * {@code jars/} with imglib2, JTransforms and the rest) copied into a fresh
 * ImageJ folder, with only {@code ij.jar} on ImageJ's class path.
 * ImageJ must find the commands through the jar's {@code plugins.config}
 * and give the same numbers as the bridge does in this JVM. Runs after
 * {@code package} (Failsafe), under a display.
 */
class PlainImageJIT {

	private static final String LAPLACE = "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=full boundary=symm";
	private static final String SOBEL = "kernel=sobel-x output=[Same as input]";

	@Test
	void macroRunsTheInstalledCommands(@TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		final String output = runImageJ(dir,
				"newImage(\"ramp\", \"8-bit ramp\", 40, 30, 1);",
				"run(\"Convolve ND...\", \"" + LAPLACE + "\");",
				"dump(\"laplace\");",
				"selectImage(\"ramp\");",
				"run(\"Correlate ND...\", \"" + SOBEL + "\");",
				"dump(\"sobel\");",
				"function dump(name) {",
				"  s = name + \" \" + getTitle() + \" \" + getWidth() + \" \" + getHeight() + \" \" + bitDepth() + \":\";",
				"  for (y = 0; y < getHeight(); y++) for (x = 0; x < getWidth(); x++) s = s + \" \" + d2s(getPixel(x, y), 6);",
				"  print(s);",
				"}");
		assertFalse(output.contains("Unrecognized command"), output);
		final Map< String, String > lines = new HashMap<>();
		for (final String line : output.split("\\R"))
			if (line.contains(":") && (line.startsWith("laplace ") || line.startsWith("sobel ")))
				lines.put(line.substring(0, line.indexOf(' ')), line);
		final ImagePlus ramp = IJ.createImage("ramp", "8-bit ramp", 40, 30, 1);
		check(lines.get("laplace"), ramp, Operation.CONVOLVE, LAPLACE);
		check(lines.get("sobel"), ramp, Operation.CORRELATE, SOBEL);
	}

	/** Spark runs the block plan on clusters, but neither the plugin jar nor the install folder carries it. */
	@Test
	void theInstallFolderCarriesNoSpark() throws Exception {
		final java.io.File[] jars = new java.io.File("target/install/jars").listFiles();
		assertTrue(jars != null && jars.length > 0, "target/install/jars is made by package");
		for (final java.io.File jar : jars)
			assertFalse(jar.getName().matches("(?i).*(spark|scala|hadoop|netty|jackson).*"), jar.getName());
		final java.io.File[] plugins = new java.io.File("target/install/plugins").listFiles();
		assertTrue(plugins != null && plugins.length == 1, "one plugin jar");
		try (java.util.jar.JarFile jar = new java.util.jar.JarFile(plugins[0])) {
			assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/apache/") || e.getName().startsWith("scala/")), "no Spark or Scala classes in " + plugins[0]);
			assertTrue(plugins[0].length() < 5_000_000, "the plugin jar stays small: " + plugins[0].length() + " bytes");
		}
	}

	@Test
	void anErrorStopsTheBatchMacroWithItsMessage(@TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		// an error dialog would wait forever here; the message must reach the console instead
		final String output = runImageJ(dir,
				"newImage(\"ramp\", \"8-bit ramp\", 40, 30, 1);",
				"run(\"Convolve ND...\", \"kernel=[1 2; 3]\");",
				"print(\"still running\");");
		assertTrue(output.contains("Convolve ND: Row 2"), output);
		assertFalse(output.contains("still running"), output);
	}

	/** Runs the macro with -batch in a plain ImageJ with the jar installed; the console output. */
	private static String runImageJ(final Path dir, final String... macroLines) throws Exception {
		final PlainImageJ.Run run = PlainImageJ.batch(dir, List.of(), 120, macroLines);
		assertTrue(run.finished, "ImageJ did not finish: " + run.output);
		assertEquals(0, run.exitCode, run.output);
		return run.output;
	}

	/** The printed image against the bridge's result in this JVM. */
	private static void check(final String line, final ImagePlus source, final Operation op, final String options) {
		assertNotNull(line, "ImageJ printed the result of " + options);
		final FilterSettings s = FilterSettings.fromMacroOptions(op, options);
		final ImagePlus expected = ImageFilter.apply(source, s, s.kernel(null), null);
		final String[] parts = line.substring(line.indexOf(':') + 1).trim().split(" ");
		final String[] head = line.substring(0, line.indexOf(':')).split(" ");
		assertEquals(expected.getTitle(), head[1]);
		assertEquals(expected.getWidth(), Integer.parseInt(head[2]));
		assertEquals(expected.getHeight(), Integer.parseInt(head[3]));
		assertEquals(expected.getBitDepth(), Integer.parseInt(head[4]));
		assertEquals(expected.getWidth() * expected.getHeight(), parts.length);
		for (int i = 0; i < parts.length; i++)
			assertEquals(expected.getProcessor().getf(i), Double.parseDouble(parts[i]), 1e-5, options + " at " + i);
	}
}
