package io.github.convolvej.ij;

import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

/**
 * Test images for Match Template: noise with planted copies of a template,
 * and the normalized correlation coefficient straight from its definition
 * (the oracle for stacks and volumes, which the golden file does not cover).
 */
final class MatchImages {

	private MatchImages() {}

	/** Uniform noise 0..100 as a 32-bit image (a stack for depth > 1). */
	static ImagePlus noise(final String title, final int w, final int h, final int depth, final long seed) {
		final Random random = new Random(seed);
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < depth; z++) {
			final float[] v = new float[w * h];
			for (int i = 0; i < v.length; i++)
				v[i] = 100 * random.nextFloat();
			stack.addSlice(new FloatProcessor(w, h, v));
		}
		return new ImagePlus(title, stack);
	}

	/** A copy of planes {@code z0..z0+depth-1} of the region x, y, w, h (x fastest, then y, then z). */
	static ImagePlus crop(final ImagePlus imp, final String title, final int x, final int y, final int w, final int h, final int z0, final int depth) {
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < depth; z++) {
			final FloatProcessor ip = (FloatProcessor) imp.getStack().getProcessor(z0 + z + 1).convertToFloat();
			ip.setRoi(x, y, w, h);
			stack.addSlice(ip.crop());
		}
		return new ImagePlus(title, stack);
	}

	/** Writes the template's planes into the image with its corner at x, y, plane z0 (0-based). */
	static void plant(final ImagePlus imp, final ImagePlus template, final int x, final int y, final int z0) {
		for (int z = 0; z < template.getStackSize(); z++)
			imp.getStack().getProcessor(z0 + z + 1).insert(template.getStack().getProcessor(z + 1), x, y);
	}

	/** Values of a plane or volume as doubles, x fastest. */
	static double[] values(final ImagePlus imp) {
		final int n = imp.getWidth() * imp.getHeight();
		final double[] v = new double[n * imp.getStackSize()];
		for (int z = 0; z < imp.getStackSize(); z++) {
			final FloatProcessor ip = (FloatProcessor) imp.getStack().getProcessor(z + 1).convertToFloat();
			for (int i = 0; i < n; i++)
				v[z * n + i] = ip.getf(i);
		}
		return v;
	}

	/**
	 * Σ(W-W̄)(T-T̄) / √(Σ(W-W̄)² Σ(T-T̄)²) of the window with its corner at
	 * cx, cy, cz, wholly inside, in double with two-pass means.
	 */
	static double ccoeffNormed(final double[] image, final int w, final int h, final double[] t, final int kw, final int kh, final int kd, final int cx, final int cy, final int cz) {
		final int taps = kw * kh * kd;
		final double[] win = new double[taps];
		int i = 0;
		for (int z = 0; z < kd; z++)
			for (int y = 0; y < kh; y++)
				for (int x = 0; x < kw; x++)
					win[i++] = image[((cz + z) * h + cy + y) * w + cx + x];
		double wm = 0, tm = 0;
		for (int j = 0; j < taps; j++) {
			wm += win[j];
			tm += t[j];
		}
		wm /= taps;
		tm /= taps;
		double num = 0, ww = 0, tt = 0;
		for (int j = 0; j < taps; j++) {
			num += (win[j] - wm) * (t[j] - tm);
			ww += (win[j] - wm) * (win[j] - wm);
			tt += (t[j] - tm) * (t[j] - tm);
		}
		return ww * tt == 0 ? 0 : num / Math.sqrt(ww * tt);
	}
}
