package io.github.convolvej.core.engine;

import io.github.convolvej.core.Boundary;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Copies an interval of an image, extended beyond its edges, into a flat
 * double block: the input of every engine.
 * <p>
 * {@link #read(RandomAccessibleInterval, Boundary, double, Interval)} copies
 * the image's own pixels plane by plane through ImgLib2's
 * {@link PrimitiveBlocks} (array, planar and cell images a line at a time)
 * and applies the boundary rule itself with {@link Boundary#sourceIndex}, so
 * every boundary is equally fast. {@link #read(RandomAccessible, Interval)}
 * takes any already extended source.
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

	/**
	 * Copies {@code interval} (in image coordinates, may reach far beyond the
	 * image) of {@code image} extended by {@code boundary}.
	 */
	public static Block read(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Boundary boundary, final double fill, final Interval interval) {
		final int n = interval.numDimensions();
		final int[] dims = intDims(interval);
		final double[] data = new double[Block.numElements(dims)];
		// per axis: which image index each block coordinate reads (-1: fill)
		final int[][] map = new int[n][];
		final int[] srcMin = new int[n], srcMax = new int[n];
		for (int d = 0; d < n; d++) {
			final long size = image.dimension(d);
			map[d] = new int[dims[d]];
			srcMin[d] = Integer.MAX_VALUE;
			srcMax[d] = -1;
			for (int i = 0; i < dims[d]; i++) {
				final int s = (int) boundary.sourceIndex(interval.min(d) + i - image.min(d), size);
				map[d][i] = s;
				if (s >= 0) {
					srcMin[d] = Math.min(srcMin[d], s);
					srcMax[d] = Math.max(srcMax[d], s);
				}
			}
		}
		for (int d = 0; d < n; d++)
			if (srcMax[d] < 0) { // the block lies wholly outside: all fill
				java.util.Arrays.fill(data, fill);
				return new Block(data, dims);
			}
		final PrimitiveBlocks< DoubleType > pixels = PrimitiveBlocks.of(asDouble(Views.zeroMin(image)), PrimitiveBlocks.OnFallback.ACCEPT);

		// source rows are copied in bands of consecutive rows, as few values as
		// the boundary needs, then spread into the block along x
		final int w = srcMax[0] - srcMin[0] + 1;
		final int blockW = dims[0];
		final int blockH = n > 1 ? dims[1] : 1;
		final int maxBand = Math.max(1, Math.min(blockH, (1 << 20) / w));
		final double[] band = new double[w * maxBand];
		final int[] bandSize = new int[n];
		java.util.Arrays.fill(bandSize, 1);
		bandSize[0] = w;
		final long[] bandPos = new long[n];
		bandPos[0] = srcMin[0];
		final int planes = data.length / (blockW * blockH);
		final int[] xMap = map[0];
		for (int p = 0; p < planes; p++) {
			int rest = p;
			boolean outside = false;
			for (int d = 2; d < n; d++) {
				final int c = rest % dims[d];
				rest /= dims[d];
				bandPos[d] = map[d][c];
				outside |= map[d][c] < 0;
			}
			final int planeOffset = p * blockW * blockH;
			if (outside) {
				java.util.Arrays.fill(data, planeOffset, planeOffset + blockW * blockH, fill);
				continue;
			}
			int y = 0;
			while (y < blockH) {
				final int sy = n > 1 ? map[1][y] : 0;
				if (sy < 0) {
					java.util.Arrays.fill(data, planeOffset + y * blockW, planeOffset + (y + 1) * blockW, fill);
					y++;
					continue;
				}
				int rows = 1;
				while (rows < maxBand && y + rows < blockH && map[1][y + rows] == sy + rows)
					rows++;
				if (n > 1) {
					bandPos[1] = sy;
					bandSize[1] = rows;
				}
				pixels.copy(bandPos, band, bandSize);
				for (int r = 0; r < rows; r++)
					expandRow(band, r * w - srcMin[0], xMap, data, planeOffset + (y + r) * blockW, fill);
				y += rows;
			}
		}
		return new Block(data, dims);
	}

	/** {@code dest[i] = src[srcRow + xMap[i]]}, fill where the map says so; runs of consecutive indices are copied at once. */
	private static void expandRow(final double[] src, final int srcRow, final int[] xMap, final double[] dest, final int destOffset, final double fill) {
		final int n = xMap.length;
		int i = 0;
		while (i < n) {
			final int s = xMap[i];
			if (s < 0) {
				dest[destOffset + i++] = fill;
				continue;
			}
			int run = 1;
			while (i + run < n && xMap[i + run] == s + run)
				run++;
			if (run == 1)
				dest[destOffset + i] = src[srcRow + s];
			else
				System.arraycopy(src, srcRow + s, dest, destOffset + i, run);
			i += run;
		}
	}

	/** True when every value is finite (no NaN, no infinity). */
	public static boolean allFinite(final double[] data) {
		for (final double v : data)
			if (!Double.isFinite(v))
				return false;
		return true;
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

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval< DoubleType > asDouble(final RandomAccessibleInterval< ? extends RealType< ? > > source) {
		if (source.getType() instanceof DoubleType)
			return (RandomAccessibleInterval< DoubleType >) source;
		return Converters.convert((RandomAccessibleInterval) source, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType());
	}
}
