package io.github.convolvej.core.engine.source;

import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * An interval of an already extended source (any ImgLib2 out-of-bounds view,
 * such as {@code Views.extend(image, boundary.outOfBoundsFactory(fill))}) held
 * in memory in the pixels' own primitive type: ImgLib2's
 * {@code PrimitiveBlocks} copies it ({@link PixelBands#ofExtended}), and
 * rows are widened to double, or narrowed to float, as the engines read them.
 * A block of 8- or 16-bit pixels takes an eighth or a quarter of the memory
 * of one in doubles.
 */
public final class PixelBlock implements BlockSource {

	private final PixelBands pixels;
	private final Object buffer;
	private final int[] dims;
	private final int[] strides;

	private PixelBlock(final PixelBands pixels, final Object buffer, final int[] dims) {
		this.pixels = pixels;
		this.buffer = buffer;
		this.dims = dims;
		this.strides = Block.strides(dims);
	}

	/** Copies {@code interval} of an already extended source. */
	public static PixelBlock read(final RandomAccessible< ? extends RealType< ? > > source, final Interval interval) {
		final int[] dims = new int[interval.numDimensions()];
		for (int d = 0; d < dims.length; d++)
			dims[d] = Math.toIntExact(interval.dimension(d));
		final PixelBands pixels = PixelBands.ofExtended(source);
		final Object buffer = pixels.buffer(Block.numElements(dims));
		pixels.copy(Intervals.minAsLongArray(interval), dims, buffer);
		return new PixelBlock(pixels, buffer, dims);
	}

	@Override
	public int[] dims() {
		return dims.clone();
	}

	@Override
	public boolean exactInFloat() {
		return pixels.exactInFloat();
	}

	@Override
	public boolean allFinite() {
		return pixels.allFinite(buffer, Block.numElements(dims));
	}

	@Override
	public void read(final int[] min, final int[] size, final double[] dest) {
		Block.forEachLine(dims, min, size, (from, at, width) -> pixels.widen(buffer, from, dest, at, width));
	}

	@Override
	public RowReader rowReader() {
		return new RowReader() {
			@Override
			public void read(final int[] min, final int length, final double[] dest) {
				pixels.widen(buffer, start(min), dest, 0, length);
			}

			@Override
			public void readFloats(final int[] min, final int length, final float[] dest) {
				pixels.narrow(buffer, start(min), dest, 0, length);
			}
		};
	}

	private int start(final int[] min) {
		int src = 0;
		for (int d = 0; d < strides.length; d++)
			src += min[d] * strides[d];
		return src;
	}
}
