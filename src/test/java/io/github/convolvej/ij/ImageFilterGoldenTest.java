package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import io.github.convolvej.core.GoldenCase;
import io.github.convolvej.core.Kernel;

/**
 * Every convolution golden case of up to three axes through the whole
 * ImageJ path: the case written as macro options (the kernel as matrix
 * text, its anchor, mode, boundary and fill value), parsed by
 * {@link FilterSettings}, applied by {@link ImageFilter} to a 32-bit
 * {@link ImagePlus}, against SciPy's output. Direct engine, so the
 * agreement is the golden README's {@code 1e-5 * max(1, max|expected|)}.
 */
class ImageFilterGoldenTest {

	@TestFactory
	Stream< DynamicTest > everyCaseUpTo3D() {
		final List< GoldenCase > cases = GoldenCase.all().stream().filter(c -> !c.isMatch() && c.image.dims.length <= 3 && !flatVolume(c)).collect(Collectors.toList());
		assertTrue(cases.size() >= 100, "golden cases found: " + cases.size());
		return cases.stream().map(c -> DynamicTest.dynamicTest(c.id + " (" + c.oracle + ")", () -> agreesWithScipy(c)));
	}

	private static void agreesWithScipy(final GoldenCase c) {
		final ImagePlus imp = image(c.image);
		final String options = options(c);
		final FilterSettings settings = FilterSettings.fromMacroOptions(c.operation(), options);
		final Kernel kernel = settings.kernel(null);
		final int axes = Math.max(kernel.numDimensions(), c.kernel.dims.length); // the text has at least two axes
		assertEquals(c.kernelWithAnchor().withDimensions(axes), kernel.withDimensions(axes), "the kernel text reads back as the case's kernel: " + options);
		final ImagePlus result = ImageFilter.apply(imp, settings, kernel, null);
		final int[] dims = c.expected.dims;
		assertEquals(dims[0], result.getWidth(), options);
		assertEquals(dims.length > 1 ? dims[1] : 1, result.getHeight(), options);
		if (c.kernel.isComplex()) {
			assertEquals(4, result.getNChannels(), options);
			assertClose(c.expected.re, values(result, 2), c.expected.maxAbs(), options + " (real part)");
			assertClose(c.expected.im, values(result, 3), c.expected.maxAbs(), options + " (imaginary part)");
		} else {
			assertEquals(dims.length > 2 ? dims[2] : 1, result.getNSlices(), options);
			assertClose(c.expected.re, values(result, 1), c.expected.maxAbs(), options);
		}
	}

	/**
	 * A 3-D case whose image is one plane deep but whose kernel is deeper:
	 * ImageJ holds such an image as a single plane, which has no Z axis for
	 * the kernel (refused, as a 3-D kernel on any 2-D image is).
	 */
	private static boolean flatVolume(final GoldenCase c) {
		return c.image.dims.length == 3 && c.image.dims[2] == 1 && c.kernel.dims.length == 3 && c.kernel.dims[2] > 1;
	}

	/** The case as a macro options string, the kernel written out as text. */
	static String options(final GoldenCase c) {
		final StringBuilder anchor = new StringBuilder();
		for (int d = 0; d < c.anchor.length; d++)
			anchor.append(d == 0 ? "" : ",").append(c.anchor[d]);
		return "kernel=[" + matrix(c.kernel) + "] mode=" + c.mode + " boundary=" + c.boundary + " value=" + MacroOptions.format(c.value) + " anchor=[" + anchor + "] algorithm=Direct" + (c.kernel.isComplex() ? " complex=All" : "");
	}

	/** Rows split by ';' (top to bottom), Z planes by '|', complex entries as {@code a+bi}. */
	private static String matrix(final GoldenCase.Array k) {
		final int w = k.dims[0], h = k.dims.length > 1 ? k.dims[1] : 1, depth = k.dims.length > 2 ? k.dims[2] : 1;
		final StringBuilder sb = new StringBuilder();
		for (int z = 0; z < depth; z++) {
			if (z > 0)
				sb.append(" | ");
			for (int y = 0; y < h; y++) {
				if (y > 0)
					sb.append("; ");
				for (int x = 0; x < w; x++) {
					final int i = (z * h + y) * w + x;
					if (x > 0)
						sb.append(' ');
					sb.append(k.re[i]);
					if (k.im != null)
						sb.append(k.im[i] < 0 ? "-" : "+").append(Math.abs(k.im[i])).append('i');
				}
			}
		}
		return sb.toString();
	}

	/** A 32-bit image: a row for 1-D, a plane for 2-D, a Z stack for 3-D. */
	private static ImagePlus image(final GoldenCase.Array a) {
		final int w = a.dims[0], h = a.dims.length > 1 ? a.dims[1] : 1, depth = a.dims.length > 2 ? a.dims[2] : 1;
		final ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < depth; z++) {
			final float[] plane = new float[w * h];
			for (int i = 0; i < plane.length; i++)
				plane[i] = (float) a.re[z * w * h + i];
			stack.addSlice(new FloatProcessor(w, h, plane));
		}
		return new ImagePlus("case", stack);
	}

	/** Channel {@code c}'s pixels over all slices, x fastest. */
	private static double[] values(final ImagePlus imp, final int c) {
		final int n = imp.getWidth() * imp.getHeight();
		final double[] v = new double[n * imp.getNSlices()];
		for (int z = 1; z <= imp.getNSlices(); z++) {
			final float[] p = (float[]) imp.getStack().getProcessor(imp.getStackIndex(c, z, 1)).getPixels();
			for (int i = 0; i < n; i++)
				v[(z - 1) * n + i] = p[i];
		}
		return v;
	}

	private static void assertClose(final double[] expected, final double[] actual, final double maxAbs, final String what) {
		assertEquals(expected.length, actual.length, what + ": size");
		final double tolerance = 1e-5 * Math.max(1, maxAbs);
		final double[] diff = new double[expected.length];
		for (int i = 0; i < expected.length; i++)
			diff[i] = Math.abs(expected[i] - actual[i]) <= tolerance ? 0 : actual[i];
		assertArrayEquals(new double[expected.length], diff, what + ": values off by more than " + tolerance + " are shown");
	}
}
