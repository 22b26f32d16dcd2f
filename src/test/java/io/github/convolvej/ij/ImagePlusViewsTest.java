package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

class ImagePlusViewsTest {

	@Test
	void bytePlaneIsUnsignedAndShared() {
		final ByteProcessor ip = new ByteProcessor(4, 3);
		ip.set(1, 2, 200);
		final ImagePlus imp = new ImagePlus("b", ip);
		final RandomAccessibleInterval< ? extends RealType< ? > > v = ImagePlusViews.plane(imp, 1, 1, 1);
		assertArrayEquals(new long[] { 4, 3 }, v.dimensionsAsLongArray());
		assertEquals(200, at(v, 1, 2));
		ip.set(3, 0, 17); // a change in the source shows in the view: no copy
		assertEquals(17, at(v, 3, 0));
	}

	@Test
	void shortPlaneIsUnsignedAndShared() {
		final ShortProcessor ip = new ShortProcessor(3, 3);
		ip.set(2, 1, 60000);
		final RandomAccessibleInterval< ? extends RealType< ? > > v = ImagePlusViews.plane(new ImagePlus("s", ip), 1, 1, 1);
		assertEquals(60000, at(v, 2, 1));
		ip.set(0, 0, 65535);
		assertEquals(65535, at(v, 0, 0));
	}

	@Test
	void floatPlaneIsShared() {
		final FloatProcessor ip = new FloatProcessor(2, 2, new float[] { -1.5f, 2, 3, 4 });
		final RandomAccessibleInterval< ? extends RealType< ? > > v = ImagePlusViews.plane(new ImagePlus("f", ip), 1, 1, 1);
		assertEquals(-1.5, at(v, 0, 0));
		ip.setf(1, 1, 9.25f);
		assertEquals(9.25, at(v, 1, 1));
	}

	@Test
	void rgbIsThreeReadOnlyChannels() {
		final ColorProcessor ip = new ColorProcessor(3, 2);
		ip.set(1, 1, (10 << 16) | (20 << 8) | 30);
		final ImagePlus imp = new ImagePlus("rgb", ip);
		assertEquals(3, ImagePlusViews.channels(imp));
		assertEquals(10, at(ImagePlusViews.plane(imp, 1, 1, 1), 1, 1));
		assertEquals(20, at(ImagePlusViews.plane(imp, 2, 1, 1), 1, 1));
		assertEquals(30, at(ImagePlusViews.plane(imp, 3, 1, 1), 1, 1));
		final RandomAccessibleInterval< ? extends RealType< ? > > blue = ImagePlusViews.plane(imp, 3, 1, 1);
		ip.set(2, 0, 0xff00ff);
		assertEquals(255, at(blue, 2, 0));
		assertEquals(0, at(ImagePlusViews.plane(imp, 2, 1, 1), 2, 0));
	}

	@Test
	void hyperstackPlanesAndVolumes() {
		final int w = 3, h = 2, nc = 2, nz = 3, nt = 2;
		final ImagePlus imp = hyperstack(w, h, nc, nz, nt);
		for (int t = 1; t <= nt; t++)
			for (int z = 1; z <= nz; z++)
				for (int c = 1; c <= nc; c++)
					assertEquals(code(c, z, t, 2, 1), at(ImagePlusViews.plane(imp, c, z, t), 2, 1));
		final RandomAccessibleInterval< ? extends RealType< ? > > vol = ImagePlusViews.volume(imp, 2, 2);
		assertArrayEquals(new long[] { w, h, nz }, vol.dimensionsAsLongArray());
		for (int z = 1; z <= nz; z++)
			assertEquals(code(2, z, 2, 1, 0), at(vol, 1, 0, z - 1));
		// the volume shares the stack's arrays
		imp.getStack().getProcessor(imp.getStackIndex(2, 3, 2)).setf(0, 1, -7);
		assertEquals(-7, at(vol, 0, 1, 2));
	}

	@Test
	void rgbStackVolume() {
		final ImageStack stack = new ImageStack(2, 2);
		for (int z = 0; z < 3; z++) {
			final ColorProcessor cp = new ColorProcessor(2, 2);
			cp.set(1, 0, (z << 16) | ((10 + z) << 8) | (20 + z));
			stack.addSlice(cp);
		}
		final ImagePlus imp = new ImagePlus("rgb stack", stack);
		final RandomAccessibleInterval< ? extends RealType< ? > > green = ImagePlusViews.volume(imp, 2, 1);
		for (int z = 0; z < 3; z++)
			assertEquals(10 + z, at(green, 1, 0, z));
	}

	@Test
	void virtualStackIsReadPlaneByPlane() {
		final CountingStack stack = new CountingStack(4, 3, 6);
		final ImagePlus imp = new ImagePlus("virtual", stack);
		imp.setDimensions(2, 3, 1);
		stack.reads = 0;
		final RandomAccessibleInterval< ? extends RealType< ? > > plane = ImagePlusViews.plane(imp, 2, 3, 1);
		assertEquals(1, stack.reads);
		assertEquals(imp.getStackIndex(2, 3, 1), at(plane, 0, 0));
		stack.reads = 0;
		final RandomAccessibleInterval< ? extends RealType< ? > > vol = ImagePlusViews.volume(imp, 1, 1);
		assertEquals(3, stack.reads); // the three Z planes of channel 1, not all six
		assertEquals(imp.getStackIndex(1, 2, 1), at(vol, 3, 2, 1));
	}

	@Test
	void axesAndPositions() {
		final ImagePlus imp = hyperstack(2, 2, 2, 1, 3);
		assertEquals(2, ImagePlusViews.spatialAxes(imp));
		assertEquals(3, ImagePlusViews.spatialAxes(hyperstack(2, 2, 1, 2, 1)));
		assertThrows(IllegalArgumentException.class, () -> ImagePlusViews.plane(imp, 3, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> ImagePlusViews.plane(imp, 1, 1, 4));
	}

	/** A float hyperstack whose every pixel encodes its position. */
	static ImagePlus hyperstack(final int w, final int h, final int nc, final int nz, final int nt) {
		final ImageStack stack = new ImageStack(w, h);
		for (int t = 1; t <= nt; t++)
			for (int z = 1; z <= nz; z++)
				for (int c = 1; c <= nc; c++) {
					final FloatProcessor fp = new FloatProcessor(w, h);
					for (int y = 0; y < h; y++)
						for (int x = 0; x < w; x++)
							fp.setf(x, y, code(c, z, t, x, y));
					stack.addSlice("c" + c + "z" + z + "t" + t, fp);
				}
		final ImagePlus imp = new ImagePlus("hyper", stack);
		imp.setDimensions(nc, nz, nt);
		imp.setOpenAsHyperStack(true);
		return imp;
	}

	static float code(final int c, final int z, final int t, final int x, final int y) {
		return 10000 * t + 1000 * z + 100 * c + 10 * y + x;
	}

	static double at(final RandomAccessibleInterval< ? extends RealType< ? > > v, final long... pos) {
		final RandomAccess< ? extends RealType< ? > > ra = v.randomAccess();
		ra.setPosition(pos);
		return ra.get().getRealDouble();
	}

	/** A virtual stack that counts plane reads; plane n holds the value n. */
	static final class CountingStack extends VirtualStack {
		int reads;
		private final int size;

		CountingStack(final int w, final int h, final int size) {
			super(w, h, null, null);
			this.size = size;
		}

		@Override
		public ImageProcessor getProcessor(final int n) {
			reads++;
			final FloatProcessor fp = new FloatProcessor(getWidth(), getHeight());
			fp.set(n);
			return fp;
		}

		@Override
		public int getSize() {
			return size;
		}

		@Override
		public String getSliceLabel(final int n) {
			return "plane " + n;
		}
	}
}
