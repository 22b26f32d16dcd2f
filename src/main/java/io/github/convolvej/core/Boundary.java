package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.outofbounds.OutOfBoundsBorderFactory;
import net.imglib2.outofbounds.OutOfBoundsConstantValueFactory;
import net.imglib2.outofbounds.OutOfBoundsFactory;
import net.imglib2.outofbounds.OutOfBoundsMirrorFactory;
import net.imglib2.outofbounds.OutOfBoundsPeriodicFactory;
import net.imglib2.type.Type;
import net.imglib2.view.Views;

/**
 * How an image is extended beyond its edges, with SciPy's names, and the
 * ImgLib2 out-of-bounds factory that does it. Patterns for a width-4 image
 * {@code a b c d}; every pattern repeats for kernels larger than the image,
 * as SciPy's do.
 *
 * <pre>
 * x:                  -3 -2 -1 | 0 1 2 3 | 4 5 6
 * SYMMETRIC  f(x):     c  b  a | a b c d | d c b   scipy symm / ndimage reflect, OpenCV BORDER_REFLECT, ImgLib2 mirror DOUBLE
 * MIRROR     f(x):     d  c  b | a b c d | c b a   ndimage mirror, OpenCV BORDER_REFLECT_101, ImgLib2 mirror SINGLE
 * NEAREST    f(x):     a  a  a | a b c d | d d d   ndimage nearest, OpenCV BORDER_REPLICATE, ImgLib2 border
 * WRAP       f(x):     b  c  d | a b c d | a b c   scipy wrap / ndimage wrap, OpenCV BORDER_WRAP, ImgLib2 periodic
 * FILL       f(x):     v  v  v | a b c d | v v v   scipy fill / ndimage constant, OpenCV BORDER_CONSTANT, ImgLib2 constant value
 * </pre>
 */
public enum Boundary implements Labelled {

	SYMMETRIC("symm", "symmetric", "reflect"),
	MIRROR("mirror"),
	NEAREST("nearest", "edge", "border", "replicate"),
	WRAP("wrap", "periodic", "circular"),
	FILL("fill", "constant", "zero");

	private final String label;
	private final String[] aliases;

	Boundary(final String label, final String... aliases) {
		this.label = label;
		this.aliases = aliases;
	}

	/** The name used in dialogs and macros ({@code symm}, {@code mirror}, ...). */
	@Override
	public String label() {
		return label;
	}

	/** Its label, its constant's name and SciPy's, ndimage's and OpenCV's names for it. */
	@Override
	public List< String > names() {
		final List< String > names = new ArrayList<>(List.of(label, name()));
		names.addAll(Arrays.asList(aliases));
		return names;
	}

	/**
	 * Parses a label or one of SciPy's, ndimage's or OpenCV's aliases, ignoring
	 * case.
	 *
	 * @throws IllegalArgumentException naming the accepted names
	 */
	public static Boundary fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown boundary '" + t + "'. Use one of: symm (or symmetric, reflect), mirror, nearest (or edge, border), wrap (or periodic), fill (or constant) with value=.");
	}

	/**
	 * The boundary an ImgLib2 out-of-bounds factory extends by, as
	 * {@link #outOfBoundsFactory} makes it; null for any other factory.
	 */
	public static Boundary of(final OutOfBoundsFactory< ?, ? > factory) {
		if (factory instanceof OutOfBoundsMirrorFactory)
			return ((OutOfBoundsMirrorFactory< ?, ? >) factory).getBoundary() == OutOfBoundsMirrorFactory.Boundary.DOUBLE ? SYMMETRIC : MIRROR;
		if (factory instanceof OutOfBoundsBorderFactory)
			return NEAREST;
		if (factory instanceof OutOfBoundsPeriodicFactory)
			return WRAP;
		if (factory instanceof OutOfBoundsConstantValueFactory)
			return FILL;
		return null;
	}

	/**
	 * The ImgLib2 out-of-bounds factory for this boundary; {@code fill} is used
	 * only by {@link #FILL}.
	 */
	public < T extends Type< T >, F extends Interval & RandomAccessible< T > > OutOfBoundsFactory< T, F > outOfBoundsFactory(final T fill) {
		switch (this) {
			case SYMMETRIC:
				return new OutOfBoundsMirrorFactory<>(OutOfBoundsMirrorFactory.Boundary.DOUBLE);
			case MIRROR:
				return new OutOfBoundsMirrorFactory<>(OutOfBoundsMirrorFactory.Boundary.SINGLE);
			case NEAREST:
				return new OutOfBoundsBorderFactory<>();
			case WRAP:
				return new OutOfBoundsPeriodicFactory<>();
			default:
				return new OutOfBoundsConstantValueFactory<>(fill.copy());
		}
	}

	/** The image extended without bounds by this rule. */
	public < T extends Type< T > > RandomAccessible< T > extend(final RandomAccessibleInterval< T > image, final T fill) {
		return Views.extend(image, this.< T, RandomAccessibleInterval< T > >outOfBoundsFactory(fill));
	}

	/**
	 * Index in {@code 0..n-1} that position {@code x} reads for an axis of
	 * size {@code n}, or -1 for {@link #FILL} outside the image. The same rule
	 * as {@link #outOfBoundsFactory}, for flat-array fast paths.
	 */
	public long sourceIndex(final long x, final long n) {
		if (x >= 0 && x < n)
			return x;
		switch (this) {
			case SYMMETRIC: {
				final long m = Math.floorMod(x, 2 * n);
				return m < n ? m : 2 * n - 1 - m;
			}
			case MIRROR: {
				if (n == 1)
					return 0;
				final long m = Math.floorMod(x, 2 * n - 2);
				return m < n ? m : 2 * n - 2 - m;
			}
			case NEAREST:
				return x < 0 ? 0 : n - 1;
			case WRAP:
				return Math.floorMod(x, n);
			default:
				return -1;
		}
	}
}
