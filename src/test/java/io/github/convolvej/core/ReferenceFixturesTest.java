package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;

/**
 * Normalized convolution against astropy's
 * {@code convolve(..., nan_treatment='interpolate')}, and scaled Gaussians
 * against {@code scipy.ndimage.gaussian_filter(f, sigma=s/spacing, truncate=4)}:
 * values written by the real tools into {@code src/test/resources/missing/}.
 */
class ReferenceFixturesTest {

	private static long[] longs(final int[] d) {
		final long[] l = new long[d.length];
		for (int i = 0; i < d.length; i++)
			l[i] = d[i];
		return l;
	}

	@Test
	void interpolateMatchesAstropy() {
		final List< Fixture > cases = Fixture.read("/missing/astropy_interpolate.txt");
		assertEquals(20, cases.size());
		for (final Fixture c : cases) {
			final int rank = c.rank("image");
			final int[] dims = c.dims("image", rank);
			final double[] image = c.values("image", rank);
			final double[] mask = c.values("mask", 0);
			Kernel k = Kernel.of(c.values("kernel", rank), c.dims("kernel", rank));
			if (c.keys.get("normalize").equals("1"))
				k = k.normalize();
			final double[] expected = c.values("expected", 0);
			for (final Algorithm a : new Algorithm[] { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.FFT, Algorithm.AUTO }) {
				if (a == Algorithm.SEPARABLE && !k.separableFactors().isPresent())
					continue;
				final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.fromLabel(c.keys.get("boundary"))).fillValue(Double.parseDouble(c.keys.get("value")))
						.missingData(MissingData.INTERPOLATE).algorithm(a);
				if (mask != null)
					o.mask(ArrayImgs.doubles(mask, longs(dims)));
				MissingDataTest.assertSame(expected, MissingDataTest.values(Convolution.applyDouble(ArrayImgs.doubles(image.clone(), longs(dims)), k, o).real()), 1e-12, c.name + " " + a);
			}
		}
	}

	@Test
	void scaledGaussianMatchesScipy() {
		final List< Fixture > cases = Fixture.read("/missing/scipy_gaussian.txt");
		assertEquals(3, cases.size());
		for (final Fixture c : cases) {
			final int rank = c.rank("image");
			final int[] dims = c.dims("image", rank);
			final String[] sigma = c.keys.get("sigma").split(",");
			final String[] spacing = c.keys.get("spacing").split(",");
			final double[] px = new double[spacing.length];
			for (int d = 0; d < px.length; d++)
				px[d] = Double.parseDouble(spacing[d]);
			final boolean isotropic = sigma.length == rank && java.util.Arrays.stream(sigma).distinct().count() == 1;
			final String text = "gaussian(" + (isotropic ? sigma[0] : String.join(", ", sigma)) + ")";
			final ScaledKernel s = ScaledKernel.parse(text, px);
			assertEquals(rank, s.kernel().numDimensions(), c.name);
			for (final Algorithm a : new Algorithm[] { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.FFT }) {
				if (a == Algorithm.DIRECT && s.kernel().size() > 20000)
					continue; // 81 x 81 x 27 taps per pixel: the other engines show the same numbers
				final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.NEAREST).algorithm(a);
				MissingDataTest.assertSame(c.values("expected", 0), MissingDataTest.values(Convolution.applyDouble(ArrayImgs.doubles(c.values("image", rank), longs(dims)), s.kernel(), o).real()), 1e-12, c.name + " " + a);
			}
		}
	}

	@Test
	void scaledLengthsInPixels() {
		final ScaledKernel g = ScaledKernel.parse("gaussian(1)", 0.1, 0.1, 0.3);
		assertEquals("gaussian(10, 10, 3.3333)", g.inPixels());
		assertEquals(Kernel.parse("gaussian(10, 10, 3.3333333333333335)"), g.kernel());
		final ScaledKernel box = ScaledKernel.parse("box(2)", 0.5, 0.3);
		// 2 / 0.5 = 4 pixels: nearest odd 5 (ties go up); 2 / 0.3 = 6.67: 7
		assertEquals("box 5 x 7", box.inPixels());
		assertEquals(35, box.kernel().size());
		assertEquals(1.0 / 35, box.kernel().real()[0], 0);
		assertEquals(1, ScaledKernel.nearestOdd(0.2));
		assertEquals(3, ScaledKernel.nearestOdd(2.9));
		assertEquals(3, ScaledKernel.nearestOdd(3.99));
		assertEquals(Kernel.parse("laplace"), ScaledKernel.parse("laplace", 0.5, 0.5).kernel());
		assertEquals(null, ScaledKernel.parse("laplace", 0.5, 0.5).inPixels());
		assertEquals(2, ScaledKernel.parse("gaussian(1, 2)", 0.5, 0.5, 2).kernel().numDimensions());
		assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ScaledKernel.parse("gaussian(1,1,1)", 0.5, 0.5)).getMessage().contains("Z stack"));
		org.junit.jupiter.api.Assertions.assertThrows(KernelSyntaxException.class, () -> ScaledKernel.parse("gaussian(-1)", 0.5, 0.5));
	}
}
