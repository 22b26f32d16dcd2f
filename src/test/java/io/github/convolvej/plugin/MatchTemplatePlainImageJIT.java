package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.ImageProcessor;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.TemplateMatching;

/**
 * Match Template from the packaged jar in a plain ImageJ 1 ({@code -batch}),
 * as a user installs it: found through {@code plugins.config}, run by a
 * macro, with the same matches as the bridge gives in this JVM; and the
 * tutorial's example from its menu entry. Runs after {@code package}
 * (Failsafe), under a display.
 */
class MatchTemplatePlainImageJIT {

	private static final String OPTIONS = "image=scene template=object method=[Normalized correlation coefficient] mode=valid matches=2 min_distance=4 score_map add_to_manager";

	@Test
	void aRecordedMacroFindsAndMarksTheMatches(@TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		final Path scene = dir.resolve("scene.tif");
		final String output = runImageJ(dir, Arrays.asList(
				"newImage(\"scene\", \"32-bit black\", 96, 72, 1);",
				"run(\"Macro...\", \"code=v=100*sin(x/3)*cos(y/5)+(x*y)%7\");",
				"makeRectangle(60, 40, 9, 7);",
				"run(\"Duplicate...\", \"title=object\");",
				"selectImage(\"scene\");",
				"run(\"Select None\");",
				"saveAs(\"Tiff\", \"" + scene.toString().replace("\\", "/") + "\");",
				"rename(\"scene\");",
				"run(\"Match Template...\", \"" + OPTIONS + "\");",
				"for (i = 0; i < Table.size(\"Matches\"); i++)",
				"  print(\"match \" + Table.get(\"X\", i, \"Matches\") + \" \" + Table.get(\"Y\", i, \"Matches\") + \" \" + Table.get(\"BX\", i, \"Matches\") + \" \" + Table.get(\"BY\", i, \"Matches\") + \" \" + d2s(Table.get(\"Score\", i, \"Matches\"), 9));",
				"selectImage(\"scene\");",
				"print(\"overlay \" + Overlay.size);",
				"print(\"manager \" + roiManager(\"count\"));",
				"selectImage(\"scene-scores\");",
				"print(\"scores \" + getTitle() + \" \" + getWidth() + \" \" + getHeight() + \" \" + bitDepth());"));

		final ImagePlus image = IJ.openImage(scene.toString());
		assertNotNull(image, output);
		image.setTitle("scene");
		final ImageProcessor cut = image.getProcessor().duplicate();
		cut.setRoi(60, 40, 9, 7);
		final ImagePlus template = new ImagePlus("object", cut.crop());
		final MatchResult expected = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions(OPTIONS), null);
		final ResultsTable rt = expected.toTable();
		final List< String > matches = lines(output, "match ");
		assertEquals(2, matches.size(), output);
		for (int row = 0; row < 2; row++) {
			final String[] v = matches.get(row).split(" ");
			assertEquals(rt.getValue("X", row), Double.parseDouble(v[1]), 0, output);
			assertEquals(rt.getValue("Y", row), Double.parseDouble(v[2]), 0, output);
			assertEquals(rt.getValue("BX", row), Double.parseDouble(v[3]), 0, output);
			assertEquals(rt.getValue("BY", row), Double.parseDouble(v[4]), 0, output);
			assertEquals(rt.getValue("Score", row), Double.parseDouble(v[5]), 1e-6, output);
		}
		assertEquals(60, rt.getValue("BX", 0), 0, "the object where it was cut");
		assertEquals(40, rt.getValue("BY", 0), 0, "the object where it was cut");
		assertEquals(List.of("overlay 6"), lines(output, "overlay "));
		assertEquals(List.of("manager 2"), lines(output, "manager "));
		assertEquals(List.of("scores scene-scores " + (96 - 8) + " " + (72 - 6) + " 32"), lines(output, "scores "));
	}

	@Test
	void theExampleRunsFromItsMenuEntryAndFindsTheEye(@TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		assumeTrue(pluginsConfig().contains("\"Open ConvolveJ Sample\""), "the samples' menu entry opens the face");
		final String output = runImageJ(dir, Arrays.asList(
				"run(\"Template Matching Example\");",
				"print(\"eye \" + Table.get(\"X\", 0, \"Matches\") + \" \" + Table.get(\"Y\", 0, \"Matches\"));",
				"print(\"scores \" + getTitle());"));
		final List< String > eye = lines(output, "eye ");
		assertEquals(1, eye.size(), output);
		final String[] v = eye.get(0).split(" ");
		assertEquals(709, Double.parseDouble(v[1]), 2, output);
		assertEquals(332, Double.parseDouble(v[2]), 2, output);
		assertEquals(List.of("scores face-scores"), lines(output, "scores "));
	}

	/** Runs the macro in a plain ImageJ with the packaged jar installed; its log. */
	private static String runImageJ(final Path dir, final List< String > macroLines) throws Exception {
		final Path plugins = Files.createDirectories(dir.resolve("plugins"));
		final Path jars = Files.createDirectories(dir.resolve("jars"));
		Files.copy(packagedJar(), plugins.resolve("ConvolveJ_.jar"));
		for (final String c : new String[] { "net.imglib2.Interval", "org.jtransforms.fft.FloatFFT_1D", "org.visnow.jlargearrays.LargeArray" }) {
			final Path jar = location(Class.forName(c));
			Files.copy(jar, jars.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		final Path macro = dir.resolve("run.ijm");
		Files.write(macro, macroLines, StandardCharsets.UTF_8);
		final List< String > command = new ArrayList<>(Arrays.asList(
				new File(System.getProperty("java.home"), "bin/java").getPath(),
				"-Dplugins.dir=" + dir, "-Duser.home=" + dir, // ImageJ's preferences stay in the temporary folder
				"-cp", location(IJ.class).toString(), "ij.ImageJ", "-batch", macro.toString()));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final byte[] out = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ImageJ finished");
		final String output = new String(out, StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), output);
		assertFalse(output.contains("Unrecognized command"), output);
		return output;
	}

	private static List< String > lines(final String output, final String prefix) {
		final List< String > found = new ArrayList<>();
		for (final String line : output.split("\\R"))
			if (line.startsWith(prefix))
				found.add(line.trim());
		return found;
	}

	private static String pluginsConfig() throws IOException {
		try (InputStream in = MatchTemplatePlainImageJIT.class.getResourceAsStream("/plugins.config")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Path packagedJar() throws IOException {
		final Path target = Path.of(System.getProperty("basedir", "."), "target");
		try (Stream< Path > files = Files.list(target)) {
			return files.filter(f -> {
				final String n = f.getFileName().toString();
				return n.startsWith("ConvolveJ_") && n.endsWith(".jar") && !n.endsWith("-tests.jar") && !n.endsWith("-sources.jar") && !n.endsWith("-javadoc.jar");
			}).findFirst().orElseThrow(() -> new AssertionError("no packaged jar in " + target + ": run mvn verify"));
		}
	}

	private static Path location(final Class< ? > c) throws URISyntaxException {
		return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
	}
}
