package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Kernel;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

/**
 * ImgLib2 views of an {@link ImagePlus}'s pixels, without copying them.
 * <p>
 * ImageJ orders a hyperstack's planes X, Y, C, Z, T. The views here are
 * spatial only: one plane (X, Y) or one volume (X, Y, Z) of one channel at
 * one time point, because channels and time points are always filtered
 * independently. 8-bit, 16-bit and 32-bit planes are wrapped as
 * {@link UnsignedByteType}, {@link UnsignedShortType} and {@link FloatType}
 * images over the processor's own arrays (an {@code ArrayImg} for a plane, a
 * {@code PlanarImg} for a volume), so a change to the source shows in the
 * view. An RGB image counts as three channels (red, green, blue), each a
 * read-only converted view of the packed pixels.
 * <p>
 * Raw pixel values are used; a 16-bit density calibration is ignored, as
 * ImageJ's own filters do. Virtual stacks are read a plane at a time with
 * {@code getProcessor(n)}: a plane view reads one plane, a volume view the Z
 * planes of one channel and time point, never the whole stack. The views
 * must only be read: writing into them would change the source.
 *
 * <pre>
 * RandomAccessibleInterval&lt;? extends RealType&lt;?&gt;&gt; green = ImagePlusViews.plane(rgb, 2, 1, 1);
 * RandomAccessibleInterval&lt;? extends RealType&lt;?&gt;&gt; volume = ImagePlusViews.volume(hyperstack, 1, 3);
 * </pre>
 */
public final class ImagePlusViews {

	private ImagePlusViews() {}

	/** Channels as filtered: 3 for RGB (red, green, blue), else ImageJ's C. */
	public static int channels(final ImagePlus imp) {
		return isRgb(imp) ? 3 : imp.getNChannels();
	}

	/** Spatial axes: 3 when the image has more than one Z slice, else 2. */
	public static int spatialAxes(final ImagePlus imp) {
		return imp.getNSlices() > 1 ? 3 : 2;
	}

	public static boolean isRgb(final ImagePlus imp) {
		return imp.getType() == ImagePlus.COLOR_RGB;
	}

	/**
	 * One plane, X by Y, of channel {@code c}, slice {@code z} and frame
	 * {@code t} (1-based, as in ImageJ; for RGB, channel 1, 2, 3 is red,
	 * green, blue).
	 */
	public static RandomAccessibleInterval< ? extends RealType< ? > > plane(final ImagePlus imp, final int c, final int z, final int t) {
		checkPosition(imp, c, z, t);
		final int rgbChannel = isRgb(imp) ? c : 0;
		final int index = imp.getStackIndex(isRgb(imp) ? 1 : c, z, t);
		return wrap(pixels(imp, index), imp.getWidth(), imp.getHeight(), rgbChannel);
	}

	/**
	 * The Z planes of channel {@code c} and frame {@code t} (1-based) as one
	 * X, Y, Z volume; X, Y, 1 for an image with one slice.
	 */
	public static RandomAccessibleInterval< ? extends RealType< ? > > volume(final ImagePlus imp, final int c, final int t) {
		checkPosition(imp, c, 1, t);
		final int rgbChannel = isRgb(imp) ? c : 0;
		final int depth = imp.getNSlices();
		final List< Object > planes = new ArrayList<>(depth);
		for (int z = 1; z <= depth; z++)
			planes.add(pixels(imp, imp.getStackIndex(isRgb(imp) ? 1 : c, z, t)));
		return wrap(planes, new long[] { imp.getWidth(), imp.getHeight(), depth }, rgbChannel);
	}

	/** A view of one processor's pixels; {@code rgbChannel} 1..3 picks a colour of an RGB processor. */
	public static RandomAccessibleInterval< ? extends RealType< ? > > plane(final ImageProcessor ip, final int rgbChannel) {
		if (ip instanceof ColorProcessor && (rgbChannel < 1 || rgbChannel > 3))
			throw new IllegalArgumentException("An RGB plane has channels 1 (red), 2 (green) and 3 (blue), not " + rgbChannel + ".");
		return wrap(ip.getPixels(), ip.getWidth(), ip.getHeight(), ip instanceof ColorProcessor ? rgbChannel : 0);
	}

	/**
	 * The image as a real kernel, values x fastest: X by Y, or X by Y by Z
	 * for a stack. Raw pixel values are used.
	 *
	 * @throws IllegalArgumentException for RGB images, several channels or
	 *             time points
	 */
	public static Kernel kernel(final ImagePlus imp) {
		final String title = "The kernel image '" + imp.getTitle() + "'";
		if (isRgb(imp))
			throw new IllegalArgumentException(title + " is RGB. Convert it to 8-bit, 16-bit or 32-bit (Image > Type) and try again.");
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1)
			throw new IllegalArgumentException(title + " has " + imp.getNChannels() + " channels and " + imp.getNFrames() + " time points. A kernel image must have one of each, with up to three axes (X, Y, Z): duplicate one channel and time point first.");
		final RandomAccessibleInterval< ? extends RealType< ? > > v = volume(imp, 1, 1);
		final double[] values = new double[Math.toIntExact(imp.getWidth() * (long) imp.getHeight() * imp.getNSlices())];
		final Cursor< ? extends RealType< ? > > cursor = Views.flatIterable(v).cursor();
		int i = 0;
		while (cursor.hasNext())
			values[i++] = cursor.next().getRealDouble();
		return imp.getNSlices() > 1 ? Kernel.of(values, imp.getWidth(), imp.getHeight(), imp.getNSlices()) : Kernel.of(values, imp.getWidth(), imp.getHeight());
	}

	private static void checkPosition(final ImagePlus imp, final int c, final int z, final int t) {
		if (c < 1 || c > channels(imp) || z < 1 || z > imp.getNSlices() || t < 1 || t > imp.getNFrames())
			throw new IllegalArgumentException("Position c=" + c + ", z=" + z + ", t=" + t + " is outside '" + imp.getTitle() + "' (" + channels(imp) + " channels, " + imp.getNSlices() + " slices, " + imp.getNFrames() + " frames; counted from 1).");
	}

	/**
	 * The pixel array of stack plane {@code index}: the stack's own array, or
	 * for a virtual stack the freshly read plane.
	 */
	private static Object pixels(final ImagePlus imp, final int index) {
		if (imp.getStackSize() == 1)
			return imp.getProcessor().getPixels();
		final ImageStack stack = imp.getStack();
		return stack.isVirtual() ? stack.getProcessor(index).getPixels() : stack.getPixels(index);
	}

	private static RandomAccessibleInterval< ? extends RealType< ? > > wrap(final Object pixels, final int w, final int h, final int rgbChannel) {
		if (pixels instanceof byte[])
			return ArrayImgs.unsignedBytes((byte[]) pixels, w, h);
		if (pixels instanceof short[])
			return ArrayImgs.unsignedShorts((short[]) pixels, w, h);
		if (pixels instanceof float[])
			return ArrayImgs.floats((float[]) pixels, w, h);
		if (pixels instanceof int[])
			return rgbChannel(ArrayImgs.argbs((int[]) pixels, w, h), rgbChannel);
		throw new IllegalArgumentException("Unsupported pixel array " + pixels.getClass().getSimpleName() + ".");
	}

	private static RandomAccessibleInterval< ? extends RealType< ? > > wrap(final List< Object > planes, final long[] dims, final int rgbChannel) {
		final Object first = planes.get(0);
		if (first instanceof byte[])
			return ImagePlusViews.< UnsignedByteType, ByteArray >planar(planes, p -> new ByteArray((byte[]) p), dims, UnsignedByteType::new);
		if (first instanceof short[])
			return ImagePlusViews.< UnsignedShortType, ShortArray >planar(planes, p -> new ShortArray((short[]) p), dims, UnsignedShortType::new);
		if (first instanceof float[])
			return ImagePlusViews.< FloatType, FloatArray >planar(planes, p -> new FloatArray((float[]) p), dims, FloatType::new);
		if (first instanceof int[])
			return rgbChannel(ImagePlusViews.< ARGBType, IntArray >planar(planes, p -> new IntArray((int[]) p), dims, ARGBType::new), rgbChannel);
		throw new IllegalArgumentException("Unsupported pixel array " + first.getClass().getSimpleName() + ".");
	}

	/** ImageJ's planes as the planes of one image, not copied. */
	private static < T extends NativeType< T >, A extends ArrayDataAccess< A > > PlanarImg< T, A > planar(final List< Object > planes, final Function< Object, A > access, final long[] dims,
			final Function< PlanarImg< T, A >, T > linkedType) {
		final List< A > a = new ArrayList<>();
		planes.forEach(p -> a.add(access.apply(p)));
		final PlanarImg< T, A > img = new PlanarImg<>(a, dims, new Fraction());
		img.setLinkedType(linkedType.apply(img));
		return img;
	}

	/** Read-only: the converter only reads the packed pixel. */
	private static RandomAccessibleInterval< UnsignedByteType > rgbChannel(final RandomAccessibleInterval< ARGBType > argb, final int rgbChannel) {
		final int shift = 8 * (3 - rgbChannel); // red 16, green 8, blue 0
		return Converters.convert2(argb, (a, b) -> b.set((a.get() >> shift) & 0xff), UnsignedByteType::new);
	}
}
