package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.ImgFactory;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The facade against the defining formula ({@link ReferenceConvolution}) and
 * SciPy's identities, on every boundary, mode, engine and container.
 */
class ConvolutionTest {

	private static final Algorithm[] EXACT_ENGINES = { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.AUTO };

	static double[] random(final Random rnd, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = Math.round(rnd.nextDouble() * 20 - 10);
		return v;
	}

	static int product(final int... dims) {
		int p = 1;
		for (final int d : dims)
			p *= d;
		return p;
	}

	static double[] values(final RandomAccessibleInterval< ? extends RealType< ? > > img) {
		final List< Double > l = new ArrayList<>();
		for (final RealType< ? > t : Views.flatIterable(img))
			l.add(t.getRealDouble());
		return l.stream().mapToDouble(Double::doubleValue).toArray();
	}

	static void assertClose(final double[] expected, final double[] actual, final double relTol, final String what) {
		assertEquals(expected.length, actual.length, what + ": size");
		double scale = 1;
		for (final double e : expected)
			scale = Math.max(scale, Math.abs(e));
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], actual[i], relTol * scale, what + " at " + i);
	}

	private static void checkAgainstReference(final double[] img, final int[] dims, final Kernel k, final Algorithm alg, final String label) {
		for (final Operation op : Operation.values())
			for (final OutputMode mode : OutputMode.values())
				for (final Boundary b : Boundary.values()) {
					if (mode == OutputMode.VALID && !fits(k, dims)) {
						assertThrows(IllegalArgumentException.class, () -> Convolution.apply(ArrayImgs.doubles(img, toLong(dims)), k, new ConvolutionOptions().mode(mode)));
						continue;
					}
					final double[][] ref = ReferenceConvolution.compute(img, dims, k, op, mode, b, 2.5);
					final ConvolutionOptions o = new ConvolutionOptions().operation(op).mode(mode).boundary(b).fillValue(2.5).algorithm(alg);
					final ConvolutionResult< DoubleType > r = Convolution.applyDouble(ArrayImgs.doubles(img, toLong(dims)), k, o);
					final String what = label + " " + op + " " + mode + " " + b + " " + alg;
					assertClose(ref[0], values(r.real()), 1e-12, what);
					if (k.isComplex())
						assertClose(ref[1], values(r.imaginary()), 1e-12, what + " imaginary");
					else
						assertNull(r.imaginary());
				}
	}

	static boolean fits(final Kernel k, final int[] dims) {
		for (int d = 0; d < dims.length; d++)
			if (k.dimension(d) > dims[d])
				return false;
		return true;
	}

	static long[] toLong(final int[] d) {
		final long[] l = new long[d.length];
		for (int i = 0; i < d.length; i++)
			l[i] = d[i];
		return l;
	}

	/** algorithm=Separable on a kernel that is not a product of 1-D factors runs the direct sums, and says so. */
	@Test
	void separableAskedForAnotherKernelRunsDirect() {
		final Img< FloatType > img = ArrayImgs.floats(23, 17);
		final Random rnd = new Random(3);
		for (final FloatType t : img)
			t.set(rnd.nextFloat());
		final Kernel notRankOne = Kernel.parse("1 2 0; 0 1 3; 2 0 1");
		final ConvolutionResult< FloatType > separable = Convolution.apply(img, notRankOne, ConvolutionOptions.convolve().algorithm(Algorithm.SEPARABLE));
		final ConvolutionResult< FloatType > direct = Convolution.apply(img, notRankOne, ConvolutionOptions.convolve().algorithm(Algorithm.DIRECT));
		assertEquals(direct.engine(), separable.engine(), "the direct sums, in float where the vector engine runs");
		assertTrue(separable.engine().startsWith("direct"), separable.engine());
		final Cursor< FloatType > a = separable.real().cursor(), b = direct.real().cursor();
		while (a.hasNext())
			assertEquals(b.next().get(), a.next().get(), 0);
		assertTrue(Convolution.apply(img, Kernel.parse("1 2 1; 2 4 2; 1 2 1"), ConvolutionOptions.convolve().algorithm(Algorithm.SEPARABLE)).engine().startsWith("separable"));
	}

	@Test
	void everyModeBoundaryAndEngineMatchesTheFormula() {
		final Random rnd = new Random(1);
		final int[] dims = { 7, 5 };
		final double[] img = random(rnd, 35);
		// asymmetric, even-sized, and larger than the image along x
		final Kernel[] kernels = {
				Kernel.of(random(rnd, 6), 3, 2),
				Kernel.of(random(rnd, 4), 2, 2).withAnchor(1, 0),
				Kernel.of(random(rnd, 27), 9, 3),
				Kernel.of(new double[] { 1, 2, 1, 2, 4, 2 }, 3, 2), // rank 1: the separable path runs
				Kernel.complex(random(rnd, 9), random(rnd, 9), 3, 3) };
		for (final Kernel k : kernels)
			for (final Algorithm a : EXACT_ENGINES)
				checkAgainstReference(img, dims, k, a, k.toString());
	}

	@Test
	void threeAndFourDimensions() {
		final Random rnd = new Random(2);
		checkAgainstReference(random(rnd, 5 * 4 * 3), new int[] { 5, 4, 3 }, Kernel.of(random(rnd, 12), 3, 2, 2), Algorithm.DIRECT, "3-D");
		checkAgainstReference(random(rnd, 4 * 3 * 3 * 2), new int[] { 4, 3, 3, 2 }, Kernel.of(random(rnd, 8), 2, 2, 1, 2), Algorithm.DIRECT, "4-D");
		// a 2-D kernel on a 3-D image filters each plane
		checkAgainstReference(random(rnd, 5 * 4 * 3), new int[] { 5, 4, 3 }, Kernel.of(random(rnd, 6), 3, 2), Algorithm.AUTO, "2-D kernel on 3-D");
		checkAgainstReference(random(rnd, 6 * 5 * 4), new int[] { 6, 5, 4 }, Kernel.of(new double[] { 1, 2, 1, 2, 4, 2, 3, 6, 3, 6, 12, 6 }, 3, 2, 2), Algorithm.SEPARABLE, "3-D separable");
	}

	@Test
	void convolutionIsCorrelationWithTheConjugateFlippedKernel() {
		final Random rnd = new Random(3);
		final double[] img = random(rnd, 8 * 6);
		final Kernel k = Kernel.complex(random(rnd, 12), random(rnd, 12), 4, 3).withAnchor(3, 0);
		final Kernel kf = k.flip().conjugate();
		assertArrayEquals(new int[] { 0, 2 }, kf.anchor()); // K-1-a
		for (final OutputMode mode : OutputMode.values())
			for (final Boundary b : Boundary.values()) {
				final ConvolutionResult< FloatType > c = Convolution.apply(ArrayImgs.doubles(img, 8, 6), k, ConvolutionOptions.convolve().mode(mode).boundary(b));
				final ConvolutionResult< FloatType > r = Convolution.apply(ArrayImgs.doubles(img, 8, 6), kf, ConvolutionOptions.correlate().mode(mode).boundary(b));
				assertClose(values(c.real()), values(r.real()), 1e-6, mode + " " + b);
				assertClose(values(c.imaginary()), values(r.imaginary()), 1e-6, mode + " " + b);
				assertEquals(c.interval().min(0), r.interval().min(0));
			}
	}

	@Test
	void diracImpulseGivesTheKernel() {
		final Random rnd = new Random(4);
		final Kernel k = Kernel.of(random(rnd, 15), 5, 3);
		final Img< DoubleType > img = ArrayImgs.doubles(11, 9);
		img.randomAccess().setPositionAndGet(5, 4).set(1);
		final Img< FloatType > out = Convolution.apply(img, k, ConvolutionOptions.convolve().boundary(Boundary.FILL)).real();
		final double[] kv = k.real();
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 5; x++)
				// out[p + j - a] = k[j], with a = (2, 1)
				assertEquals(kv[y * 5 + x], out.randomAccess().setPositionAndGet(5 + x - 2, 4 + y - 1).get(), 1e-6);
		double total = 0;
		for (final FloatType t : out)
			total += Math.abs(t.get());
		double ktotal = 0;
		for (final double v : kv)
			ktotal += Math.abs(v);
		assertEquals(ktotal, total, 1e-4);
	}

	@Test
	void linearity() {
		final Random rnd = new Random(5);
		final double[] f = random(rnd, 64), g = random(rnd, 64), h = new double[64];
		for (int i = 0; i < 64; i++)
			h[i] = 2 * f[i] - 3 * g[i];
		final Kernel k = Kernel.of(random(rnd, 9), 3, 3);
		final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.WRAP).mode(OutputMode.FULL);
		final double[] cf = values(Convolution.applyDouble(ArrayImgs.doubles(f, 8, 8), k, o).real());
		final double[] cg = values(Convolution.applyDouble(ArrayImgs.doubles(g, 8, 8), k, o).real());
		final double[] ch = values(Convolution.applyDouble(ArrayImgs.doubles(h, 8, 8), k, o).real());
		for (int i = 0; i < ch.length; i++)
			assertEquals(2 * cf[i] - 3 * cg[i], ch[i], 1e-9);
	}

	@Test
	void everyContainerGivesTheSameNumbers() {
		final Random rnd = new Random(6);
		final int[] dims = { 13, 11, 3 };
		final double[] v = random(rnd, product(dims));
		final Kernel k = Kernel.of(random(rnd, 9), 3, 3);
		final List< ImgFactory< FloatType > > factories = new ArrayList<>();
		factories.add(new ArrayImgFactory<>(new FloatType()));
		factories.add(new PlanarImgFactory<>(new FloatType()));
		factories.add(new CellImgFactory<>(new FloatType(), 4));
		for (final Boundary b : Boundary.values()) {
			final double[] ref = ReferenceConvolution.compute(v, dims, k, Operation.CORRELATE, OutputMode.FULL, b, 7)[0];
			for (final ImgFactory< FloatType > factory : factories) {
				final Img< FloatType > img = factory.create(13, 11, 3);
				final Cursor< FloatType > c = Views.flatIterable(img).cursor();
				for (final double x : v)
					c.next().setReal(x);
				final double[] got = values(Convolution.apply(img, k, ConvolutionOptions.correlate().mode(OutputMode.FULL).boundary(b).fillValue(7)).real());
				assertClose(ref, got, 1e-6, factory.getClass().getSimpleName() + " " + b);
			}
		}
	}

	@Test
	void integerImagesAndNonZeroOrigins() {
		final Random rnd = new Random(7);
		final double[] v = new double[40];
		final Img< UnsignedByteType > img = ArrayImgs.unsignedBytes(8, 5);
		int i = 0;
		for (final UnsignedByteType t : img) {
			t.set(rnd.nextInt(256));
			v[i++] = t.get();
		}
		final Kernel k = Kernel.of(random(rnd, 9), 3, 3);
		final double[] ref = ReferenceConvolution.compute(v, new int[] { 8, 5 }, k, Operation.CONVOLVE, OutputMode.SAME, Boundary.MIRROR, 0)[0];
		final ConvolutionOptions o = ConvolutionOptions.convolve().boundary(Boundary.MIRROR);
		assertClose(ref, values(Convolution.apply(img, k, o).real()), 1e-6, "8-bit");
		final ConvolutionResult< FloatType > shifted = Convolution.apply(Views.translate(img, 100, -50), k, o);
		assertClose(ref, values(shifted.real()), 1e-6, "translated");
		assertEquals(100, shifted.interval().min(0));
		assertEquals(-50, shifted.interval().min(1));
	}

	@Test
	void singleAndMultiThreadedAgree() {
		final Random rnd = new Random(8);
		final double[] v = random(rnd, 64 * 48);
		final Kernel k = Kernel.of(random(rnd, 25), 5, 5);
		final double[] one = values(Convolution.apply(ArrayImgs.doubles(v, 64, 48), k, ConvolutionOptions.convolve().executor(TaskExecutors.singleThreaded())).real());
		final double[] many = values(Convolution.apply(ArrayImgs.doubles(v, 64, 48), k, ConvolutionOptions.convolve().executor(TaskExecutors.numThreads(3))).real());
		assertArrayEquals(one, many);
	}

	@Test
	void cancellationStopsTheWork() {
		final Img< DoubleType > img = ArrayImgs.doubles(256, 256);
		final ProgressListener cancelled = ProgressListener.cancelledWhen(() -> true);
		assertThrows(CancelledException.class, () -> Convolution.apply(img, Kernel.of(new double[] { 1, 2, 3 }, 3), ConvolutionOptions.convolve().progress(cancelled)));
	}

	@Test
	void badInputIsExplained() {
		final Img< DoubleType > img = ArrayImgs.doubles(5, 4);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Convolution.apply(img, Kernel.of(new double[8], 2, 2, 2), ConvolutionOptions.convolve()));
		assertTrue(e.getMessage().contains("3 axes") && e.getMessage().contains("2"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class,
				() -> Convolution.apply(img, Kernel.of(new double[6], 6, 1), ConvolutionOptions.convolve().mode(OutputMode.VALID)));
		assertTrue(e.getMessage().contains("valid") && e.getMessage().contains("6") && e.getMessage().contains("5"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class,
				() -> Convolution.apply(img, Kernel.of(new double[] { 1, Double.NaN }, 2), ConvolutionOptions.convolve()));
		assertTrue(e.getMessage().contains("NaN"), e.getMessage());
	}

	@Test
	void missingInputsAreNamedNotThrownAsNullPointers() {
		final Img< DoubleType > img = ArrayImgs.doubles(5, 4);
		final Kernel k = Kernel.parse("laplace");
		final Map< String, Executable > calls = new LinkedHashMap<>();
		calls.put("No image given", () -> Convolution.apply(null, k, ConvolutionOptions.convolve()));
		calls.put("No kernel given", () -> Convolution.apply(img, null, ConvolutionOptions.convolve()));
		calls.put("No options given", () -> Convolution.apply(img, k, null));
		calls.put("No options given. Use ConvolutionOptions", () -> Convolution.compute(Views.extendBorder(img), k, ArrayImgs.doubles(5, 4), null, null));
		calls.put("No image given.", () -> Convolution.requiredSourceInterval(null, k, ConvolutionOptions.convolve()));
		calls.put("No output mode given. Use one of: full, same, valid.", () -> ConvolutionOptions.convolve().mode(null));
		calls.put("No boundary given. Use one of: symm, mirror, nearest, wrap, fill.", () -> ConvolutionOptions.convolve().boundary(null));
		calls.put("No algorithm given", () -> ConvolutionOptions.convolve().algorithm(null));
		calls.put("No precision given", () -> ConvolutionOptions.convolve().precision(null));
		calls.put("No operation given", () -> ConvolutionOptions.convolve().operation(null));
		calls.forEach((message, call) -> {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, message);
			assertTrue(e.getMessage().startsWith(message), e.getMessage());
		});
	}

	@Test
	void outputSizesPerMode() {
		final Img< DoubleType > img = ArrayImgs.doubles(10, 7);
		final Kernel k = Kernel.of(new double[12], 4, 3);
		assertArrayEquals(new long[] { 13, 9 }, Convolution.apply(img, k, ConvolutionOptions.convolve().mode(OutputMode.FULL)).real().dimensionsAsLongArray());
		assertArrayEquals(new long[] { 10, 7 }, Convolution.apply(img, k, ConvolutionOptions.convolve()).real().dimensionsAsLongArray());
		assertArrayEquals(new long[] { 7, 5 }, Convolution.apply(img, k, ConvolutionOptions.convolve().mode(OutputMode.VALID)).real().dimensionsAsLongArray());
	}

	@Test
	void lowerLevelFormOnImgLib2ExtensionsAgrees() {
		// the facade applies boundaries itself; compute(...) reads ImgLib2's out-of-bounds views
		final Random rnd = new Random(9);
		final int[] dims = { 6, 5, 4 };
		final Img< DoubleType > img = ArrayImgs.doubles(random(rnd, product(dims)), 6, 5, 4);
		final Kernel k = Kernel.of(random(rnd, 7 * 3 * 2), 7, 3, 2).withAnchor(5, 0, 1);
		for (final Boundary b : Boundary.values())
			for (final OutputMode mode : new OutputMode[] { OutputMode.FULL, OutputMode.SAME }) {
				final ConvolutionOptions o = ConvolutionOptions.correlate().mode(mode).boundary(b).fillValue(-3);
				final ConvolutionResult< DoubleType > viaFacade = Convolution.applyDouble(img, k, o);
				final Img< DoubleType > target = ArrayImgs.doubles(viaFacade.real().dimensionsAsLongArray());
				Convolution.compute(b.extend(img, new DoubleType(-3)), k, Views.translate(target, viaFacade.interval().minAsLongArray()), null, o);
				assertClose(values(viaFacade.real()), values(target), 1e-12, b + " " + mode);
			}
	}
}
