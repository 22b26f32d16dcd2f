package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

/** A kernel image whose pixel size differs from the image's is named in a warning, with both sizes and the fix. */
class KernelCalibrationTest {

	private static ImagePlus image(final String title, final double w, final double h, final String unit) {
		final ImagePlus imp = new ImagePlus(title, new FloatProcessor(5, 5));
		final Calibration c = new Calibration();
		c.pixelWidth = w;
		c.pixelHeight = h;
		c.setUnit(unit);
		imp.setCalibration(c);
		return imp;
	}

	@Test
	void differentPixelSizesAreNamed() {
		final String w = KernelCalibration.mismatch(image("cells", 0.2, 0.2, "µm"), image("psf", 0.1, 0.1, "µm")).orElseThrow();
		assertTrue(w.contains("'psf' has pixels of 0.1000 x 0.1000 µm"), w);
		assertTrue(w.contains("'cells' has pixels of 0.2000 x 0.2000 µm"), w);
		assertTrue(w.contains("Image > Scale"), w);
		assertTrue(KernelCalibration.mismatch(image("cells", 0.2, 0.2, "µm"), image("psf", 0.2, 0.2, "nm")).isPresent(), "another unit");
	}

	@Test
	void samePixelsOrNoCalibrationSayNothing() {
		assertFalse(KernelCalibration.mismatch(image("cells", 0.2, 0.2, "µm"), image("psf", 0.2, 0.20001, "µm")).isPresent());
		assertFalse(KernelCalibration.mismatch(image("cells", 0.2, 0.2, "µm"), new ImagePlus("k", new FloatProcessor(3, 3))).isPresent(), "an uncalibrated kernel");
		assertFalse(KernelCalibration.mismatch(new ImagePlus("i", new FloatProcessor(3, 3)), image("psf", 0.1, 0.1, "µm")).isPresent(), "an uncalibrated image");
	}

	@Test
	void theCommandLineWarnsAndStillFilters(@TempDir final Path dir) throws Exception {
		final Path in = dir.resolve("cells.tif"), kernel = dir.resolve("psf.tif"), out = dir.resolve("out.tif");
		new FileSaver(image("cells", 0.2, 0.2, "micron")).saveAsTiff(in.toString());
		final ImagePlus psf = image("psf", 0.1, 0.1, "micron");
		psf.getProcessor().setf(2, 2, 1);
		new FileSaver(psf).saveAsTiff(kernel.toString());
		final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		final int code = io.github.convolvej.cli.ConvolveJCli.run(new String[] { "convolve-nd", in.toString(), out.toString(), "kernel_image=[" + kernel + "]" },
				new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
		assertEquals(0, code, err.toString());
		assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Warning: the kernel image 'psf.tif' has pixels of 0.1000 x 0.1000"), err.toString());
		assertTrue(out.toFile().isFile());
	}
}
