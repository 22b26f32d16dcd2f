package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.MissingData;
import io.github.convolvej.core.MissingReference;
import io.github.convolvej.core.NamedKernels;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import net.imglib2.img.array.ArrayImgs;

/**
 * Missing data and scaled units through the ImageJ bridge: the macro keys,
 * masks found by title, the certainty image, calibrated kernels, and bad
 * input refused before any image is made.
 */
class MissingDataFilterTest {

	private static final int W = 19, H = 14;

	private static float[] values(final long seed) {
		final float[] v = new float[W * H];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) ((i * 37 + seed * 11) % 101);
		return v;
	}

	private static double[] doubles(final float[] f) {
		final double[] d = new double[f.length];
		for (int i = 0; i < f.length; i++)
			d[i] = f[i];
		return d;
	}

	private static float[] pixels(final ImagePlus imp, final int n) {
		return (float[]) imp.getStack().getProcessor(n).convertToFloatProcessor().getPixels();
	}

	private static void assertClose(final double[] expected, final float[] actual, final String what) {
		assertEquals(expected.length, actual.length, what);
		for (int i = 0; i < expected.length; i++)
			if (Double.isNaN(expected[i]) || Float.isNaN(actual[i]))
				assertEquals(Double.isNaN(expected[i]), Float.isNaN(actual[i]), what + " NaN at " + i);
			else
				assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
	}

	private static Function< String, ImagePlus > titles(final ImagePlus... images) {
		final Map< String, ImagePlus > m = new HashMap<>();
		for (final ImagePlus imp : images)
			m.put(imp.getTitle(), imp);
		return m::get;
	}

	@Test
	void interpolateWithCertaintyAndPreservedNan() {
		final float[] v = values(1);
		v[3] = v[40] = v[41] = v[W * H - 1] = Float.NaN;
		final ImagePlus imp = new ImagePlus("holes", new FloatProcessor(W, H, v.clone()));
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[gaussian(1)] boundary=fill value=NaN nan=Interpolate certainty preserve_nan");
		final List< ImagePlus > out = ImageFilter.applyAll(imp, s, s.kernel(null, imp), null, ProgressListener.NONE);
		assertEquals(2, out.size());
		assertEquals("holes-convolved", out.get(0).getTitle());
		assertEquals("holes-certainty", out.get(1).getTitle());
		final Kernel k = Kernel.parse("gaussian(1)");
		final double[] expected = MissingReference.compute(doubles(v), null, new int[] { W, H }, k, Operation.CONVOLVE, OutputMode.SAME, Boundary.FILL, Double.NaN, MissingData.INTERPOLATE);
		for (int i = 0; i < v.length; i++)
			if (Float.isNaN(v[i]))
				expected[i] = Double.NaN; // preserve_nan
		assertClose(expected, pixels(out.get(0), 1), "interpolated");
		final double[] c = new double[v.length];
		for (int i = 0; i < v.length; i++)
			c[i] = Float.isNaN(v[i]) ? 0 : 1;
		final double[] certainty = MissingReference.compute(c, null, new int[] { W, H }, k, Operation.CONVOLVE, OutputMode.SAME, Boundary.FILL, 0, MissingData.PROPAGATE);
		for (int i = 0; i < certainty.length; i++)
			certainty[i] /= k.sum();
		assertClose(certainty, pixels(out.get(1), 1), "certainty");
		assertEquals(32, out.get(1).getBitDepth());
		assertTrue(Float.isNaN(v[3]), "the source is unchanged");
	}

	@Test
	void maskByTitleOnASixteenBitStack() {
		final ImageStack stack = new ImageStack(W, H), maskStack = new ImageStack(W, H);
		for (int z = 0; z < 3; z++) {
			final short[] p = new short[W * H];
			final byte[] m = new byte[W * H];
			for (int i = 0; i < p.length; i++) {
				p[i] = (short) (i * 53 % 4000 + z * 1000);
				m[i] = (byte) ((i + z) % 11 == 0 ? 0 : 255);
			}
			stack.addSlice(new ShortProcessor(W, H, p, null));
			maskStack.addSlice(new ByteProcessor(W, H, m));
		}
		final ImagePlus imp = new ImagePlus("cells", stack), mask = new ImagePlus("dead pixels", maskStack);
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[box(3)] nan=Interpolate mask=[dead pixels]");
		assertEquals("dead pixels", s.get(FilterSettings.MASK));
		final ImagePlus result = ImageFilter.applyAll(imp, s, s.kernel(null, imp), s.mask(titles(mask)), null).get(0);
		assertEquals(32, result.getBitDepth());
		for (int z = 1; z <= 3; z++) {
			final double[] values = doubles((float[]) stack.getProcessor(z).convertToFloatProcessor().getPixels());
			final double[] m = doubles((float[]) maskStack.getProcessor(z).convertToFloatProcessor().getPixels());
			final double[] expected = MissingReference.compute(values, m, new int[] { W, H }, NamedKernels.box(3), Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0, MissingData.INTERPOLATE);
			assertClose(expected, pixels(result, z), "slice " + z);
		}
		// one mask plane serves every slice
		final ImagePlus plane = new ImagePlus("plane mask", maskStack.getProcessor(1));
		final ImagePlus perPlane = ImageFilter.applyAll(imp, s, s.kernel(null, imp), plane, null).get(0);
		assertArrayEquals(pixels(result, 1), pixels(perPlane, 1));
		// Same as input: the 16-bit result is the 32-bit one rounded
		final FilterSettings same = s.toBuilder().set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build();
		final ImagePlus sixteen = ImageFilter.applyAll(imp, same, same.kernel(null, imp), mask, null).get(0);
		assertEquals(16, sixteen.getBitDepth());
		final float[] a = pixels(result, 2), b = pixels(sixteen, 2);
		for (int i = 0; i < a.length; i++)
			assertEquals(a[i], b[i], 0.5001, "16-bit pixel " + i);
	}

	@Test
	void badInputSaysWhatToDo() {
		final ImagePlus imp = new ImagePlus("img", new FloatProcessor(W, H, values(2)));
		final ImagePlus small = new ImagePlus("small", new ByteProcessor(W - 1, H));
		FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[box(3)] mask=small");
		final FilterSettings masked = s;
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.applyAll(imp, masked, masked.kernel(null), masked.mask(titles(small)), null));
		assertTrue(e.getMessage().contains("same width, height and depth"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> masked.mask(titles()));
		assertTrue(e.getMessage().contains("no open image titled 'small'"), e.getMessage());
		s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace nan=Interpolate");
		final FilterSettings zeroSum = s;
		e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.check(imp, zeroSum, zeroSum.kernel(null), null));
		assertTrue(e.getMessage().contains("sum to 0"), e.getMessage());
		s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[gaussian(2)] scaled");
		final FilterSettings scaled = s;
		e = assertThrows(IllegalArgumentException.class, () -> scaled.kernel(null, imp));
		assertTrue(e.getMessage().contains("Image > Properties") && e.getMessage().contains("Analyze > Set Scale"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace nan=skip"));
		assertTrue(e.getMessage().contains("Propagate"), e.getMessage());
	}

	@Test
	void scaledGaussianOnAnisotropicVoxels() {
		final ImageStack stack = new ImageStack(12, 10);
		for (int z = 0; z < 6; z++) {
			final float[] p = new float[120];
			for (int i = 0; i < p.length; i++)
				p[i] = (i * 7 + z * 13) % 50;
			stack.addSlice(new FloatProcessor(12, 10, p));
		}
		final ImagePlus imp = new ImagePlus("voxels", stack);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = cal.pixelHeight = 0.1;
		cal.pixelDepth = 0.3;
		cal.setUnit("micron");
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[gaussian(0.2)] scaled boundary=nearest");
		final Kernel k = s.kernel(null, imp);
		assertEquals(NamedKernels.gaussian(2, 2, 0.2 / 0.3), k);
		assertEquals("gaussian(0.2) µm on pixels of 0.1 x 0.1 x 0.3 µm = gaussian(2, 2, 0.6667) pixels, kernel 17 x 17 x 7", ScaledUnits.describe(s.get(FilterSettings.KERNEL), imp));
		final ImagePlus result = ImageFilter.apply(imp, s, k, null);
		final float[] all = new float[12 * 10 * 6];
		for (int z = 0; z < 6; z++)
			System.arraycopy((float[]) stack.getProcessor(z + 1).getPixels(), 0, all, z * 120, 120);
		final float[] expected = ImageFilter.floats(Convolution.apply(ArrayImgs.floats(all, 12, 10, 6), NamedKernels.gaussian(2, 2, 0.2 / 0.3), ConvolutionOptions.convolve().boundary(Boundary.NEAREST)).real());
		for (int z = 0; z < 6; z++)
			for (int i = 0; i < 120; i++)
				assertEquals(expected[z * 120 + i], pixels(result, z + 1)[i], 1e-4, "z " + z);
		// a single plane takes two pixel sizes: the Gaussian stays 2-D
		final ImagePlus plane = new ImagePlus("plane", stack.getProcessor(1));
		plane.setCalibration(cal.copy());
		assertEquals(NamedKernels.gaussian(2, 2), s.kernel(null, plane));
	}

	@Test
	void macroKeysRoundTrip() {
		final String options = "kernel=[gaussian(2)] boundary=fill value=NaN nan=Interpolate mask=[dead pixels] preserve_nan certainty scaled";
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CORRELATE, options);
		assertEquals(MissingData.INTERPOLATE, s.get(FilterSettings.MISSING_DATA));
		assertTrue(s.get(FilterSettings.PRESERVE_NAN) && s.get(FilterSettings.CERTAINTY) && s.get(FilterSettings.SCALED));
		assertTrue(Double.isNaN(s.get(FilterSettings.VALUE)));
		assertEquals(s, FilterSettings.fromMacroOptions(Operation.CORRELATE, s.toMacroOptions()));
		assertTrue(s.toMacroOptions().contains("nan=Interpolate mask=[dead pixels] preserve_nan certainty scaled"), s.toMacroOptions());
		final FilterSettings plain = FilterSettings.fromMacroOptions(Operation.CORRELATE, "kernel=laplace mask=<none>");
		assertEquals(MissingData.PROPAGATE, plain.get(FilterSettings.MISSING_DATA));
		assertEquals(null, plain.get(FilterSettings.MASK));
	}

	@Test
	void previewOfAVolumeUsesTheMask() {
		final ImageStack stack = new ImageStack(9, 8), maskStack = new ImageStack(9, 8);
		for (int z = 0; z < 5; z++) {
			final float[] p = new float[72];
			final byte[] m = new byte[72];
			for (int i = 0; i < p.length; i++) {
				p[i] = (i * 5 + z * 3) % 17;
				m[i] = (byte) ((i * 3 + z) % 7 == 0 ? 0 : 1);
			}
			stack.addSlice(new FloatProcessor(9, 8, p));
			maskStack.addSlice(new ByteProcessor(9, 8, m));
		}
		final ImagePlus imp = new ImagePlus("vol", stack), mask = new ImagePlus("m", maskStack);
		imp.setPositionWithoutUpdate(1, 3, 1);
		assertEquals(3, imp.getSlice());
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[gaussian(1,1,1)] nan=Interpolate mask=m");
		final ImagePlus whole = ImageFilter.applyAll(imp, s, s.kernel(null), mask, null).get(0);
		final ImagePlus preview = ImageFilter.preview(imp, s, s.kernel(null), mask, null);
		final float[] a = pixels(whole, 3), b = pixels(preview, 1);
		for (int i = 0; i < a.length; i++)
			assertEquals(a[i], b[i], 1e-4, "pixel " + i);
	}
}
