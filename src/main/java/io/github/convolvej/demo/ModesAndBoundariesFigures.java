package io.github.convolvej.demo;

import java.awt.Color;
import java.io.IOException;
import java.util.Locale;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;

/**
 * The article's sections on output sizes and borders as figures: the same
 * box blur in {@code full}, {@code same} and {@code valid} (drawn at one
 * scale, so the sizes show), and in {@code same} with each boundary rule, a
 * corner magnified so that what lies beyond the border shows.
 */
final class ModesAndBoundariesFigures {

	private final Demo demo;
	private final int shrink;

	ModesAndBoundariesFigures(final Demo demo, final int shrink) {
		this.demo = demo;
		this.shrink = shrink;
	}

	/** The box's side: 31 on the full-size samples, an odd side a quarter of that with --quick. */
	int boxSide() {
		return shrink == 1 ? 31 : 7;
	}

	void run() throws IOException {
		outputModes();
		boundaries();
	}

	private void outputModes() throws IOException {
		final ImagePlus cameraman = Demo.unitRange(demo.sample("cameraman"));
		final int k = boxSide();
		final Montage figure = new Montage("Output modes: a " + k + "x" + k + " box blur, drawn at one scale", 384 / shrink);
		figure.add(cameraman.getProcessor(), 0, 1, size("cameraman", cameraman.getProcessor()));
		for (final String mode : new String[] { "full", "same", "valid" }) {
			final ImagePlus result = Demo.filter(cameraman, Operation.CONVOLVE, "kernel=[box(" + k + ")] mode=" + mode + " boundary=fill value=0", t -> null);
			demo.saveTiff(result, "cameraman-" + mode + ".tif");
			final String rule = mode.equals("full") ? " = W + K - 1" : mode.equals("valid") ? " = W - K + 1" : " = W";
			figure.add(result.getProcessor(), 0, 1, size("mode=" + mode, result.getProcessor()) + rule);
		}
		figure.add(kernelPanel(Kernel.parse("box(" + k + ")")), "kernel box(" + k + "), " + k + "x" + k);
		demo.saveFigure(figure, "11-output-modes.png");
	}

	/**
	 * A kernel that is 1 at its top-left entry and 0 elsewhere moves the image
	 * by half the kernel (mode same), so the last rows and columns of the
	 * result show exactly what each boundary rule puts beyond the border.
	 */
	private void boundaries() throws IOException {
		final ImagePlus cameraman = Demo.unitRange(demo.sample("cameraman"));
		final int shift = shrink == 1 ? 16 : 4, k = 2 * shift + 1;
		final int w = cameraman.getWidth(), h = cameraman.getHeight(), corner = 4 * shift;
		final String kernel = shiftKernel(k);
		demo.saveTiff(cameraman, "cameraman-0-1.tif");
		final Montage figure = new Montage("Boundaries: the image moved by " + shift + " pixels (mode same), its bottom-right " + corner + "x" + corner + " corner magnified", 256 / shrink);
		final ColorProcessor whole = Montage.grayscale(cameraman.getProcessor(), 0, 1);
		whole.setColor(Color.RED);
		whole.setLineWidth(Math.max(1, 3 / shrink));
		whole.drawRect(w - corner, h - corner, corner, corner);
		figure.add(whole, "cameraman; the corner in red");
		for (final String boundary : new String[] { "fill value=0", "wrap", "symm", "mirror", "nearest" }) {
			final ImagePlus result = Demo.filter(cameraman, Operation.CONVOLVE, "kernel=[" + kernel + "] mode=same boundary=" + boundary, t -> null);
			demo.saveTiff(result, "cameraman-boundary-" + boundary.split(" ")[0] + ".tif");
			final ImageProcessor ip = result.getProcessor();
			ip.setRoi(w - corner, h - corner, corner, corner);
			final ImageProcessor crop = ip.crop();
			crop.setInterpolationMethod(ImageProcessor.NONE);
			final ColorProcessor panel = Montage.grayscale(crop.resize(corner * 4, corner * 4), 0, 1);
			// the line beyond which the pixels come from the boundary rule
			panel.setColor(Color.RED);
			panel.drawLine(0, (corner - shift) * 4, corner * 4, (corner - shift) * 4);
			panel.drawLine((corner - shift) * 4, 0, (corner - shift) * 4, corner * 4);
			figure.add(panel, "boundary=" + boundary);
		}
		figure.add(kernelPanel(Kernel.parse(kernel)), "kernel " + k + "x" + k + ": 1 at the top left");
		demo.saveFigure(figure, "12-boundaries.png");
	}

	/** A k x k kernel of zeros with a 1 at its top-left entry, as kernel text. */
	static String shiftKernel(final int k) {
		final StringBuilder sb = new StringBuilder();
		for (int y = 0; y < k; y++) {
			if (y > 0)
				sb.append("; ");
			for (int x = 0; x < k; x++)
				sb.append(x == 0 ? "" : " ").append(x == 0 && y == 0 ? "1" : "0");
		}
		return sb.toString();
	}

	/** The kernel's real part as a picture, its entries magnified to be seen beside an image. */
	static ImageProcessor kernelPanel(final Kernel kernel) {
		final int w = kernel.dimension(0), h = kernel.dimension(1);
		final FloatProcessor fp = new FloatProcessor(w, h);
		final double[] v = kernel.real();
		double min = 0, max = 0;
		for (int i = 0; i < w * h; i++) {
			fp.setf(i, (float) v[i]);
			min = Math.min(min, v[i]);
			max = Math.max(max, v[i]);
		}
		fp.setInterpolationMethod(ImageProcessor.NONE);
		final int scale = Math.max(1, 96 / Math.max(w, h));
		final ImageProcessor big = fp.resize(w * scale, h * scale);
		// zero dark gray, the largest entry light, so a flat kernel shows too; a frame around it
		final double span = Math.max(max - min, Math.abs(max)) == 0 ? 1 : Math.max(max - min, Math.abs(max));
		final ColorProcessor panel = Montage.grayscale(big, min - 0.4 * span, max + 0.2 * span);
		panel.setColor(Color.BLACK);
		panel.drawRect(0, 0, panel.getWidth(), panel.getHeight());
		return panel;
	}

	private static String size(final String what, final ImageProcessor ip) {
		return String.format(Locale.ROOT, "%s %dx%d", what, ip.getWidth(), ip.getHeight());
	}
}
