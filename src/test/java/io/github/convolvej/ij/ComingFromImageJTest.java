package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.filter.Convolver;
import ij.process.FloatProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * ImageJ's own commands run beside ConvolveJ, as the README's "Coming from
 * ImageJ" says: Process > Filters > Convolve is Correlate ND with
 * boundary=nearest and normalize; Process > FFT > FD Math's Convolve is
 * Convolve ND with anchor=[K/2,K/2] and boundary=wrap.
 */
class ComingFromImageJTest {

	private static float[] random(final Random rnd, final int n) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = rnd.nextInt(100);
		return v;
	}

	private static float[] pixels(final Img< FloatType > img) {
		final float[] v = new float[(int) img.size()];
		int i = 0;
		for (final FloatType t : img)
			v[i++] = t.get();
		return v;
	}

	@Test
	void processFiltersConvolveIsCorrelateNearestNormalized() {
		final Random rnd = new Random(31);
		final int w = 37, h = 23, kw = 5, kh = 3;
		final float[] image = random(rnd, w * h), kernel = random(rnd, kw * kh);
		kernel[3] = -40; // not symmetric: tells correlation from convolution
		final FloatProcessor fp = new FloatProcessor(w, h, image.clone());
		final Convolver convolver = new Convolver();
		convolver.setNormalize(true);
		convolver.convolve(fp, kernel, kw, kh);
		final double[] k = new double[kernel.length];
		for (int i = 0; i < k.length; i++)
			k[i] = kernel[i];
		final Img< FloatType > ours = Convolution.apply(ArrayImgs.floats(image, w, h), Kernel.of(k, kw, kh).normalize(),
				ConvolutionOptions.correlate().boundary(Boundary.NEAREST)).real();
		final float[] expected = (float[]) fp.getPixels(), got = pixels(ours);
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], got[i], 1e-3 * Math.max(1, Math.abs(expected[i])), "at " + i);
	}

	@Test
	void fdMathConvolveIsConvolveWrapAnchoredAtHalfTheKernel() {
		assumeFalse(GraphicsEnvironment.isHeadless(), "FD Math needs a display (CI runs the tests under Xvfb)");
		final Random rnd = new Random(32);
		final int n = 32;
		final float[] image = random(rnd, n * n), psf = random(rnd, n * n);
		IJ.runMacro("setBatchMode(true);");
		final ImagePlus a = new ImagePlus("fd-image", new FloatProcessor(n, n, image.clone()));
		final ImagePlus b = new ImagePlus("fd-psf", new FloatProcessor(n, n, psf.clone()));
		ij.macro.Interpreter.addBatchModeImage(a);
		ij.macro.Interpreter.addBatchModeImage(b);
		try {
			IJ.run("FD Math...", "image1=fd-image operation=Convolve image2=fd-psf result=fd-result do");
			final ImagePlus result = WindowManager.getImage("fd-result");
			assertNotNull(result, "FD Math made its result");
			final double[] k = new double[psf.length];
			for (int i = 0; i < k.length; i++)
				k[i] = psf[i];
			final Img< FloatType > ours = Convolution.apply(ArrayImgs.floats(image, n, n), Kernel.of(k, n, n).withAnchor(n / 2, n / 2),
					ConvolutionOptions.convolve().boundary(Boundary.WRAP)).real();
			final float[] expected = (float[]) result.getProcessor().convertToFloatProcessor().getPixels(), got = pixels(ours);
			double scale = 0;
			for (final float v : got)
				scale = Math.max(scale, Math.abs(v));
			for (int i = 0; i < expected.length; i++)
				assertEquals(expected[i], got[i], 1e-4 * scale, "at " + i);
		}
		finally {
			ij.macro.Interpreter.removeBatchModeImage(a);
			ij.macro.Interpreter.removeBatchModeImage(b);
		}
	}
}
