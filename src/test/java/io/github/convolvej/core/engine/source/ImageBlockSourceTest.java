package io.github.convolvej.core.engine.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Boundary;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.cell.CellImgFactory;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Rows and blocks read from images, straight from their arrays where they
 * have them, against the boundary rule applied pixel by pixel.
 */
class ImageBlockSourceTest {

	private static final long[] DIMS = { 7, 5, 4 };

	/**
	 * Random values over the type's whole range where it is narrow (the
	 * signed types' negatives, the unsigned types' upper half, both ends), and
	 * from -1000 to 1000 within it otherwise.
	 */
	private static < T extends RealType< T > > RandomAccessibleInterval< T > filled(final Img< T > img, final Random rnd) {
		final T type = img.firstElement();
		final double min = Math.max(type.getMinValue(), -1000), max = Math.min(type.getMaxValue(), 1000);
		int i = 0;
		for (final T t : img)
			t.setReal(i++ == 0 ? min : i == 2 ? max : min + rnd.nextInt((int) (max - min) + 1));
		return img;
	}

	/** Images of every pixel type and container the engines read directly, and some they do not. */
	private static Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > images(final boolean direct) {
		final Random rnd = new Random(1);
		final Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > m = new LinkedHashMap<>();
		if (direct) {
			m.put("float", filled(ArrayImgs.floats(DIMS), rnd));
			m.put("double", filled(ArrayImgs.doubles(DIMS), rnd));
			m.put("ubyte", filled(ArrayImgs.unsignedBytes(DIMS), rnd));
			m.put("byte", filled(ArrayImgs.bytes(DIMS), rnd));
			m.put("ushort", filled(ArrayImgs.unsignedShorts(DIMS), rnd));
			m.put("short", filled(ArrayImgs.shorts(DIMS), rnd));
			m.put("int", filled(ArrayImgs.ints(DIMS), rnd));
			m.put("uint", filled(ArrayImgs.unsignedInts(DIMS), rnd));
			m.put("planar float", filled(PlanarImgs.floats(DIMS), rnd));
			m.put("planar ushort", filled(PlanarImgs.unsignedShorts(DIMS), rnd));
			m.put("planar 2-D", filled(PlanarImgs.floats(9, 4), rnd));
			m.put("translated", Views.translate(filled(ArrayImgs.floats(DIMS), rnd), 5, -3, 2));
			m.put("translated planar", Views.translate(filled(PlanarImgs.unsignedBytes(DIMS), rnd), -4, 0, 7));
			final RandomAccessibleInterval< FloatType > big = filled(ArrayImgs.floats(12, 9, 8), rnd);
			m.put("cropped", Views.interval(big, new FinalInterval(new long[] { 2, 3, 1 }, new long[] { 8, 7, 4 })));
			m.put("cropped zero-min", Views.zeroMin(Views.interval(big, new FinalInterval(new long[] { 4, 1, 2 }, new long[] { 10, 5, 7 }))));
			m.put("1-D", filled(ArrayImgs.floats(13), rnd));
		} else {
			m.put("cells", filled(new CellImgFactory<>(new FloatType(), 3).create(DIMS), rnd));
			m.put("rotated", Views.rotate(filled(ArrayImgs.floats(DIMS), rnd), 0, 1));
			m.put("converted", Converters.convert((RandomAccessibleInterval< FloatType >) filled(ArrayImgs.floats(DIMS), rnd), (a, b) -> b.setReal(a.get() * 2), new FloatType()));
			m.put("inverted", Views.invertAxis(filled(ArrayImgs.shorts(DIMS), rnd), 2));
		}
		return m;
	}

	/** The block value at block position {@code b}, by the rule. */
	private static double expected(final RandomAccessibleInterval< ? extends RealType< ? > > img, final Boundary boundary, final double fill, final Interval block, final long[] b, final RandomAccess< ? extends RealType< ? > > ra) {
		final long[] at = new long[b.length];
		for (int d = 0; d < b.length; d++) {
			final long s = boundary.sourceIndex(block.min(d) + b[d] - img.min(d), img.dimension(d));
			if (s < 0)
				return fill;
			at[d] = img.min(d) + s;
		}
		return ra.setPositionAndGet(at).getRealDouble();
	}

	private static void check(final String name, final RandomAccessibleInterval< ? extends RealType< ? > > img) {
		final Random rnd = new Random(name.hashCode());
		final int n = img.numDimensions();
		final RandomAccess< ? extends RealType< ? > > ra = img.randomAccess();
		for (final Boundary boundary : Boundary.values()) {
			// a block reaching past the image, far past along x (a kernel longer than the image)
			final long[] min = new long[n], max = new long[n];
			for (int d = 0; d < n; d++) {
				min[d] = img.min(d) - (d == 0 ? 11 : 2);
				max[d] = img.max(d) + (d == 0 ? 9 : 3);
			}
			final Interval block = new FinalInterval(min, max);
			final ImageBlockSource source = new ImageBlockSource(img, boundary, -7.5, block);
			final int[] dims = source.dims();
			final RowReader rows = source.rowReader();
			for (int trial = 0; trial < 40; trial++) {
				final int[] at = new int[n];
				for (int d = 0; d < n; d++)
					at[d] = rnd.nextInt(dims[d]);
				final int length = 1 + rnd.nextInt(dims[0] - at[0]);
				final double[] row = new double[length + 3];
				rows.read(at, length, row);
				final double[] want = new double[length + 3];
				final long[] b = new long[n];
				for (int d = 0; d < n; d++)
					b[d] = at[d];
				for (int x = 0; x < length; x++) {
					b[0] = at[0] + x;
					want[x] = expected(img, boundary, -7.5, block, b, ra);
				}
				assertArrayEquals(want, row, 0, name + " " + boundary + " row at " + Arrays.toString(at));
			}
			// the whole block at once
			final Block all = source.readAll();
			final double[] want = new double[all.data.length];
			final long[] b = new long[n];
			for (int i = 0; i < want.length; i++) {
				int rest = i;
				for (int d = 0; d < n; d++) {
					b[d] = rest % dims[d];
					rest /= dims[d];
				}
				want[i] = expected(img, boundary, -7.5, block, b, ra);
			}
			assertArrayEquals(want, all.data, 0, name + " " + boundary + " block");
		}
	}

	@Test
	void arrayAndPlanarImagesAreReadInPlace() {
		images(true).forEach((name, img) -> {
			assertNotNull(PixelBands.of(img).storage(), name + " should be read from its arrays");
			check(name, img);
		});
	}

	@Test
	void otherImagesAreCopiedFirst() {
		images(false).forEach((name, img) -> {
			assertNull(PixelBands.of(img).storage(), name + " has no arrays to read in place");
			check(name, img);
		});
	}

	@Test
	void unsignedValuesStayPositive() {
		final Img< net.imglib2.type.numeric.integer.UnsignedShortType > img = ArrayImgs.unsignedShorts(new short[] { (short) 65535, (short) 40000, 1 }, 3);
		final double[] row = new double[3];
		new ImageBlockSource(img, Boundary.SYMMETRIC, 0, img).rowReader().read(new int[] { 0 }, 3, row);
		assertArrayEquals(new double[] { 65535, 40000, 1 }, row, 0);
	}
}
