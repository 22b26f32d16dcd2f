package io.github.convolvej.core.engine;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;

/**
 * Copies an interval of an already extended source (any ImgLib2
 * out-of-bounds view) into a flat double block, through ImgLib2's
 * {@link PrimitiveBlocks}. Images extended by a {@link io.github.convolvej.core.Boundary}
 * are read faster, and in parts, by {@link ImageBlockSource}.
 */
public final class BlockReader {

	private BlockReader() {}

	/** Copies {@code interval} of an already extended source. */
	public static Block read(final RandomAccessible< ? extends RealType< ? > > source, final Interval interval) {
		final int[] dims = intDims(interval);
		final double[] data = new double[Block.numElements(dims)];
		PrimitiveBlocks.of(asDouble(source), PrimitiveBlocks.OnFallback.ACCEPT).copy(Intervals.minAsLongArray(interval), data, dims);
		return new Block(data, dims);
	}

	private static int[] intDims(final Interval interval) {
		final int[] dims = new int[interval.numDimensions()];
		for (int d = 0; d < dims.length; d++)
			dims[d] = Math.toIntExact(interval.dimension(d));
		return dims;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessible< DoubleType > asDouble(final RandomAccessible< ? extends RealType< ? > > source) {
		if (source.getType() instanceof DoubleType)
			return (RandomAccessible< DoubleType >) source;
		return Converters.convert((RandomAccessible) source, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType());
	}

}
