package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.process.ImageProcessor;

/**
 * The example macros run as a user runs them: from the Examples menu entries
 * of {@code plugins.config} (Macro_Runner reading {@code JAR:macros/...}), each
 * opening its sample through the Open ConvolveJ Sample command. ImageJ 1's
 * menus need a display: run under {@code xvfb-run}; skipped without one.
 */
class ExampleMacrosTest {

	private static final Pattern CONFIG_LINE = Pattern.compile("^(Plugins>ConvolveJ[^,]*),\\s*\"([^\"]+)\",\\s*(.+?)\\s*$");

	@BeforeAll
	static void registerCommands() throws IOException {
		if (GraphicsEnvironment.isHeadless())
			return;
		if (IJ.getInstance() == null)
			new ImageJ(ImageJ.NO_SHOW);
		for (final String[] entry : pluginsConfig())
			Menus.getCommands().put(entry[1], entry[2]);
	}

	@AfterEach
	void closeImages() {
		if (GraphicsEnvironment.isHeadless())
			return;
		final int[] ids = WindowManager.getIDList();
		if (ids != null)
			for (final int id : ids) {
				final ImagePlus image = WindowManager.getImage(id);
				if (image != null) {
					image.changes = false;
					image.close();
				}
			}
	}

	/** Every macro in macros/ has its menu entry, run from the jar. */
	@Test
	void everyMacroIsInTheExamplesMenu() throws IOException {
		final List< String > targets = new ArrayList<>();
		for (final String[] entry : pluginsConfig())
			if (entry[0].equals("Plugins>ConvolveJ>Examples"))
				targets.add(entry[2]);
		for (final Path macro : MacroFilesTest.macros())
			assertTrue(targets.contains("ij.plugin.Macro_Runner(\"JAR:macros/" + macro.getFileName() + "\")"),
					macro + " in plugins.config: " + targets);
	}

	@Test
	void boxBlurAndLaplace() {
		run("Box Blur and Laplace");
		final ImagePlus laplace = image("cameraman-laplace");
		assertEquals(514, laplace.getWidth(), "mode full: 512 + 3 - 1");
		assertEquals(32, laplace.getBitDepth());
		assertTrue(laplace.getStatistics().min < 0, "the Laplacian keeps its negative values");
		assertEquals(514, image("cameraman-box-blur").getHeight());
	}

	@Test
	void rgbEmbossAndScharr() {
		run("RGB Emboss and Scharr");
		assertEquals(ImagePlus.COLOR_RGB, image("astronaut-emboss").getType());
		final ImagePlus magnitude = image("astronaut-scharr-magnitude");
		assertEquals(32, magnitude.getBitDepth());
		assertTrue(magnitude.getStatistics().min >= 0, "a magnitude");
	}

	@Test
	void ndSharpenAndEmboss() {
		run("N-D Sharpen and Emboss");
		assertEquals(1024, image("raccoon-sharpen").getWidth());
		assertEquals(ImagePlus.COLOR_RGB, image("raccoon-emboss").getType());
	}

	@Test
	void correlationVersusConvolution() {
		run("Correlation vs Convolution");
		final ImageProcessor difference = image("convolved-minus-correlated-flipped").getProcessor();
		assertEquals(514, difference.getWidth());
		for (int i = 0; i < difference.getPixelCount(); i++)
			assertEquals(0, difference.getf(i), 0, "pixel " + i);
	}

	/**
	 * The template-matching macro up to Match Template (the article's
	 * zero-mean correlation): the best score on the eye. Its last line runs
	 * Match Template when that command is installed.
	 */
	@Test
	void templateMatching() throws IOException {
		assumeFalse(GraphicsEnvironment.isHeadless());
		String macro = MacroFilesTest.read(Paths.get("macros/template_matching.ijm"));
		if (!Menus.getCommands().containsKey("Match Template..."))
			macro = macro.substring(0, macro.indexOf("run(\"Match Template...\""));
		IJ.runMacro(macro);
		final ImageProcessor scores = image("face-eye-scores").getProcessor();
		int best = 0;
		for (int i = 1; i < scores.getPixelCount(); i++)
			if (scores.getf(i) > scores.getf(best))
				best = i;
		assertEquals(670 + 39, best % scores.getWidth(), 2);
		assertEquals(300 + 32, best / scores.getWidth(), 2);
	}

	/** The camera pasted turned and mirrored is found four times, each with its turn and mirror. */
	@Test
	void rotatedCopies() {
		run("Rotated Copies");
		final ij.measure.ResultsTable table = ij.measure.ResultsTable.getResultsTable("Matches");
		assertNotNull(table);
		assertEquals(4, table.size());
		final java.util.Set< String > found = new java.util.HashSet<>();
		for (int i = 0; i < table.size(); i++) {
			found.add((int) table.getValue("BX", i) + "," + (int) table.getValue("BY", i) + "," + (int) table.getValue("Angle", i) + "," + table.getStringValue("Flip", i));
			assertTrue(table.getValue("Score", i) > 0.99, "pasted copies match exactly");
		}
		// mirrored both ways is the half turn
		assertTrue(found.remove("250,135,0,None"), found.toString());
		assertTrue(found.remove("20,20,90,None"), found.toString());
		assertTrue(found.remove("320,20,0,Horizontal"), found.toString());
		assertTrue(found.remove("420,120,180,None"), found.toString());
		assertNotNull(WindowManager.getImage("scene-scores"));
	}

	/** The folder macro smooths every TIFF of its folder into smoothed/, each as Convolve ND does it alone. */
	@Test
	void processAFolder() throws IOException {
		final java.nio.file.Path folder = Paths.get(IJ.getDirectory("temp"), "convolvej-folder-example");
		run("Process a Folder");
		final java.nio.file.Path out = folder.resolve("smoothed");
		for (final String name : new String[] { "cameraman", "ascent", "raccoon-face-gray" }) {
			final ImagePlus input = IJ.openImage(folder.resolve(name + ".tif").toString());
			final ImagePlus result = IJ.openImage(out.resolve(name + ".tif").toString());
			assertNotNull(result, name + " smoothed");
			final ImagePlus expected = io.github.convolvej.ij.ImageFilter.apply(input, io.github.convolvej.ij.FilterSettings.fromMacroOptions(io.github.convolvej.core.Operation.CONVOLVE,
					"kernel=[gaussian(2)] mode=same boundary=symm output=[Same as input]"), io.github.convolvej.core.Kernel.parse("gaussian(2)"), io.github.convolvej.core.ProgressListener.NONE);
			assertArrayEquals((byte[]) expected.getProcessor().getPixels(), (byte[]) result.getProcessor().getPixels(), name);
		}
	}

	private static void run(final String command) {
		assumeFalse(GraphicsEnvironment.isHeadless());
		assertTrue(Menus.getCommands().containsKey(command), command + " is registered");
		IJ.run(command);
	}

	private static ImagePlus image(final String title) {
		final ImagePlus image = WindowManager.getImage(title);
		assertNotNull(image, "no image titled " + title);
		return image;
	}

	/** Menu, label and target of each ConvolveJ line of plugins.config. */
	static List< String[] > pluginsConfig() throws IOException {
		final List< String[] > entries = new ArrayList<>();
		for (final String line : Files.readAllLines(Paths.get("plugins.config"))) {
			final Matcher m = CONFIG_LINE.matcher(line);
			if (m.matches())
				entries.add(new String[] { m.group(1).trim(), m.group(2), m.group(3) });
		}
		return entries;
	}
}
