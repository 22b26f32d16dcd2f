package io.github.convolvej.core.engine.source;

import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.transform.integer.MixedTransform;
import net.imglib2.view.IntervalView;
import net.imglib2.view.MixedTransformView;

/**
 * The primitive arrays behind an {@link ArrayImg} or {@link PlanarImg}, also
 * when seen through cropping or translating views, so that rows are widened
 * straight from the image's own memory instead of being copied first.
 * Other images (cells, converted or transformed views) have no storage here
 * and are read through {@link PixelBands}.
 */
final class PixelStorage {

	/** One array per plane; a single one for an {@link ArrayImg}. */
	private final Object[] planes;
	private final long planeSize;
	/** Flat index steps of the underlying image, per axis. */
	private final long[] strides;
	/** Underlying coordinates of the view's first pixel. */
	private final long[] origin;

	private PixelStorage(final Object[] planes, final long planeSize, final long[] strides, final long[] origin) {
		this.planes = planes;
		this.planeSize = planeSize;
		this.strides = strides;
		this.origin = origin;
	}

	/**
	 * The storage of {@code image}, whose arrays must be of the class of
	 * {@code arrayClass}; null when the image is not backed that way.
	 */
	static PixelStorage of(final RandomAccessibleInterval< ? > image, final Class< ? > arrayClass) {
		final int n = image.numDimensions();
		final long[] origin = image.minAsLongArray();
		RandomAccessible< ? > ra = image;
		while (!(ra instanceof ArrayImg || ra instanceof PlanarImg)) {
			if (ra instanceof IntervalView)
				ra = ((IntervalView< ? >) ra).getSource();
			else if (ra instanceof MixedTransformView) {
				final MixedTransform t = ((MixedTransformView< ? >) ra).getTransformToSource();
				if (!isTranslation(t, n))
					return null;
				final long[] source = new long[n];
				t.apply(origin, source);
				System.arraycopy(source, 0, origin, 0, n);
				ra = ((MixedTransformView< ? >) ra).getSource();
			} else
				return null;
		}
		final Img< ? > img = (Img< ? >) ra;
		if (img.numDimensions() != n)
			return null;
		final long[] strides = new long[n];
		long st = 1;
		for (int d = 0; d < n; d++) {
			if (origin[d] < 0 || origin[d] + image.dimension(d) > img.dimension(d))
				return null;
			strides[d] = st;
			st *= img.dimension(d);
		}
		final Object[] planes;
		final long planeSize;
		if (img instanceof ArrayImg) {
			planes = new Object[] { storage(((ArrayImg< ?, ? >) img).update(null)) };
			planeSize = st;
		} else {
			final PlanarImg< ?, ? > p = (PlanarImg< ?, ? >) img;
			planes = new Object[p.numSlices()];
			for (int i = 0; i < planes.length; i++)
				planes[i] = storage(p.getPlane(i));
			planeSize = n == 1 ? img.dimension(0) : img.dimension(0) * img.dimension(1);
		}
		for (final Object a : planes)
			if (a == null || a.getClass() != arrayClass)
				return null;
		return new PixelStorage(planes, planeSize, strides, origin);
	}

	private static Object storage(final Object access) {
		return access instanceof ArrayDataAccess ? ((ArrayDataAccess< ? >) access).getCurrentStorageArray() : null;
	}

	private static boolean isTranslation(final MixedTransform t, final int n) {
		if (t.numSourceDimensions() != n || t.numTargetDimensions() != n)
			return false;
		for (int d = 0; d < n; d++)
			if (t.getComponentMapping(d) != d || t.getComponentZero(d) || t.getComponentInversion(d))
				return false;
		return true;
	}

	/** Flat index in the underlying image of the view's pixel at {@code pos} (zero-min view coordinates). */
	long index(final long[] pos) {
		long i = 0;
		for (int d = 0; d < strides.length; d++)
			i += (pos[d] + origin[d]) * strides[d];
		return i;
	}

	/**
	 * The single array behind {@code view} when the view covers all of it
	 * from its first element, so that the view's flat index is the array's;
	 * else null.
	 */
	Object wholeArray(final RandomAccessibleInterval< ? > view) {
		if (planes.length != 1 || index(new long[strides.length]) != 0)
			return null;
		long count = 1;
		for (int d = 0; d < strides.length; d++)
			count *= view.dimension(d);
		return count == planeSize ? planes[0] : null;
	}

	/** The array holding flat index {@code index}. */
	Object array(final long index) {
		return planes[(int) (index / planeSize)];
	}

	/** Where flat index {@code index} is in its array. */
	int offset(final long index) {
		return (int) (index % planeSize);
	}
}
