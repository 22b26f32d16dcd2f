package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.Menus;
import ij.WindowManager;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.MissingData;
import io.github.convolvej.core.MissingReference;
import io.github.convolvej.core.NamedKernels;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;

/**
 * The missing-data figures of the demo ({@code --quick} size) against the
 * formulas written here, and the example macro run from its menu entry.
 */
class MissingDataFiguresTest {

	@TempDir
	static Path dir;

	static String stdout;

	@BeforeAll
	static void runFigures() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		new MissingDataFigures(new Demo(dir, true, print), 4, print).run();
		stdout = out.toString(StandardCharsets.UTF_8);
		if (!GraphicsEnvironment.isHeadless()) {
			if (IJ.getInstance() == null)
				new ImageJ(ImageJ.NO_SHOW);
			for (final String[] entry : ExampleMacrosTest.pluginsConfig())
				Menus.getCommands().put(entry[1], entry[2]);
		}
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

	private static ImageProcessor open(final String name, final int slice) {
		final ImagePlus imp = IJ.openImage(dir.resolve(name).toString());
		assertNotNull(imp, name);
		return imp.getStack().getProcessor(slice);
	}

	private static ImageProcessor shrunk(final String name) {
		try {
			final ImageProcessor ip = SampleImages.open(name).getProcessor();
			ip.setInterpolationMethod(ImageProcessor.BILINEAR);
			return ip.resize(ip.getWidth() / 4, ip.getHeight() / 4, true);
		} catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	private static double[] values(final ImageProcessor ip) {
		final double[] v = new double[ip.getPixelCount()];
		for (int i = 0; i < v.length; i++)
			v[i] = ip.getf(i);
		return v;
	}

	@Test
	void everyFigureWritten() {
		for (final String name : new String[] { "08-missing-data.png", "09-edge-correction.png", "10-scaled-gaussian.png", "cells-interpolated.tif", "cameraman-certainty.tif", "beads-scaled.tif" }) {
			assertTrue(Files.isRegularFile(dir.resolve(name)), name);
			assertTrue(stdout.contains("  " + name), name + " announced");
		}
		assertTrue(stdout.contains("gaussian(3, 3, 1) pixels, kernel 25 x 25 x 9"), stdout);
	}

	/** Inside the masked oval, values come from around it: no pixel near 65535; away from it, as plain smoothing. */
	@Test
	void maskedRegionIsInterpolated() {
		final ImageProcessor interpolated = open("cells-interpolated.tif", 2);
		final ImageProcessor smoothed = open("cells-smoothed.tif", 2);
		final int w = interpolated.getWidth(), h = interpolated.getHeight();
		final ImageProcessor mask = new ij.process.ByteProcessor(w, h);
		mask.setValue(255);
		mask.fill();
		mask.setValue(0);
		mask.fill(MissingDataFigures.saturated(w, h));
		// plane 2 as the demo builds it: the shrunk ascent times 200, the oval saturated
		final ImageProcessor ascent = shrunk("ascent");
		final double[] plane = new double[w * h], valid = values(mask);
		for (int i = 0; i < plane.length; i++)
			plane[i] = valid[i] == 0 ? 65535 : Math.min(65535, ascent.get(i) * 200);
		final int cx = (int) (w * 340 / 512.0), cy = (int) (h * 180 / 512.0);
		final int[] checked = { cy * w + cx, 0, w * h - 1, cy * w + cx + 9 };
		final double[] expected = MissingReference.compute(plane, valid, new int[] { w, h }, Kernel.parse("gaussian(6)"), Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0, MissingData.INTERPOLATE, checked);
		assertEquals(0, mask.get(cx, cy));
		for (final int i : checked)
			assertEquals(expected[i], interpolated.getf(i), 1e-3 * expected[i], "pixel " + i);
		assertTrue(smoothed.getf(cx, cy) > interpolated.getf(cx, cy) + 5000, "plain smoothing spreads the saturation: " + smoothed.getf(cx, cy) + " against " + interpolated.getf(cx, cy));
		// far from the oval the mask changes nothing
		assertEquals(smoothed.getf(5, h - 5), interpolated.getf(5, h - 5), 1e-3 * smoothed.getf(5, h - 5));
	}

	/** The edge-corrected blur is the normalized sum over the image's pixels, by the loop; certainty in (0, 1]. */
	@Test
	void edgeCorrectionIsTheNormalizedSum() {
		final ImageProcessor corrected = open("cameraman-edge-corrected.tif", 1);
		final ImageProcessor certainty = open("cameraman-certainty.tif", 1);
		final ImageProcessor small = shrunk("cameraman").convertToFloatProcessor();
		final int w = small.getWidth(), h = small.getHeight();
		final int[] checked = { 0, w - 1, w * h / 2 + 3, w * h - 1, 7 * w };
		final double[] expected = MissingReference.compute(values(small), null, new int[] { w, h }, Kernel.parse("gaussian(8)"), Operation.CONVOLVE, OutputMode.SAME, Boundary.FILL, Double.NaN, MissingData.INTERPOLATE, checked);
		for (final int i : checked)
			assertEquals(expected[i], corrected.getf(i), 1e-3, "pixel " + i);
		assertEquals(1, certainty.getf(w / 2, h / 2), 1e-6);
		assertTrue(certainty.getf(0, 0) > 0.2 && certainty.getf(0, 0) < 0.3, "a corner sees about a quarter of the kernel: " + certainty.getf(0, 0));
	}

	/** The scaled Gaussian is gaussian(3, 3, 1) in pixels: its peak at a bead is the kernel's centre weight. */
	@Test
	void scaledBeadsAreTheKernelInPixels() {
		final int[] bead = MissingDataFigures.BEADS[1];
		final ImageProcessor plane = open("beads-scaled.tif", bead[2] + 1);
		final Kernel k = NamedKernels.gaussian(3, 3, 1);
		assertEquals(1000 * k.real()[(k.dimension(2) / 2 * k.dimension(1) + k.dimension(1) / 2) * k.dimension(0) + k.dimension(0) / 2], plane.getf(bead[0], bead[1]), 1e-3);
	}

	/** The macro's options are the figures' options, and it runs from the Examples menu. */
	@Test
	void theMacroRunsTheseOptions() throws IOException {
		final String macro = MacroFilesTest.read(Paths.get("macros/missing_data_and_units.ijm"));
		for (final String options : MissingDataFigures.OPTIONS)
			assertTrue(macro.contains("\"" + options + "\""), options);
		assumeFalse(GraphicsEnvironment.isHeadless());
		IJ.log("\\Clear");
		IJ.run("Missing Data and Units");
		final List< String > titles = List.of("cells-smoothed", "cells-interpolated", "cameraman-zero-fill", "cameraman-edge-corrected", "cameraman-certainty", "beads-scaled", "beads-pixels");
		for (final String t : titles)
			assertNotNull(WindowManager.getImage(t), t);
		assertEquals(3, WindowManager.getImage("cells-interpolated").getNSlices());
		assertTrue(String.valueOf(IJ.getLog()).contains("= gaussian(3, 3, 1) pixels, kernel 25 x 25 x 9"), IJ.getLog());
	}
}
