package io.github.convolvej.core;

import static io.github.convolvej.core.ConvolutionTest.assertClose;
import static io.github.convolvej.core.ConvolutionTest.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The facade on the shapes the fast paths meet in practice, against the
 * formula: 3x3 and 3x3x3 kernels on odd sizes, a complex kernel, images
 * narrower than the kernel, rows wider than one chunk, pixel types read
 * straight from array and planar images, translated views.
 */
class RowPathsTest {

	private static final Algorithm[] ENGINES = { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.AUTO };

	private static < T extends RealType< T > > RandomAccessibleInterval< T > fill(final Img< T > img, final double[] v) {
		final Cursor< T > c = Views.flatIterable(img).cursor();
		for (final double x : v)
			c.next().setReal(x);
		return img;
	}

	/** The same values as every container and pixel type that holds them exactly. */
	private static List< RandomAccessibleInterval< ? extends RealType< ? > > > images(final double[] v, final long... dims) {
		final List< RandomAccessibleInterval< ? extends RealType< ? > > > l = new ArrayList<>();
		l.add(fill(ArrayImgs.floats(dims), v));
		l.add(fill(ArrayImgs.doubles(dims), v));
		l.add(fill(ArrayImgs.unsignedBytes(dims), v));
		l.add(fill(ArrayImgs.shorts(dims), v));
		l.add(fill(PlanarImgs.floats(dims), v));
		final long[] shift = new long[dims.length];
		for (int d = 0; d < dims.length; d++)
			shift[d] = 3 - 5 * d;
		l.add(Views.translate(fill(ArrayImgs.unsignedShorts(dims), v), shift));
		return l;
	}

	private static double[] pixels(final Random rnd, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = rnd.nextInt(200);
		return v;
	}

	private static void check(final double[] v, final int[] dims, final Kernel k, final OutputMode[] modes) {
		final long[] ld = ConvolutionTest.toLong(dims);
		for (final Operation op : Operation.values())
			for (final OutputMode mode : modes)
				for (final Boundary b : Boundary.values()) {
					final double[][] ref = ReferenceConvolution.compute(v, dims, k, op, mode, b, 3);
					for (final RandomAccessibleInterval< ? extends RealType< ? > > img : images(v, ld))
						for (final Algorithm a : ENGINES) {
							final ConvolutionResult< ? > r = Convolution.applyDouble(img, k, new ConvolutionOptions().operation(op).mode(mode).boundary(b).fillValue(3).algorithm(a));
							final String what = img.getType().getClass().getSimpleName() + " " + img.getClass().getSimpleName() + " " + op + " " + mode + " " + b + " " + a + " " + r.engine();
							assertClose(ref[0], values(r.real()), 1e-12, what);
							if (k.isComplex())
								assertClose(ref[1], values(r.imaginary()), 1e-12, what + " imaginary");
						}
				}
	}

	private static final OutputMode[] SAME = { OutputMode.SAME };
	private static final OutputMode[] ALL = OutputMode.values();

	@Test
	void threeByThreeOnOddSizes() {
		final Random rnd = new Random(1);
		check(pixels(rnd, 13 * 7), new int[] { 13, 7 }, Kernel.parse("laplace"), ALL);
		check(pixels(rnd, 13 * 7), new int[] { 13, 7 }, Kernel.parse("emboss"), ALL);
		check(pixels(rnd, 11 * 9), new int[] { 11, 9 }, Kernel.parse("sobel-x"), SAME); // rank 1: the separable path
	}

	@Test
	void threeByThreeByThreeOnOddSizes() {
		final Random rnd = new Random(2);
		final double[] k = new double[27];
		for (int i = 0; i < 27; i++)
			k[i] = rnd.nextInt(11) - 5;
		check(pixels(rnd, 9 * 7 * 5), new int[] { 9, 7, 5 }, Kernel.of(k, 3, 3, 3), ALL);
		// a 3x3 kernel on each plane of a stack, as for RGB channels
		check(pixels(rnd, 9 * 7 * 3), new int[] { 9, 7, 3 }, Kernel.parse("emboss"), SAME);
	}

	@Test
	void complexKernelBothParts() {
		final Random rnd = new Random(3);
		check(pixels(rnd, 15 * 8), new int[] { 15, 8 }, Kernel.parse("scharr"), ALL);
	}

	@Test
	void imagesNarrowerThanTheKernel() {
		final Random rnd = new Random(4);
		final double[] k = new double[9 * 5];
		for (int i = 0; i < k.length; i++)
			k[i] = rnd.nextInt(7) - 3;
		check(pixels(rnd, 4 * 3), new int[] { 4, 3 }, Kernel.of(k, 9, 5), new OutputMode[] { OutputMode.SAME, OutputMode.FULL });
		check(pixels(rnd, 2 * 6), new int[] { 2, 6 }, Kernel.parse("gaussian(1.5)"), new OutputMode[] { OutputMode.SAME, OutputMode.FULL });
		check(pixels(rnd, 3), new int[] { 3 }, Kernel.of(new double[] { 1, -2, 3, 4, 5, -6, 7 }, 7), new OutputMode[] { OutputMode.SAME, OutputMode.FULL });
	}

	@Test
	void rowsWiderThanAChunk() {
		final Random rnd = new Random(5);
		check(pixels(rnd, 4101 * 3), new int[] { 4101, 3 }, Kernel.parse("laplace"), SAME);
		final double[] k = new double[9 * 2];
		for (int i = 0; i < k.length; i++)
			k[i] = rnd.nextInt(9) - 4;
		check(pixels(rnd, 4099 * 2), new int[] { 4099, 2 }, Kernel.of(k, 9, 2), SAME);
	}
}
