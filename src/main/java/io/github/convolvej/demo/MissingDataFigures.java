package io.github.convolvej.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;
import io.github.convolvej.ij.ScaledUnits;

/**
 * The figures of {@code macros/missing_data_and_units.ijm}, with its option
 * strings: a saturated region masked out and interpolated, edge-corrected
 * smoothing beside zero fill, and a Gaussian in micrometres on anisotropic
 * voxels.
 */
final class MissingDataFigures {

	// The options below are the ones in macros/missing_data_and_units.ijm, character for character.
	static final String SMOOTH = "kernel=[gaussian(6)] mode=same boundary=symm value=0";
	static final String SMOOTH_MASKED = "kernel=[gaussian(6)] mode=same boundary=symm value=0 nan=Interpolate mask=valid";
	static final String ZERO_FILL = "kernel=[gaussian(8)] mode=same boundary=fill value=0";
	static final String EDGE_CORRECTED = "kernel=[gaussian(8)] mode=same boundary=fill value=NaN nan=Interpolate certainty";
	static final String SCALED = "kernel=[gaussian(0.3)] mode=same boundary=nearest value=0 scaled";
	static final String PIXELS = "kernel=[gaussian(3,3,3)] mode=same boundary=nearest value=0";

	/** Every Convolve ND line of the macro. */
	static final List< String > OPTIONS = Collections.unmodifiableList(Arrays.asList(SMOOTH, SMOOTH_MASKED, ZERO_FILL, EDGE_CORRECTED, SCALED, PIXELS));

	/** Bead positions x, y, z in the 96 x 96 x 32 volume. */
	static final int[][] BEADS = { { 24, 30, 8 }, { 60, 48, 16 }, { 40, 70, 24 }, { 75, 20, 12 } };

	/** Where figures and results go: the demo's folder, announced as the demo does. */
	private final Demo demo;
	private final int shrink;
	private final PrintStream out;

	/** @param shrink the demo's reduction of the samples (4 with {@code --quick}) */
	MissingDataFigures(final Demo demo, final int shrink, final PrintStream out) {
		this.demo = demo;
		this.shrink = shrink;
		this.out = out;
	}

	void run() throws IOException {
		saturatedRegion();
		edgeCorrection();
		scaledGaussian();
	}

	/** The region where the macro sets 65535 and the mask 0. */
	static OvalRoi saturated(final int w, final int h) {
		return new OvalRoi(w * 300 / 512.0, h * 150 / 512.0, w * 80 / 512.0, h * 60 / 512.0);
	}

	private void saturatedRegion() throws IOException {
		final ImageProcessor ascent = sample("ascent").getProcessor();
		final int w = ascent.getWidth(), h = ascent.getHeight();
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 1; z <= 3; z++) {
			final ShortProcessor plane = new ShortProcessor(w, h);
			for (int i = 0; i < w * h; i++)
				plane.set(i, Math.min(65535, ascent.get(i) * (100 + 50 * z)));
			plane.setValue(65535);
			plane.fill(saturated(w, h));
			stack.addSlice(plane);
		}
		final ImagePlus cells = new ImagePlus("cells", stack);
		final ByteProcessor validPixels = new ByteProcessor(w, h);
		validPixels.setValue(255);
		validPixels.fill();
		validPixels.setValue(0);
		validPixels.fill(saturated(w, h));
		final ImagePlus valid = new ImagePlus("valid", validPixels);
		final ImagePlus smoothed = filter(cells, SMOOTH, null).get(0);
		final ImagePlus interpolated = filter(cells, SMOOTH_MASKED, valid).get(0);
		saveTiff(smoothed, "cells-smoothed.tif");
		saveTiff(interpolated, "cells-interpolated.tif");
		final Montage figure = new Montage("A saturated region: smoothed as it is, and masked out (nan=Interpolate)", 384 / shrink);
		figure.add(stack.getProcessor(2), 0, 65535, "16-bit plane 2 of 3, saturated oval");
		figure.add(validPixels, 0, 255, "mask=valid (black = missing)");
		figure.add(smoothed.getStack().getProcessor(2), 0, 65535, "gaussian(6): a bright halo");
		figure.add(interpolated.getStack().getProcessor(2), 0, 65535, "gaussian(6) nan=Interpolate mask=valid");
		saveFigure(figure, "08-missing-data.png");
	}

	private void edgeCorrection() throws IOException {
		final ImagePlus cameraman = new ImagePlus("cameraman", sample("cameraman").getProcessor().convertToFloatProcessor());
		final ImagePlus zeroFill = filter(cameraman, ZERO_FILL, null).get(0);
		final List< ImagePlus > corrected = filter(cameraman, EDGE_CORRECTED, null);
		saveTiff(zeroFill, "cameraman-zero-fill.tif");
		saveTiff(corrected.get(0), "cameraman-edge-corrected.tif");
		saveTiff(corrected.get(1), "cameraman-certainty.tif");
		final Montage figure = new Montage("Edge correction: boundary=fill value=NaN nan=Interpolate", 384 / shrink);
		figure.add(zeroFill.getProcessor(), 0, 255, "gaussian(8), fill 0: dark border");
		figure.add(corrected.get(0).getProcessor(), 0, 255, "outside missing: no dark border");
		figure.add(corrected.get(1).getProcessor(), 0, 1, "certainty: kernel weight on the image");
		saveFigure(figure, "09-edge-correction.png");
	}

	/** The beads volume of the macro, 0.1 x 0.1 x 0.3 µm voxels. */
	static ImagePlus beads() {
		final ImageStack stack = ImageStack.create(96, 96, 32, 32);
		for (final int[] b : BEADS)
			stack.getProcessor(b[2] + 1).setf(b[0], b[1], 1000);
		final ImagePlus beads = new ImagePlus("beads", stack);
		final Calibration cal = beads.getCalibration();
		cal.pixelWidth = cal.pixelHeight = 0.1;
		cal.pixelDepth = 0.3;
		cal.setUnit("micron");
		return beads;
	}

	private void scaledGaussian() throws IOException {
		final ImagePlus beads = beads();
		final ImagePlus scaled = filter(beads, SCALED, null).get(0);
		final ImagePlus pixels = filter(beads, PIXELS, null).get(0);
		saveTiff(scaled, "beads-scaled.tif");
		saveTiff(pixels, "beads-pixels.tif");
		final String used = ScaledUnits.describe("gaussian(0.3)", beads);
		out.println("  scaled: " + used);
		final Montage figure = new Montage("A Gaussian in micrometres on 0.1 x 0.1 x 0.3 um voxels (scaled)", 288);
		final FloatProcessor xy = projection(scaled, false);
		figure.add(xy, 0, xy.getMax(), "gaussian(0.3) scaled, XY (max over Z)");
		final FloatProcessor xz = projection(scaled, true);
		figure.add(xz, 0, xz.getMax(), "scaled, XZ at true aspect: round");
		final FloatProcessor xzPixels = projection(pixels, true);
		figure.add(xzPixels, 0, xzPixels.getMax(), "gaussian(3,3,3) pixels, XZ: 3x too long in Z");
		saveFigure(figure, "10-scaled-gaussian.png");
	}

	/**
	 * The brightest value along Y (an XZ view, Z stretched by depth/width so
	 * that one pixel is as long as it is wide in space), or along Z (XY).
	 */
	private static FloatProcessor projection(final ImagePlus volume, final boolean xz) {
		final int w = volume.getWidth(), h = volume.getHeight(), d = volume.getNSlices();
		final FloatProcessor p = new FloatProcessor(w, xz ? d : h);
		for (int z = 0; z < d; z++) {
			final ImageProcessor plane = volume.getStack().getProcessor(z + 1);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int row = xz ? z : y;
					p.setf(x, row, Math.max(p.getf(x, row), plane.getf(x, y)));
				}
		}
		if (!xz)
			return p;
		final Calibration cal = volume.getCalibration();
		p.setInterpolationMethod(ImageProcessor.NONE);
		final FloatProcessor stretched = (FloatProcessor) p.resize(w, (int) Math.round(d * cal.pixelDepth / cal.pixelWidth));
		stretched.resetMinAndMax();
		return stretched;
	}

	private static List< ImagePlus > filter(final ImagePlus source, final String options, final ImagePlus mask) {
		final FilterSettings settings = FilterSettings.fromMacroOptions(Operation.CONVOLVE, options);
		return ImageFilter.applyAll(source, settings, settings.kernel(null, source), mask == null ? null : settings.mask(t -> t.equals(mask.getTitle()) ? mask : null), ProgressListener.NONE);
	}

	private ImagePlus sample(final String name) throws IOException {
		return demo.sample(name);
	}

	private void saveTiff(final ImagePlus image, final String name) throws IOException {
		demo.saveTiff(image, name);
	}

	private void saveFigure(final Montage figure, final String name) throws IOException {
		demo.saveFigure(figure, name);
	}
}
