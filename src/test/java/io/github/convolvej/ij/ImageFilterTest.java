package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.FormulaReference;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;

/**
 * Result images checked pixel by pixel against the defining formula
 * ({@link FormulaReference}), with the agreement the golden cases use:
 * {@code |got - expected| <= 1e-5 * max(1, max|expected|)}.
 */
class ImageFilterTest {

	private static final Kernel SCHARR = Kernel.complex(
			new double[] { -3, 0, 3, -10, 0, 10, -3, 0, 3 },
			new double[] { -3, -10, -3, 0, 0, 0, 3, 10, 3 }, 3, 3);

	private final Random random = new Random(7);

	@Test
	void eightBitEveryOperationModeAndBoundary() {
		final ImagePlus imp = new ImagePlus("b", randomBytes(9, 7));
		final Kernel k = randomKernel(3, 4);
		for (final Operation op : Operation.values())
			for (final OutputMode mode : OutputMode.values())
				for (final Boundary b : Boundary.values()) {
					final FilterSettings s = settings(op).set(FilterSettings.MODE, mode).set(FilterSettings.BOUNDARY, b).set(FilterSettings.VALUE, 7.5).build();
					final ImagePlus r = ImageFilter.apply(imp, s, k, null);
					assertEquals(32, r.getBitDepth());
					final double[][] ref = FormulaReference.compute(values(imp.getProcessor()), new int[] { 9, 7 }, k, op, mode, b, 7.5);
					assertClose(ref[0], values(r.getProcessor()), op + " " + mode + " " + b);
				}
	}

	@Test
	void sixteenBitUsesUnsignedValues() {
		final ShortProcessor ip = new ShortProcessor(8, 6);
		for (int i = 0; i < 48; i++)
			ip.set(i, 40000 + random.nextInt(25536));
		final ImagePlus imp = new ImagePlus("s", ip);
		final Kernel k = randomKernel(5, 3);
		final FilterSettings s = settings(Operation.CORRELATE).set(FilterSettings.MODE, OutputMode.VALID).build();
		final ImagePlus r = ImageFilter.apply(imp, s, k, null);
		assertEquals(4, r.getWidth());
		assertEquals(4, r.getHeight());
		final double[][] ref = FormulaReference.compute(values(ip), new int[] { 8, 6 }, k, Operation.CORRELATE, OutputMode.VALID, Boundary.SYMMETRIC, 0);
		assertClose(ref[0], values(r.getProcessor()), "16-bit");
	}

	/**
	 * A result rounded to whole numbers is rounded from the exact sum: with
	 * float sums (the vector engines) a 16-bit sum such as 52624.49 came out
	 * as 52624.5 and was rounded up. Every pixel equals the double formula's
	 * value rounded half up and clipped, on 8 and 16 bits.
	 */
	@Test
	void wholeNumberResultsAreRoundedFromExactSums() {
		final Kernel k = Kernel.of(new double[] { -0.31, 0.73, -0.66, -0.58, -0.69, -1.35, 2.41, -0.19, -0.35 }, 3, 3);
		final int w = 300, h = 200;
		for (final int bits : new int[] { 8, 16 }) {
			final ImageProcessor ip = bits == 8 ? new ByteProcessor(w, h) : new ShortProcessor(w, h);
			for (int i = 0; i < w * h; i++)
				ip.set(i, random.nextInt(bits == 8 ? 256 : 65536));
			final FilterSettings s = settings(Operation.CORRELATE).set(FilterSettings.BOUNDARY, Boundary.NEAREST).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build();
			final ImageProcessor r = ImageFilter.apply(new ImagePlus("whole", ip), s, k, null).getProcessor();
			final double[] ref = FormulaReference.compute(values(ip), new int[] { w, h }, k, Operation.CORRELATE, OutputMode.SAME, Boundary.NEAREST, 0)[0];
			final double max = bits == 8 ? 255 : 65535;
			for (int i = 0; i < ref.length; i++) {
				final double v = Math.min(max, Math.max(0, ref[i]));
				// a sum that is a whole number and a half in decimals lies within double rounding of it either way
				if (Math.abs(v - Math.floor(v) - 0.5) > 1e-7)
					assertEquals(Math.floor(v + 0.5), r.get(i), 0, bits + "-bit pixel " + i + ", exact sum " + ref[i]);
			}
		}
	}

	@Test
	void floatKeepsNegativeValues() {
		final FloatProcessor ip = randomFloats(7, 5);
		final Kernel laplace = Kernel.of(new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3);
		final ImagePlus r = ImageFilter.apply(new ImagePlus("f", ip), settings(Operation.CONVOLVE).set(FilterSettings.BOUNDARY, Boundary.MIRROR).build(), laplace, null);
		final double[][] ref = FormulaReference.compute(values(ip), new int[] { 7, 5 }, laplace, Operation.CONVOLVE, OutputMode.SAME, Boundary.MIRROR, 0);
		assertClose(ref[0], values(r.getProcessor()), "32-bit");
		assertTrue(min(values(r.getProcessor())) < 0);
	}

	@Test
	void rgbGivesThreeChannelsIn32Bit() {
		final ColorProcessor cp = randomRgb(6, 5);
		final ImagePlus imp = new ImagePlus("rgb", cp);
		final Kernel k = randomKernel(3, 3);
		final ImagePlus r = ImageFilter.apply(imp, settings(Operation.CONVOLVE).set(FilterSettings.MODE, OutputMode.FULL).build(), k, null);
		assertTrue(r.isComposite());
		assertEquals(3, r.getNChannels());
		assertEquals(32, r.getBitDepth());
		final String[] names = { "Red", "Green", "Blue" };
		for (int c = 1; c <= 3; c++) {
			final double[][] ref = FormulaReference.compute(channel(cp, c), new int[] { 6, 5 }, k, Operation.CONVOLVE, OutputMode.FULL, Boundary.SYMMETRIC, 0);
			assertClose(ref[0], values(r.getStack().getProcessor(c)), "channel " + c);
			assertEquals(names[c - 1], r.getStack().getSliceLabel(c));
		}
	}

	@Test
	void rgbSameAsInputRoundsAndClipsEachChannel() {
		final ColorProcessor cp = randomRgb(6, 5);
		final Kernel k = randomKernel(3, 3);
		final ImagePlus r = ImageFilter.apply(new ImagePlus("rgb", cp), settings(Operation.CORRELATE).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build(), k, null);
		assertEquals(24, r.getBitDepth());
		assertEquals(1, r.getStackSize());
		final ColorProcessor out = (ColorProcessor) r.getProcessor();
		for (int c = 1; c <= 3; c++) {
			final double[] ref = FormulaReference.compute(channel(cp, c), new int[] { 6, 5 }, k, Operation.CORRELATE, OutputMode.SAME, Boundary.SYMMETRIC, 0)[0];
			assertArrayEquals(roundClip(ref, 255), channel(out, c), "channel " + c);
		}
	}

	@Test
	void sameAsInputRoundsHalfUpAndClips() {
		final ByteProcessor bp = new ByteProcessor(5, 1, new byte[] { 1, 3, 5, (byte) 250, 0 });
		final ImagePlus bytes = new ImagePlus("b", bp);
		final FilterSettings same = settings(Operation.CONVOLVE).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build();
		ImagePlus r = ImageFilter.apply(bytes, same, Kernel.of(new double[] { 0.5 }, 1), null);
		assertEquals(8, r.getBitDepth());
		// 0.5 -> 1, 1.5 -> 2, 2.5 -> 3 (half up, not to even), 125, 0
		assertArrayEquals(new double[] { 1, 2, 3, 125, 0 }, values(r.getProcessor()));
		r = ImageFilter.apply(bytes, same, Kernel.of(new double[] { -1 }, 1), null);
		assertArrayEquals(new double[] { 0, 0, 0, 0, 0 }, values(r.getProcessor()));
		r = ImageFilter.apply(bytes, same, Kernel.of(new double[] { 2 }, 1), null);
		assertArrayEquals(new double[] { 2, 6, 10, 255, 0 }, values(r.getProcessor()));

		final ShortProcessor sp = new ShortProcessor(3, 1, new short[] { 3, (short) 50000, 1 }, null);
		r = ImageFilter.apply(new ImagePlus("s", sp), same, Kernel.of(new double[] { 1.5 }, 1), null);
		assertEquals(16, r.getBitDepth());
		assertArrayEquals(new double[] { 5, 65535, 2 }, values(r.getProcessor()));

		// 32-bit input stays 32-bit, unrounded
		r = ImageFilter.apply(new ImagePlus("f", new FloatProcessor(2, 1, new float[] { 3, -1 })), same, Kernel.of(new double[] { 0.5 }, 1), null);
		assertEquals(32, r.getBitDepth());
		assertArrayEquals(new double[] { 1.5, -0.5 }, values(r.getProcessor()));
	}

	@Test
	void sameAsInputMatchesTheFormulaOnRandomImages() {
		final ImagePlus imp = new ImagePlus("b", randomBytes(8, 8));
		final Kernel k = randomKernel(3, 3);
		final ImagePlus r = ImageFilter.apply(imp, settings(Operation.CONVOLVE).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build(), k, null);
		final double[] ref = FormulaReference.compute(values(imp.getProcessor()), new int[] { 8, 8 }, k, Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0)[0];
		assertArrayEquals(roundClip(ref, 255), values(r.getProcessor()));
	}

	@Test
	void hyperstackWith2DKernelFiltersEachPlane() {
		final int w = 6, h = 5, nc = 2, nz = 3, nt = 2;
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(w, h, nc, nz, nt);
		final Kernel k = randomKernel(3, 2);
		final ImagePlus r = ImageFilter.apply(imp, settings(Operation.CORRELATE).set(FilterSettings.MODE, OutputMode.FULL).set(FilterSettings.BOUNDARY, Boundary.WRAP).build(), k, null);
		assertArrayEquals(new int[] { w + 2, h + 1, nc, nz, nt }, r.getDimensions());
		assertTrue(r.isHyperStack());
		for (int t = 1; t <= nt; t++)
			for (int z = 1; z <= nz; z++)
				for (int c = 1; c <= nc; c++) {
					final int i = imp.getStackIndex(c, z, t);
					final double[] ref = FormulaReference.compute(values(imp.getStack().getProcessor(i)), new int[] { w, h }, k, Operation.CORRELATE, OutputMode.FULL, Boundary.WRAP, 0)[0];
					assertClose(ref, values(r.getStack().getProcessor(r.getStackIndex(c, z, t))), "c" + c + " z" + z + " t" + t);
					assertEquals(imp.getStack().getSliceLabel(i), r.getStack().getSliceLabel(r.getStackIndex(c, z, t)));
				}
	}

	@Test
	void hyperstackWith3DKernelFiltersEachVolume() {
		final int w = 5, h = 4, nc = 2, nz = 4, nt = 2;
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(w, h, nc, nz, nt);
		final Kernel k = randomKernel(3, 2, 2);
		for (final OutputMode mode : OutputMode.values()) {
			final ImagePlus r = ImageFilter.apply(imp, settings(Operation.CONVOLVE).set(FilterSettings.MODE, mode).set(FilterSettings.BOUNDARY, Boundary.NEAREST).build(), k, null);
			final int outZ = mode == OutputMode.FULL ? nz + 1 : mode == OutputMode.VALID ? nz - 1 : nz;
			assertEquals(outZ, r.getNSlices(), mode.label());
			assertEquals(nc, r.getNChannels());
			assertEquals(nt, r.getNFrames());
			for (int t = 1; t <= nt; t++)
				for (int c = 1; c <= nc; c++) {
					final double[] ref = FormulaReference.compute(volume(imp, c, t), new int[] { w, h, nz }, k, Operation.CONVOLVE, mode, Boundary.NEAREST, 0)[0];
					assertClose(ref, volume(r, c, t), mode + " c" + c + " t" + t);
				}
		}
	}

	@Test
	void complexKernelParts() {
		final ImagePlus imp = new ImagePlus("b", randomBytes(7, 6));
		final double[][] ref = FormulaReference.compute(values(imp.getProcessor()), new int[] { 7, 6 }, SCHARR, Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0);
		final int n = ref[0].length;
		final double[] magnitude = new double[n], phase = new double[n];
		for (int i = 0; i < n; i++) {
			magnitude[i] = Math.hypot(ref[0][i], ref[1][i]);
			phase[i] = Math.atan2(ref[1][i], ref[0][i]);
		}
		assertClose(magnitude, values(complex(imp, ComplexOutput.MAGNITUDE).getProcessor()), "magnitude");
		assertClose(ref[0], values(complex(imp, ComplexOutput.REAL).getProcessor()), "real");
		assertClose(ref[1], values(complex(imp, ComplexOutput.IMAGINARY).getProcessor()), "imaginary");
		assertPhaseClose(ref, values(complex(imp, ComplexOutput.PHASE).getProcessor()));

		final ImagePlus all = complex(imp, ComplexOutput.ALL);
		assertEquals(4, all.getNChannels());
		assertTrue(all.isComposite());
		final String[] labels = { "Magnitude", "Real", "Imaginary", "Phase" };
		for (int c = 1; c <= 4; c++)
			assertEquals(labels[c - 1], all.getStack().getSliceLabel(c));
		assertClose(magnitude, values(all.getStack().getProcessor(1)), "all: magnitude");
		assertClose(ref[0], values(all.getStack().getProcessor(2)), "all: real");
		assertClose(ref[1], values(all.getStack().getProcessor(3)), "all: imaginary");
		assertPhaseClose(ref, values(all.getStack().getProcessor(4)));
	}

	@Test
	void complexAllOnSeveralChannelsGivesFourPerChannel() {
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(5, 4, 2, 1, 1);
		final ImagePlus all = ImageFilter.apply(imp, settings(Operation.CORRELATE).set(FilterSettings.COMPLEX, ComplexOutput.ALL).build(), SCHARR, null);
		assertEquals(8, all.getNChannels());
		assertEquals("C1 Magnitude", all.getStack().getSliceLabel(1));
		assertEquals("C2 Phase", all.getStack().getSliceLabel(8));
		final double[][] ref = FormulaReference.compute(values(imp.getStack().getProcessor(2)), new int[] { 5, 4 }, SCHARR, Operation.CORRELATE, OutputMode.SAME, Boundary.SYMMETRIC, 0);
		assertClose(ref[1], values(all.getStack().getProcessor(7)), "C2 Imaginary");

		final ImagePlus rgb = new ImagePlus("rgb", randomRgb(4, 4));
		assertEquals(12, ImageFilter.apply(rgb, settings(Operation.CONVOLVE).set(FilterSettings.COMPLEX, ComplexOutput.ALL).build(), SCHARR, null).getNChannels());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ImageFilter.apply(rgb, settings(Operation.CONVOLVE).set(FilterSettings.COMPLEX, ComplexOutput.ALL).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build(), SCHARR, null));
		assertTrue(e.getMessage().contains("output=32-bit"), e.getMessage());
	}

	@Test
	void calibrationShiftsSoPhysicalCoordinatesLineUp() {
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(8, 6, 1, 5, 1);
		final Calibration cal = imp.getCalibration();
		cal.pixelWidth = 0.5;
		cal.pixelHeight = 0.25;
		cal.pixelDepth = 2;
		cal.xOrigin = 3;
		cal.yOrigin = -2;
		cal.zOrigin = 1;
		cal.setUnit("um");
		final Kernel k = randomKernel(5, 4, 3).withAnchor(1, 3, 0);
		for (final Operation op : Operation.values())
			for (final OutputMode mode : OutputMode.values()) {
				final ImagePlus r = ImageFilter.apply(imp, settings(op).set(FilterSettings.MODE, mode).build(), k, null);
				final Calibration rc = r.getCalibration();
				assertEquals(cal.getUnit(), rc.getUnit());
				assertEquals(0.5, rc.pixelWidth);
				// result pixel i lies on source pixel i + min; min per axis from the formula
				final int[] dims = k.dimensions(), a = k.anchor();
				for (int d = 0; d < 3; d++) {
					final int ac = op == Operation.CORRELATE ? a[d] : dims[d] - 1 - a[d];
					final int min = mode == OutputMode.FULL ? -(dims[d] - 1 - ac) : mode == OutputMode.VALID ? ac : 0;
					for (int i = 0; i < 3; i++) {
						final String what = op + " " + mode + " axis " + d;
						if (d == 0)
							assertEquals(cal.getX(i + min), rc.getX(i), 1e-12, what);
						else if (d == 1)
							assertEquals(cal.getY(i + min, imp.getHeight()), rc.getY(i, r.getHeight()), 1e-12, what);
						else
							assertEquals(cal.getZ(i + min), rc.getZ(i), 1e-12, what);
					}
				}
			}
	}

	@Test
	void titleAndUnchangedSource() {
		final ByteProcessor bp = randomBytes(6, 6);
		final ImagePlus imp = new ImagePlus("blobs.gif", bp);
		imp.getCalibration().pixelWidth = 0.3;
		final byte[] before = ((byte[]) bp.getPixels()).clone();
		ImagePlus r = ImageFilter.apply(imp, settings(Operation.CONVOLVE).set(FilterSettings.MODE, OutputMode.FULL).set(FilterSettings.OUTPUT, OutputType.SAME_AS_INPUT).build(), randomKernel(3, 3), null);
		assertEquals("blobs.gif-convolved", r.getTitle());
		r = ImageFilter.apply(imp, settings(Operation.CORRELATE).set(FilterSettings.MODE, OutputMode.VALID).build(), SCHARR, null);
		assertEquals("blobs.gif-correlated", r.getTitle());
		assertArrayEquals(before, (byte[]) imp.getProcessor().getPixels());
		assertEquals("blobs.gif", imp.getTitle());
		assertEquals(0.3, imp.getCalibration().pixelWidth);
		assertEquals(0, imp.getCalibration().xOrigin);
		assertFalse(imp.changes);
	}

	@Test
	void badInputIsRefusedWithAMessage() {
		final ImagePlus flat = new ImagePlus("flat", randomBytes(5, 5));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.apply(flat, settings(Operation.CONVOLVE).build(), randomKernel(3, 3, 3), null));
		assertTrue(e.getMessage().contains("spatial axes"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.apply(flat, settings(Operation.CONVOLVE).build(), Kernel.of(new double[] { 1, Double.NaN, 1 }, 3), null));
		assertTrue(e.getMessage().contains("NaN"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.apply(flat, settings(Operation.CONVOLVE).set(FilterSettings.MODE, OutputMode.VALID).build(), randomKernel(7, 3), null));
		assertTrue(e.getMessage().contains("mode=valid") && e.getMessage().contains("mode=same"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> ImageFilter.apply(null, settings(Operation.CONVOLVE).build(), randomKernel(3, 3), null));
		assertTrue(e.getMessage().contains("No image"), e.getMessage());
	}

	@Test
	void allZeroAndPaddedKernelsAreFine() {
		final ImagePlus flat = new ImagePlus("flat", randomBytes(5, 4));
		final ImagePlus zero = ImageFilter.apply(flat, settings(Operation.CONVOLVE).build(), Kernel.of(new double[9], 3, 3), null);
		assertArrayEquals(new double[20], values(zero.getProcessor()));
		// a 3-D kernel one plane deep is a 2-D kernel
		final Kernel k = randomKernel(3, 3);
		final ImagePlus deep = ImageFilter.apply(flat, settings(Operation.CONVOLVE).build(), Kernel.of(k.real(), 3, 3, 1), null);
		assertArrayEquals(values(ImageFilter.apply(flat, settings(Operation.CONVOLVE).build(), k, null).getProcessor()), values(deep.getProcessor()));
	}

	@Test
	void cancellingCreatesNothing() {
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(16, 16, 2, 3, 2);
		final AtomicInteger calls = new AtomicInteger();
		final ProgressListener cancelAfterFirst = new ProgressListener() {
			@Override
			public void progress(final double fraction) {
				calls.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return calls.get() > 0;
			}
		};
		assertThrows(CancelledException.class, () -> ImageFilter.apply(imp, settings(Operation.CONVOLVE).build(), randomKernel(3, 3), cancelAfterFirst));
		final ProgressListener cancelled = ProgressListener.cancelledWhen(() -> true);
		assertThrows(CancelledException.class, () -> ImageFilter.apply(imp, settings(Operation.CONVOLVE).build(), randomKernel(3, 3), cancelled));
	}

	@Test
	void progressRunsFromZeroToOne() {
		final List< Double > seen = Collections.synchronizedList(new ArrayList<>());
		final ProgressListener p = ProgressListener.reporting(seen::add);
		ImageFilter.apply(ImagePlusViewsTest.hyperstack(8, 8, 2, 2, 2), settings(Operation.CONVOLVE).build(), randomKernel(3, 3), p);
		assertEquals(1.0, seen.get(seen.size() - 1));
		for (final double f : seen)
			assertTrue(f >= 0 && f <= 1, "fraction " + f);
	}

	@Test
	void previewIsTheResultsCurrentPlane() {
		final ImagePlus imp = ImagePlusViewsTest.hyperstack(7, 6, 2, 4, 2);
		imp.setPosition(2, 3, 2);
		final Kernel k2 = randomKernel(3, 3);
		final FilterSettings s = settings(Operation.CONVOLVE).set(FilterSettings.MODE, OutputMode.FULL).build();
		ImagePlus preview = ImageFilter.preview(imp, s, k2, null);
		ImagePlus full = ImageFilter.apply(imp, s, k2, null);
		assertEquals(1, preview.getStackSize());
		assertArrayEquals(values(full.getStack().getProcessor(full.getStackIndex(2, 3, 2))), values(preview.getProcessor()));

		final Kernel k3 = randomKernel(3, 3, 3);
		for (final OutputMode mode : OutputMode.values()) {
			final FilterSettings s3 = settings(Operation.CORRELATE).set(FilterSettings.MODE, mode).set(FilterSettings.BOUNDARY, Boundary.FILL).set(FilterSettings.VALUE, 2.0).build();
			preview = ImageFilter.preview(imp, s3, k3, null);
			full = ImageFilter.apply(imp, s3, k3, null);
			// the output plane at image slice 3 (index 2): output index 2 - min
			final int min = mode == OutputMode.FULL ? -1 : mode == OutputMode.VALID ? 1 : 0;
			assertClose(values(full.getStack().getProcessor(full.getStackIndex(2, 2 - min + 1, 2))), values(preview.getProcessor()), "preview " + mode);
		}
	}

	@Test
	void virtualStacksAreReadPlaneByPlane() {
		final ImagePlusViewsTest.CountingStack stack = new ImagePlusViewsTest.CountingStack(6, 5, 4);
		final ImagePlus imp = new ImagePlus("virtual", stack);
		stack.reads = 0;
		final Kernel k = randomKernel(3, 3);
		final ImagePlus r = ImageFilter.apply(imp, settings(Operation.CONVOLVE).build(), k, null);
		assertEquals(4, r.getStackSize());
		for (int n = 1; n <= 4; n++) {
			final double[] plane = new double[30];
			java.util.Arrays.fill(plane, n);
			assertClose(FormulaReference.compute(plane, new int[] { 6, 5 }, k, Operation.CONVOLVE, OutputMode.SAME, Boundary.SYMMETRIC, 0)[0], values(r.getStack().getProcessor(n)), "plane " + n);
			assertEquals("plane " + n, r.getStack().getSliceLabel(n));
		}
		assertTrue(stack.reads <= 8, "planes read: " + stack.reads); // each plane once for pixels (labels may read none)
	}

	// --- images, settings and comparisons

	private static FilterSettings.Builder settings(final Operation op) {
		return FilterSettings.builder(op).parse(FilterSettings.KERNEL, "given separately");
	}

	private ImagePlus complex(final ImagePlus imp, final ComplexOutput part) {
		return ImageFilter.apply(imp, settings(Operation.CONVOLVE).set(FilterSettings.COMPLEX, part).build(), SCHARR, null);
	}

	private Kernel randomKernel(final int... dims) {
		int n = 1;
		for (final int d : dims)
			n *= d;
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = random.nextInt(9) - 4 + (random.nextBoolean() ? 0.5 : 0);
		return Kernel.of(v, dims);
	}

	private ByteProcessor randomBytes(final int w, final int h) {
		final ByteProcessor bp = new ByteProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			bp.set(i, random.nextInt(256));
		return bp;
	}

	private FloatProcessor randomFloats(final int w, final int h) {
		final FloatProcessor fp = new FloatProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			fp.setf(i, (float) (random.nextGaussian() * 50));
		return fp;
	}

	private ColorProcessor randomRgb(final int w, final int h) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			cp.set(i, random.nextInt(1 << 24));
		return cp;
	}

	static double[] values(final ImageProcessor ip) {
		final double[] v = new double[ip.getPixelCount()];
		for (int i = 0; i < v.length; i++)
			v[i] = ip.getf(i);
		return v;
	}

	private static double[] channel(final ColorProcessor cp, final int c) {
		final int[] p = (int[]) cp.getPixels();
		final double[] v = new double[p.length];
		for (int i = 0; i < p.length; i++)
			v[i] = (p[i] >> (8 * (3 - c))) & 0xff;
		return v;
	}

	private static double[] volume(final ImagePlus imp, final int c, final int t) {
		final int n = imp.getWidth() * imp.getHeight();
		final double[] v = new double[n * imp.getNSlices()];
		for (int z = 1; z <= imp.getNSlices(); z++)
			System.arraycopy(values(imp.getStack().getProcessor(imp.getStackIndex(c, z, t))), 0, v, (z - 1) * n, n);
		return v;
	}

	/** Rounded half up and clipped: the "Same as input" rule written out. */
	private static double[] roundClip(final double[] v, final int max) {
		final double[] r = new double[v.length];
		for (int i = 0; i < v.length; i++)
			r[i] = Math.min(max, Math.max(0, Math.floor(v[i] + 0.5)));
		return r;
	}

	private static double min(final double[] v) {
		double m = Double.POSITIVE_INFINITY;
		for (final double x : v)
			m = Math.min(m, x);
		return m;
	}

	static void assertClose(final double[] expected, final double[] actual, final String what) {
		assertEquals(expected.length, actual.length, what + ": size");
		double scale = 1;
		for (final double e : expected)
			scale = Math.max(scale, Math.abs(e));
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], 1e-5 * scale, what + " at " + i);
	}

	/** Phase compared where the magnitude is not tiny (where float rounding can flip the angle's sign). */
	private static void assertPhaseClose(final double[][] ref, final double[] phase) {
		for (int i = 0; i < phase.length; i++) {
			if (Math.hypot(ref[0][i], ref[1][i]) < 1e-3)
				continue;
			assertEquals(Math.atan2(ref[1][i], ref[0][i]), phase[i], 1e-4, "phase at " + i);
		}
	}
}
