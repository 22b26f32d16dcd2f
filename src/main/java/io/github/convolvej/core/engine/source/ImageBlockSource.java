package io.github.convolvej.core.engine.source;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.github.convolvej.core.Boundary;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.outofbounds.OutOfBoundsConstantValueFactory;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.view.ExtendedRandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * An image extended by a {@link Boundary}, read as a block on demand.
 * Rows of array and planar images are widened to double straight from the
 * image's own arrays ({@link PixelStorage}); other images are copied in bands
 * of rows through ImgLib2's {@code PrimitiveBlocks} first (see
 * {@link PixelBands}). The boundary rule is applied by index with
 * {@link Boundary#sourceIndex}, so every boundary, even a kernel longer than
 * the image, costs the same.
 */
public final class ImageBlockSource implements BlockSource {

	/** Values copied per band at the most (8 MB of doubles). */
	private static final int BAND_VALUES = 1 << 20;

	private final RandomAccessibleInterval< ? extends RealType< ? > > image;
	private final double fill;
	private final int[] dims;
	/** Per axis, the image index each block coordinate reads, or -1 for the fill value. */
	private final int[][] map;
	private final PixelBands pixels;
	/** The image's own arrays, or null when rows are copied through {@link #pixels}. */
	private final PixelStorage storage;
	private final ThreadLocal< Object > bands = new ThreadLocal<>();

	/**
	 * @param interval the block, in image coordinates; it may reach far
	 *            beyond the image
	 */
	public ImageBlockSource(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Boundary boundary, final double fill, final Interval interval) {
		this(image, PixelBands.of(image), boundary, fill, interval);
	}

	private ImageBlockSource(final RandomAccessibleInterval< ? extends RealType< ? > > image, final PixelBands pixels, final Boundary boundary, final double fill, final Interval interval) {
		final int n = interval.numDimensions();
		this.image = image;
		this.fill = fill;
		this.dims = new int[n];
		this.map = new int[n][];
		for (int d = 0; d < n; d++) {
			dims[d] = Math.toIntExact(interval.dimension(d));
			map[d] = new int[dims[d]];
			for (int i = 0; i < dims[d]; i++)
				map[d][i] = (int) boundary.sourceIndex(interval.min(d) + i - image.min(d), image.dimension(d));
		}
		Block.numElements(dims); // fails early, with a message, for blocks too large for one array
		this.pixels = pixels;
		this.storage = pixels.storage();
	}

	/**
	 * The interval of an already extended source: read in place, as
	 * {@code apply} reads its image, when {@link #readsInPlace} says so;
	 * otherwise copied through ImgLib2's {@code PrimitiveBlocks}
	 * ({@link PixelBlock}).
	 */
	public static BlockSource ofExtended(final RandomAccessible< ? extends RealType< ? > > source, final Interval interval) {
		final Extension e = Extension.of(source);
		return e != null ? new ImageBlockSource(e.image, e.pixels, e.boundary, e.fill, interval) : PixelBlock.read(source, interval);
	}

	/**
	 * Whether {@link #ofExtended} reads this source in place, holding none of
	 * it: an array or planar image extended by one of the {@link Boundary}
	 * factories (with a real fill value).
	 */
	public static boolean readsInPlace(final RandomAccessible< ? extends RealType< ? > > source) {
		return Extension.of(source) != null;
	}

	/** An image, its pixels (found readable in place) and the boundary rule it is extended by. */
	private static final class Extension {
		final RandomAccessibleInterval< ? extends RealType< ? > > image;
		final PixelBands pixels;
		final Boundary boundary;
		final double fill;

		private Extension(final RandomAccessibleInterval< ? extends RealType< ? > > image, final PixelBands pixels, final Boundary boundary, final double fill) {
			this.image = image;
			this.pixels = pixels;
			this.boundary = boundary;
			this.fill = fill;
		}

		/** The extension of an array or planar image by a boundary factory; else null. */
		@SuppressWarnings({ "rawtypes", "unchecked" })
		static Extension of(final RandomAccessible< ? extends RealType< ? > > source) {
			if (!(source instanceof ExtendedRandomAccessibleInterval))
				return null;
			final ExtendedRandomAccessibleInterval< ?, ? > extended = (ExtendedRandomAccessibleInterval< ?, ? >) source;
			final Boundary boundary = Boundary.of(extended.getOutOfBoundsFactory());
			final Object fill = boundary == Boundary.FILL ? ((OutOfBoundsConstantValueFactory) extended.getOutOfBoundsFactory()).getValue() : null;
			if (boundary == null || (fill != null && !(fill instanceof RealType)))
				return null;
			final RandomAccessibleInterval image = extended.getSource();
			// the pixels are looked at once, and kept for the blocks that read them
			final PixelBands pixels = PixelBands.of(image);
			if (pixels.storage() == null)
				return null;
			return new Extension(image, pixels, boundary, fill == null ? 0 : ((RealType< ? >) fill).getRealDouble());
		}
	}

	@Override
	public int[] dims() {
		return dims.clone();
	}

	@Override
	public void read(final int[] min, final int[] size, final double[] dest) {
		final int n = dims.length;
		final int w = size[0];
		final int h = n > 1 ? size[1] : 1;
		final Runs xRuns = new Runs(map[0], min[0], w);
		final int srcX0 = xRuns.srcMin, srcX1 = xRuns.srcMax;
		final int planeValues = w * h;
		final int planes = Block.numElements(size) / planeValues;
		if (srcX1 < 0) { // wholly left or right of the image
			Arrays.fill(dest, 0, planes * planeValues, fill);
			return;
		}
		if (storage != null) {
			final long[] pos = new long[n];
			final int[] rowMin = min.clone();
			for (int line = 0; line < planes * h; line++) {
				int rest = line;
				for (int d = 1; d < n; d++) {
					rowMin[d] = min[d] + rest % size[d];
					rest /= size[d];
				}
				readRow(rowMin, xRuns, pos, dest, line * w);
			}
			return;
		}
		final int srcW = srcX1 - srcX0 + 1;
		final int maxBand = Math.max(1, Math.min(h, BAND_VALUES / srcW));
		final Object band = band(srcW * maxBand);
		final int[] bandSize = new int[n];
		Arrays.fill(bandSize, 1);
		bandSize[0] = srcW;
		final long[] bandPos = new long[n];
		bandPos[0] = srcX0;
		for (int p = 0; p < planes; p++) {
			int rest = p;
			boolean outside = false;
			for (int d = 2; d < n; d++) {
				final int s = map[d][min[d] + rest % size[d]];
				rest /= size[d];
				bandPos[d] = s;
				outside |= s < 0;
			}
			final int planeOffset = p * planeValues;
			if (outside) {
				Arrays.fill(dest, planeOffset, planeOffset + planeValues, fill);
				continue;
			}
			int y = 0;
			while (y < h) {
				final int sy = n > 1 ? map[1][min[1] + y] : 0;
				if (sy < 0) {
					Arrays.fill(dest, planeOffset + y * w, planeOffset + (y + 1) * w, fill);
					y++;
					continue;
				}
				// consecutive image rows are copied at once
				int rows = 1;
				while (rows < maxBand && y + rows < h && map[1][min[1] + y + rows] == sy + rows)
					rows++;
				if (n > 1) {
					bandPos[1] = sy;
					bandSize[1] = rows;
				}
				pixels.copy(bandPos, bandSize, band);
				for (int r = 0; r < rows; r++)
					expandRow(band, r * srcW - srcX0, xRuns, dest, planeOffset + (y + r) * w);
				y += rows;
			}
		}
	}

	@Override
	public RowReader rowReader() {
		if (storage != null)
			return new RowReader() {
				private final long[] pos = new long[dims.length];
				/** The runs of each x range read so far: engines read the same few chunks over and over. */
				private final Map< Long, Runs > runs = new HashMap<>();

				@Override
				public void read(final int[] min, final int length, final double[] dest) {
					readRow(min, runs(min[0], length), pos, dest, 0);
				}

				@Override
				public void readFloats(final int[] min, final int length, final float[] dest) {
					final Runs r = runs(min[0], length);
					final long index = rowIndex(min, r, pos);
					if (index < 0) {
						Arrays.fill(dest, 0, r.width, (float) fill);
						return;
					}
					final Object src = storage.array(index);
					final int srcRow = storage.offset(index);
					for (int i = 0; i < r.count; i++)
						if (r.src[i] < 0)
							Arrays.fill(dest, r.dest[i], r.dest[i] + r.length[i], (float) fill);
						else
							pixels.narrow(src, srcRow + r.src[i], dest, r.dest[i], r.length[i]);
				}

				private Runs runs(final int from, final int length) {
					final long key = (long) from << 32 | length;
					Runs r = runs.get(key);
					if (r == null) {
						r = new Runs(map[0], from, length);
						runs.put(key, r);
					}
					return r;
				}
			};
		return BlockSource.super.rowReader();
	}

	@Override
	public boolean exactInFloat() {
		return pixels.exactInFloat() && (Double.isNaN(fill) || (float) fill == fill);
	}

	/** One row from the image's own arrays; {@code pos} is scratch space. */
	private void readRow(final int[] min, final Runs runs, final long[] pos, final double[] dest, final int destOffset) {
		final long index = rowIndex(min, runs, pos);
		if (index < 0)
			Arrays.fill(dest, destOffset, destOffset + runs.width, fill);
		else
			expandRow(storage.array(index), storage.offset(index), runs, dest, destOffset);
	}

	/** The storage index of the image row that a block row reads, or -1 when it lies wholly in the fill value. */
	private long rowIndex(final int[] min, final Runs runs, final long[] pos) {
		boolean outside = runs.srcMax < 0;
		for (int d = 1; d < pos.length && !outside; d++) {
			pos[d] = map[d][min[d]];
			outside = pos[d] < 0;
		}
		return outside ? -1 : storage.index(pos);
	}

	/** A band buffer of at least {@code n} values, kept per thread. */
	private Object band(final int n) {
		final Object b = bands.get();
		if (b != null && pixels.length(b) >= n)
			return b;
		final Object fresh = pixels.buffer(n);
		bands.set(fresh);
		return fresh;
	}

	/** {@code dest[i] = src[srcRow + xMap[i]]} or the fill value, a run at a time. */
	private void expandRow(final Object src, final int srcRow, final Runs runs, final double[] dest, final int destOffset) {
		for (int r = 0; r < runs.count; r++) {
			final int at = destOffset + runs.dest[r];
			if (runs.src[r] < 0)
				Arrays.fill(dest, at, at + runs.length[r], fill);
			else
				pixels.widen(src, srcRow + runs.src[r], dest, at, runs.length[r]);
		}
	}

	/** A row's index map as runs of consecutive image indices (or of fill). */
	private static final class Runs {
		final int[] dest, src, length;
		final int count, srcMin, srcMax, width;

		Runs(final int[] map, final int from, final int w) {
			final int[] d = new int[w], s = new int[w], l = new int[w];
			int c = 0, lo = Integer.MAX_VALUE, hi = -1;
			int i = 0;
			while (i < w) {
				final int first = map[from + i];
				int run = 1;
				if (first < 0)
					while (i + run < w && map[from + i + run] < 0)
						run++;
				else {
					while (i + run < w && map[from + i + run] == first + run)
						run++;
					lo = Math.min(lo, first);
					hi = Math.max(hi, first + run - 1);
				}
				d[c] = i;
				s[c] = first < 0 ? -1 : first;
				l[c++] = run;
				i += run;
			}
			dest = d;
			src = s;
			length = l;
			count = c;
			srcMin = lo;
			srcMax = hi;
			width = w;
		}
	}

	@Override
	public boolean allFinite() {
		if (!Double.isFinite(fill) && hasFill())
			return false;
		if (!pixels.floatingPoint())
			return true;
		// the image's own pixels, band by band in their primitive type
		final int n = image.numDimensions();
		final long[] size = image.dimensionsAsLongArray();
		final int w = (int) size[0];
		final long rows = Views.zeroMin(image).size() / Math.max(1, w);
		final int bandRows = (int) Math.max(1, Math.min(rows, BAND_VALUES / Math.max(1, w)));
		if (n == 1) {
			for (long x = 0; x < w; x += BAND_VALUES) {
				final int len = (int) Math.min(BAND_VALUES, w - x);
				final Object b = band(len);
				pixels.copy(new long[] { x }, new int[] { len }, b);
				if (!pixels.allFinite(b, len))
					return false;
			}
			return true;
		}
		final long h = size[1];
		final long[] pos = new long[n];
		final int[] box = new int[n];
		Arrays.fill(box, 1);
		box[0] = w;
		final long planes = rows / h;
		for (long p = 0; p < planes; p++) {
			long rest = p;
			for (int d = 2; d < n; d++) {
				pos[d] = rest % size[d];
				rest /= size[d];
			}
			for (long y = 0; y < h; y += bandRows) {
				pos[1] = y;
				box[1] = (int) Math.min(bandRows, h - y);
				final int values = w * box[1];
				final Object b = band(values);
				pixels.copy(pos, box, b);
				if (!pixels.allFinite(b, values))
					return false;
			}
		}
		return true;
	}

	private boolean hasFill() {
		for (final int[] m : map)
			for (final int s : m)
				if (s < 0)
					return true;
		return false;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RandomAccessibleInterval< DoubleType > asDouble(final RandomAccessibleInterval< ? extends RealType< ? > > source) {
		if (source.getType() instanceof DoubleType)
			return (RandomAccessibleInterval< DoubleType >) source;
		return Converters.convert((RandomAccessibleInterval) source, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType());
	}
}
