package io.github.convolvej.cli;

import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

/** Test files: flat arrays (x fastest, then y, then z) to and from 32-bit TIFF. */
final class ImageIo {

	private ImageIo() {}

	/** Writes a 1-D, 2-D or 3-D array as a 32-bit TIFF (a stack for 3-D). */
	static Path writeTiff(final Path path, final int[] dims, final double[] values) {
		final int w = dims[0];
		final int h = dims.length > 1 ? dims[1] : 1;
		final int d = dims.length > 2 ? dims[2] : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < d; z++) {
			final float[] plane = new float[w * h];
			for (int i = 0; i < plane.length; i++)
				plane[i] = (float) values[z * w * h + i];
			stack.addSlice(new FloatProcessor(w, h, plane));
		}
		final ImagePlus image = new ImagePlus("test", stack);
		final boolean ok = d > 1 ? new FileSaver(image).saveAsTiffStack(path.toString()) : new FileSaver(image).saveAsTiff(path.toString());
		if (!ok)
			throw new IllegalStateException("Could not write " + path);
		return path;
	}

	/** All planes of an image file, flat. */
	static float[] readFlat(final Path path) {
		final ImagePlus image = IJ.openImage(path.toString());
		if (image == null)
			throw new IllegalStateException("Could not read " + path);
		final ImageStack stack = image.getStack();
		final int n = image.getWidth() * image.getHeight();
		final float[] all = new float[n * stack.getSize()];
		for (int s = 0; s < stack.getSize(); s++) {
			final float[] plane = (float[]) stack.getProcessor(s + 1).convertToFloatProcessor().getPixels();
			System.arraycopy(plane, 0, all, s * n, n);
		}
		return all;
	}

	/** Width, height and planes of an image file. */
	static int[] size(final Path path) {
		final ImagePlus image = IJ.openImage(path.toString());
		return new int[] { image.getWidth(), image.getHeight(), image.getStackSize() };
	}
}
