package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.Precision;

class FilterSettingsTest {

	@Test
	void defaultsFollowSpec() {
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace");
		assertEquals(Operation.CONVOLVE, s.operation());
		assertEquals("laplace", s.get(FilterSettings.KERNEL));
		assertNull(s.get(FilterSettings.KERNEL_IMAGE));
		assertEquals(OutputMode.SAME, s.get(FilterSettings.MODE));
		assertEquals(Boundary.SYMMETRIC, s.get(FilterSettings.BOUNDARY));
		assertEquals(0, s.get(FilterSettings.VALUE));
		assertNull(s.get(FilterSettings.ANCHOR));
		assertFalse(s.get(FilterSettings.NORMALIZE));
		assertEquals(OutputType.FLOAT, s.get(FilterSettings.OUTPUT));
		assertEquals(ComplexOutput.MAGNITUDE, s.get(FilterSettings.COMPLEX));
		assertEquals(Algorithm.AUTO, s.get(FilterSettings.ALGORITHM));
		assertEquals(Precision.FLOAT, s.get(FilterSettings.PRECISION));
		assertEquals(Precision.FLOAT, s.convolutionOptions().precision());
	}

	@Test
	void precisionDoubleReachesTheCoreAndIsRecorded() {
		final FilterSettings s = parse("kernel=laplace precision=double");
		assertEquals(Precision.DOUBLE, s.get(FilterSettings.PRECISION));
		assertEquals(Precision.DOUBLE, s.convolutionOptions().precision());
		assertTrue(s.toMacroOptions().endsWith(" precision=double"), s.toMacroOptions());
		assertEquals(s, parse(s.toMacroOptions()));
		assertEquals(Precision.FLOAT, parse("kernel=laplace precision=Float").get(FilterSettings.PRECISION));
	}

	@Test
	void specExamplesParse() {
		FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=same boundary=symm value=0 anchor=center output=32-bit");
		assertEquals("0 1 0; 1 -4 1; 0 1 0", s.get(FilterSettings.KERNEL));
		assertEquals(OutputType.FLOAT, s.get(FilterSettings.OUTPUT));

		s = FilterSettings.fromMacroOptions(Operation.CORRELATE, "kernel=[0 -1 1.4142; 1 0 -1; -1.4142 1 0] mode=full boundary=fill value=0");
		assertEquals(OutputMode.FULL, s.get(FilterSettings.MODE));
		assertEquals(Boundary.FILL, s.get(FilterSettings.BOUNDARY));
		assertEquals(Operation.CORRELATE, s.operation());

		s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=scharr complex=Magnitude");
		assertEquals("scharr", s.get(FilterSettings.KERNEL));
		assertEquals(ComplexOutput.MAGNITUDE, s.get(FilterSettings.COMPLEX));

		s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[box(3)] normalize output=[Same as input]");
		assertEquals("box(3)", s.get(FilterSettings.KERNEL));
		assertTrue(s.get(FilterSettings.NORMALIZE));
		assertEquals(OutputType.SAME_AS_INPUT, s.get(FilterSettings.OUTPUT));
	}

	@Test
	void everyKeyIsRead() {
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CORRELATE,
				"kernel_image=[my psf.tif] mode=valid boundary=wrap value=-2.5 anchor=[0,2] normalize output=[Same as input] complex=Phase algorithm=FFT");
		assertNull(s.get(FilterSettings.KERNEL));
		assertEquals("my psf.tif", s.get(FilterSettings.KERNEL_IMAGE));
		assertEquals(OutputMode.VALID, s.get(FilterSettings.MODE));
		assertEquals(Boundary.WRAP, s.get(FilterSettings.BOUNDARY));
		assertEquals(-2.5, s.get(FilterSettings.VALUE));
		assertArrayEquals(new int[] { 0, 2 }, s.get(FilterSettings.ANCHOR));
		assertTrue(s.get(FilterSettings.NORMALIZE));
		assertEquals(OutputType.SAME_AS_INPUT, s.get(FilterSettings.OUTPUT));
		assertEquals(ComplexOutput.PHASE, s.get(FilterSettings.COMPLEX));
		assertEquals(Algorithm.FFT, s.get(FilterSettings.ALGORITHM));
	}

	@Test
	void aliasesAndCase() {
		assertEquals(Boundary.SYMMETRIC, parse("kernel=laplace boundary=reflect").get(FilterSettings.BOUNDARY));
		assertEquals(Boundary.FILL, parse("kernel=laplace boundary=constant").get(FilterSettings.BOUNDARY));
		assertEquals(Boundary.NEAREST, parse("kernel=laplace boundary=edge").get(FilterSettings.BOUNDARY));
		assertEquals(Boundary.WRAP, parse("kernel=laplace boundary=periodic").get(FilterSettings.BOUNDARY));
		assertEquals(ComplexOutput.ALL, parse("kernel=scharr complex=all").get(FilterSettings.COMPLEX));
		assertEquals(Algorithm.SEPARABLE, parse("kernel=laplace algorithm=separable").get(FilterSettings.ALGORITHM));
		assertEquals(OutputType.SAME_AS_INPUT, parse("kernel=laplace output=same").get(FilterSettings.OUTPUT));
	}

	@Test
	void anchorForms() {
		assertArrayEquals(new int[] { 1, 2 }, parse("kernel=laplace anchor=[1,2]").get(FilterSettings.ANCHOR));
		assertArrayEquals(new int[] { 1, 2, 0 }, parse("kernel=laplace anchor=[1, 2, 0]").get(FilterSettings.ANCHOR));
		assertArrayEquals(new int[] { 3, 4 }, parse("kernel=laplace anchor=3,4").get(FilterSettings.ANCHOR));
		assertNull(parse("kernel=laplace anchor=center").get(FilterSettings.ANCHOR));
		assertNull(parse("kernel=laplace anchor=[center]").get(FilterSettings.ANCHOR));
	}

	@Test
	void anAnchorIsAppliedOrRefusedWithTheKernel() {
		// laplace is 3x3: the anchor given, a partial anchor completed with the centre, a third coordinate of 0
		assertArrayEquals(new int[] { 0, 2 }, parse("kernel=laplace anchor=[0,2]").kernel(null).anchor());
		assertArrayEquals(new int[] { 2, 1 }, parse("kernel=laplace anchor=[2]").kernel(null).anchor());
		assertArrayEquals(new int[] { 1, 0 }, parse("kernel=laplace anchor=[1,0,0]").kernel(null).anchor());
		final IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> parse("kernel=laplace anchor=[3,0]").kernel(null));
		assertTrue(outside.getMessage().contains("lies outside the 3x3 kernel: along x it must be from 0 to 2"), outside.getMessage());
		final IllegalArgumentException noAxis = assertThrows(IllegalArgumentException.class, () -> parse("kernel=laplace anchor=[1,1,2]").kernel(null));
		assertTrue(noAxis.getMessage().contains("it has no z axis"), noAxis.getMessage());
	}

	@Test
	void normalizeIsAFlagOutsideBrackets() {
		assertTrue(parse("normalize kernel=laplace").get(FilterSettings.NORMALIZE));
		assertTrue(parse("kernel=laplace normalize").get(FilterSettings.NORMALIZE));
		assertFalse(parse("kernel_image=[normalize me] mode=same").get(FilterSettings.NORMALIZE));
		assertFalse(parse("kernel_image=normalized mode=same").get(FilterSettings.NORMALIZE));
		assertFalse(parse("kernel=laplace denormalize").get(FilterSettings.NORMALIZE));
	}

	@Test
	void kernelImageNoneMeansNoImage() {
		final FilterSettings s = parse("kernel=laplace kernel_image=<none>");
		assertNull(s.get(FilterSettings.KERNEL_IMAGE));
		assertEquals("laplace", s.get(FilterSettings.KERNEL));
	}

	@Test
	void roundTripThroughMacroOptions() {
		final Random random = new Random(42);
		final String[] kernels = { null, "laplace", "0 1 0; 1 -4 1; 0 1 0", "gaussian(2, 1)", "1 2 | 3 4", "[[1,2],[3,4]]" };
		final String[] images = { null, "psf", "my psf.tif", "a=b" };
		final double[] values = { 0, -1, 2.5, 1e-7, -123456.75, Double.NaN, 1e300 };
		for (int i = 0; i < 300; i++) {
			final String kernel = kernels[random.nextInt(kernels.length)];
			String image = images[random.nextInt(images.length)];
			if (kernel == null && image == null)
				image = "psf";
			final FilterSettings.Builder b = FilterSettings.builder(random.nextBoolean() ? Operation.CONVOLVE : Operation.CORRELATE)
					.set(FilterSettings.KERNEL, kernel).set(FilterSettings.KERNEL_IMAGE, image)
					.set(FilterSettings.MODE, OutputMode.values()[random.nextInt(3)])
					.set(FilterSettings.BOUNDARY, Boundary.values()[random.nextInt(Boundary.values().length)])
					.set(FilterSettings.VALUE, values[random.nextInt(values.length)])
					.set(FilterSettings.NORMALIZE, random.nextBoolean())
					.set(FilterSettings.OUTPUT, OutputType.values()[random.nextInt(2)])
					.set(FilterSettings.COMPLEX, ComplexOutput.values()[random.nextInt(5)])
					.set(FilterSettings.ALGORITHM, Algorithm.values()[random.nextInt(4)])
					.set(FilterSettings.PRECISION, Precision.values()[random.nextInt(2)]);
			final int anchorAxes = random.nextInt(4);
			if (anchorAxes > 0) {
				final int[] a = new int[anchorAxes];
				for (int d = 0; d < a.length; d++)
					a[d] = random.nextInt(5);
				b.set(FilterSettings.ANCHOR, a);
			}
			final FilterSettings s = b.build();
			final String options = s.toMacroOptions();
			final FilterSettings back = FilterSettings.fromMacroOptions(s.operation(), options);
			assertEquals(s, back, options);
			assertEquals(options, back.toMacroOptions());
		}
	}

	@Test
	void macroOptionsUseSpecKeys() {
		final String o = FilterSettings.builder(Operation.CONVOLVE).parse(FilterSettings.KERNEL, "0 1 0; 1 -4 1; 0 1 0").set(FilterSettings.ANCHOR, new int[] { 1, 1 }).set(FilterSettings.NORMALIZE, true).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build().toMacroOptions();
		assertEquals("kernel=[0 1 0; 1 -4 1; 0 1 0] mode=same boundary=symm value=0 anchor=[1,1] normalize output=[Same as input] complex=Magnitude algorithm=Auto", o);
	}

	@Test
	void badValuesSayWhatIsAccepted() {
		assertMessage("kernel=laplace mode=middle", "full, same or valid");
		assertMessage("kernel=laplace boundary=zeroes", "symm");
		assertMessage("kernel=laplace value=abc", "number");
		assertMessage("kernel=laplace anchor=[a,b]", "anchor=center");
		assertMessage("kernel=laplace output=16-bit", "Same as input");
		assertMessage("kernel=laplace complex=modulus", "Magnitude");
		assertMessage("kernel=laplace algorithm=fastest", "Auto");
		assertMessage("kernel=laplace precision=half", "float or double");
		assertMessage("mode=same", "No kernel given");
		assertMessage("kernel=[] kernel_image=<none>", "No kernel given");
	}

	@Test
	void kernelFromText() {
		final Kernel laplace = parse("kernel=[0 1 0; 1 -4 1; 0 1 0]").kernel(null);
		assertArrayEquals(new int[] { 3, 3 }, laplace.dimensions());
		assertArrayEquals(new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, laplace.real());
		assertEquals(laplace, parse("kernel=laplace").kernel(null));
		// rows are written top to bottom, x varies fastest
		assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, parse("kernel=[1 2 3; 4 5 6]").kernel(null).real());
		assertArrayEquals(new int[] { 2, 1, 2 }, parse("kernel=[1 2 | 3 4]").kernel(null).dimensions());
		assertTrue(parse("kernel=scharr").kernel(null).isComplex());
		// anchor and normalize apply to text kernels too
		final Kernel box = parse("kernel=[1 1; 1 1] anchor=[1,0] normalize").kernel(null);
		assertArrayEquals(new int[] { 1, 0 }, box.anchor());
		assertArrayEquals(new double[] { 0.25, 0.25, 0.25, 0.25 }, box.real());
	}

	@Test
	void unreadableKernelTextSaysWhere() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("kernel=[1 2; 3]").kernel(null));
		assertFalse(e.getMessage().isEmpty());
		assertThrows(IllegalArgumentException.class, () -> parse("kernel=[1 x 3]").kernel(null));
		assertThrows(IllegalArgumentException.class, () -> parse("kernel=nonsense(3)").kernel(null));
	}

	@Test
	void kernelImageWinsOverText() {
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(1, 1, new float[] { 7 }));
		assertArrayEquals(new double[] { 7 }, parse("kernel=laplace kernel_image=psf").kernel(t -> psf).real());
	}

	@Test
	void kernelFromImage() {
		final float[] values = { 1, 2, 3, 4, 5, 6 };
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(3, 2, values.clone()));
		final FilterSettings s = parse("kernel_image=psf");
		final Kernel k = s.kernel(t -> t.equals("psf") ? psf : null);
		assertArrayEquals(new int[] { 3, 2 }, k.dimensions());
		assertArrayEquals(new double[] { 1, 2, 3, 4, 5, 6 }, k.real());
		assertArrayEquals(new int[] { 1, 0 }, k.anchor());
	}

	@Test
	void kernelFromStackIs3D() {
		final ImageStack stack = new ImageStack(2, 2);
		stack.addSlice(new FloatProcessor(2, 2, new float[] { 1, 2, 3, 4 }));
		stack.addSlice(new FloatProcessor(2, 2, new float[] { 5, 6, 7, 8 }));
		stack.addSlice(new FloatProcessor(2, 2, new float[] { 9, 10, 11, 12 }));
		final ImagePlus psf = new ImagePlus("psf3d", stack);
		final Kernel k = parse("kernel_image=psf3d").kernel(t -> psf);
		assertArrayEquals(new int[] { 2, 2, 3 }, k.dimensions());
		assertEquals(12, k.real()[11]);
	}

	@Test
	void kernelImageProblems() {
		final FilterSettings s = parse("kernel_image=[missing one]");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> s.kernel(t -> null)).getMessage().contains("'missing one'"));
		final ImagePlus rgb = new ImagePlus("rgb", new ColorProcessor(3, 3));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("kernel_image=rgb").kernel(t -> rgb)).getMessage().contains("RGB"));
		final ImageStack stack = new ImageStack(3, 3);
		for (int i = 0; i < 4; i++)
			stack.addSlice(new FloatProcessor(3, 3));
		final ImagePlus channels = new ImagePlus("two channels", stack);
		channels.setDimensions(2, 2, 1);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("kernel_image=x").kernel(t -> channels)).getMessage().contains("channels"));
	}

	@Test
	void anchorIsAppliedAndChecked() {
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(4, 3, new float[12]));
		assertArrayEquals(new int[] { 0, 2 }, parse("kernel_image=psf anchor=[0,2]").kernel(t -> psf).anchor());
		// missing axes keep the default centre (K-1)/2
		assertArrayEquals(new int[] { 3, 1 }, parse("kernel_image=psf anchor=[3]").kernel(t -> psf).anchor());
		// a third coordinate of 0 on a 2-D kernel is fine
		assertArrayEquals(new int[] { 2, 1 }, parse("kernel_image=psf anchor=[2,1,0]").kernel(t -> psf).anchor());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("kernel_image=psf anchor=[4,0]").kernel(t -> psf));
		assertTrue(e.getMessage().contains("outside") && e.getMessage().contains("0 to 3"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> parse("kernel_image=psf anchor=[0,-1]").kernel(t -> psf));
		assertThrows(IllegalArgumentException.class, () -> parse("kernel_image=psf anchor=[0,0,1]").kernel(t -> psf));
	}

	@Test
	void normalizeDividesBySumUnlessZero() {
		final ImagePlus psf = new ImagePlus("psf", new FloatProcessor(2, 2, new float[] { 1, 2, 3, 4 }));
		assertArrayEquals(new double[] { 0.1, 0.2, 0.3, 0.4 }, parse("kernel_image=psf normalize").kernel(t -> psf).real(), 1e-15);
		final ImagePlus edge = new ImagePlus("edge", new FloatProcessor(2, 1, new float[] { -1, 1 }));
		assertArrayEquals(new double[] { -1, 1 }, parse("kernel_image=edge normalize").kernel(t -> edge).real());
	}

	@Test
	void builderReadsTheSameTexts() {
		final FilterSettings a = FilterSettings.builder(Operation.CORRELATE).parse(FilterSettings.KERNEL, "laplace").parse(FilterSettings.MODE, "full").parse(FilterSettings.BOUNDARY, "reflect").set(FilterSettings.VALUE, 3.0).parse(FilterSettings.ANCHOR, "[1,1]").set(FilterSettings.NORMALIZE, true).parse(FilterSettings.OUTPUT, "Same as input").parse(FilterSettings.COMPLEX, "Real").parse(FilterSettings.ALGORITHM, "Direct").build();
		assertEquals(FilterSettings.fromMacroOptions(Operation.CORRELATE, "kernel=laplace mode=full boundary=symm value=3 anchor=[1,1] normalize output=[Same as input] complex=Real algorithm=Direct"), a);
		assertEquals(a, a.toBuilder().build());
		assertSame(Operation.CORRELATE, a.toBuilder().build().operation());
	}

	private static FilterSettings parse(final String options) {
		return FilterSettings.fromMacroOptions(Operation.CONVOLVE, options);
	}

	private static void assertMessage(final String options, final String part) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(options));
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
