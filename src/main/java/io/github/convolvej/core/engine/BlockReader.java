package io.github.convolvej.core.engine;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;

/**
 * Copies an interval of an (extended) image into a flat double block, through
 * ImgLib2's {@link PrimitiveBlocks}, which copies array, planar and cell images
 * with their out-of-bounds extension a line at a time.
 */
public final class BlockReader {

	private BlockReader() {}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static Block read(final RandomAccessible< ? extends RealType< ? > > source, final Interval interval) {
		final int n = interval.numDimensions();
		final int[] dims = new int[n];
		for (int d = 0; d < n; d++)
			dims[d] = (int) interval.dimension(d);
		final double[] data = new double[Block.numElements(dims)];
		final RandomAccessible< DoubleType > asDouble = source.getType() instanceof DoubleType
				? (RandomAccessible< DoubleType >) source
				: Converters.convert((RandomAccessible) source, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType());
		PrimitiveBlocks.of(asDouble, PrimitiveBlocks.OnFallback.ACCEPT).copy(Intervals.minAsLongArray(interval), data, dims);
		return new Block(data, dims);
	}

	/** True when every value is finite (no NaN, no infinity). */
	public static boolean allFinite(final double[] data) {
		for (final double v : data)
			if (!Double.isFinite(v))
				return false;
		return true;
	}
}
