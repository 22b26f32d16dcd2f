package io.github.convolvej.core.engine.source;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Copies an interval of an already extended source (any ImgLib2
 * out-of-bounds view, such as {@code Views.extend(image, boundary.outOfBoundsFactory(fill))})
 * into a flat double block: ImgLib2's {@code PrimitiveBlocks} copies it in the
 * pixels' own primitive type, which is then widened to double
 * ({@link PixelBands#ofExtended}).
 */
public final class BlockReader {

	private BlockReader() {}

	/** Copies {@code interval} of an already extended source. */
	public static Block read(final RandomAccessible< ? extends RealType< ? > > source, final Interval interval) {
		final int[] dims = new int[interval.numDimensions()];
		for (int d = 0; d < dims.length; d++)
			dims[d] = Math.toIntExact(interval.dimension(d));
		final int n = Block.numElements(dims);
		final PixelBands pixels = PixelBands.ofExtended(source);
		final Object buffer = pixels.buffer(n);
		pixels.copy(Intervals.minAsLongArray(interval), dims, buffer);
		final double[] data;
		if (buffer instanceof double[])
			data = (double[]) buffer;
		else {
			data = new double[n];
			pixels.widen(buffer, 0, data, 0, n);
		}
		return new Block(data, dims);
	}
}
