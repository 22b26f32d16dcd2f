package io.github.convolvej.core.engine.fft;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_1D;

import io.github.convolvej.core.engine.source.BlockSource;

/**
 * The N-dimensional discrete Fourier transform of one real tile, done as 1-D
 * transforms along each axis: real-to-complex along x with JTransforms (only
 * the {@code X/2 + 1} non-redundant frequencies are kept), then complex along
 * each further axis that is transformed: row-wise in place with
 * {@link VectorFft} for power-of-two lengths, with JTransforms on gathered
 * lines otherwise. Axes that are not transformed (where the kernel has size
 * 1) are a batch of independent tiles side by side.
 * <p>
 * A spectrum is stored as interleaved re, im pairs, x-frequency fastest, with
 * {@code X/2 + 1} complex values per row; along power-of-two axes its
 * frequencies are in {@link VectorFft}'s order, which the kernel's spectrum
 * shares. Both directions skip work that cannot matter: the forward transform
 * reads only the rows and columns the input covers (the rest is zero
 * padding), the inverse one computes only the lines that lead to requested
 * outputs.
 * <p>
 * Loops over independent lines go through a {@link Ranges}, which runs them
 * in the calling thread or over an executor.
 */
final class TileTransform {

	/** Independent lines, split over threads or not. */
	interface Ranges {
		/** Runs {@code body} over {@code 0..count-1}, in ranges. */
		void run(int count, RangeBody body);

		/** How many ranges {@link #run} makes of a large count. */
		int tasks();
	}

	/** Work on lines {@code from..to-1}. */
	interface RangeBody {
		void run(int from, int to);
	}

	/** Receives one row of the inverse transform. */
	interface RowConsumer {
		/**
		 * @param row flat index of the row over axes 1.. within the requested counts
		 * @param line the row's real values, from index 0
		 */
		void accept(int row, double[] line);
	}

	/** Columns gathered at once along axes other than x: neighbouring x-frequencies share cache lines. */
	private static final int COLUMNS = 4;

	/** Real values read from the source per call, at most. */
	private static final int READ_CHUNK = 1 << 14;

	final int n;
	/** Per axis: the transform length, or the batch extent of an axis that is not transformed. */
	final int[] size;
	final boolean[] transformed;
	/** Complex values per row: {@code size[0] / 2 + 1}. */
	final int half;
	/** Complex-value strides of a spectrum. */
	final int[] strides;
	/** Complex values in a spectrum. */
	final int elements;
	private final DoubleFFT_1D[] fft;
	/**
	 * False to transform every axis with JTransforms on gathered lines: the A
	 * side of the benchmark that keeps {@link VectorFft} (system property
	 * {@code convolvej.fft.gatheredLines=true}; see the README's Performance).
	 */
	private static final boolean ROW_TRANSFORMS = !Boolean.getBoolean("convolvej.fft.gatheredLines");
	/** Per axis after x with a power-of-two length: transforms along whole rows (see {@link VectorFft}). */
	private final VectorFft[] vector;
	/** Per thread: lines gathered for a complex pass, rows read from the source, a row of the inverse. */
	private final ThreadLocal< double[][] > columnBuffers = new ThreadLocal<>();
	private final ThreadLocal< double[] > readBuffers = new ThreadLocal<>();
	private final ThreadLocal< double[] > lineBuffers = ThreadLocal.withInitial(() -> new double[2 * TileTransform.this.half]);

	/**
	 * @param size per axis the transform length (even along x) or batch extent
	 * @param transformed which axes are transformed; axis 0 always is
	 */
	TileTransform(final int[] size, final boolean[] transformed) {
		this.n = size.length;
		if (size[0] % 2 != 0 || !transformed[0])
			throw new IllegalArgumentException("The x axis needs an even transform length, got " + size[0] + ".");
		this.size = size.clone();
		this.transformed = transformed.clone();
		this.half = size[0] / 2 + 1;
		this.strides = new int[n];
		long s = 1;
		for (int d = 0; d < n; d++) {
			strides[d] = (int) s;
			s *= d == 0 ? half : size[d];
		}
		if (2 * s > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("An FFT tile of " + Arrays.toString(size) + " is too large for one array.");
		this.elements = (int) s;
		this.fft = new DoubleFFT_1D[n];
		this.vector = new VectorFft[n];
		for (int d = 0; d < n; d++)
			if (transformed[d] && size[d] > 1) {
				if (ROW_TRANSFORMS && d > 0 && Integer.bitCount(size[d]) == 1)
					vector[d] = new VectorFft(size[d]);
				else
					fft[d] = new DoubleFFT_1D(size[d]);
			}
	}

	/** The same transform lengths with every batch axis of extent 1: the layout of a kernel's spectrum. */
	TileTransform kernelLayout() {
		final int[] s = size.clone();
		for (int d = 0; d < n; d++)
			if (!transformed[d])
				s[d] = 1;
		return new TileTransform(s, transformed);
	}

	/** Complex-value strides to read a kernel spectrum (see {@link #kernelLayout()}) at a tile's positions: 0 along batch axes. */
	int[] broadcastStrides() {
		final int[] k = kernelLayout().strides;
		for (int d = 0; d < n; d++)
			if (!transformed[d])
				k[d] = 0;
		return k;
	}

	/**
	 * The correlation of one tile with every weight set: the forward
	 * transform of the real values {@code source[origin .. origin + extent)}
	 * zero-padded to the tile, the product with each {@code multipliers[s]}
	 * (laid out with {@code multiplierStrides}), the inverse transform, and
	 * the rows of outputs {@code 0..count-1} per axis handed to {@code out[s]}.
	 * Along batch axes {@code extent} and {@code count} are the tiles in the batch.
	 * <p>
	 * The last transformed axis is done in one pass: each line is transformed,
	 * multiplied and transformed back while in cache. Lines go through
	 * {@code spectrum} (forward) and {@code dests[s]} (inverse), which may be
	 * {@code spectrum} for the last set or {@code multipliers[s]} itself (same
	 * layout): each line is read before it is written.
	 */
	void correlate(final BlockSource source, final int[] origin, final int[] extent, final double[] spectrum, final double[][] multipliers, final int[] multiplierStrides, final double[][] dests, final int[] count, final RowConsumer[] out, final Ranges ranges, final Runnable checkpoint) {
		int last = -1;
		for (int d = 1; d < n; d++)
			if (transformed[d] && size[d] > 1)
				last = d;
		forward(source, origin, extent, spectrum, last, ranges, checkpoint);
		if (last < 0) {
			// no complex axis: multiply each row and transform it back
			for (int s = 0; s < multipliers.length; s++) {
				checkpoint.run();
				inverseRows(spectrum, multipliers[s], multiplierStrides, count, out[s], ranges);
			}
			return;
		}
		final int[] lines = extent.clone();
		lines[0] = half;
		for (int d = 1; d < last; d++)
			if (transformed[d])
				lines[d] = size[d];
		checkpoint.run();
		fusedPass(last, spectrum, lines, extent[last], multipliers, multiplierStrides, dests, count[last], ranges);
		lines[last] = count[last];
		for (int s = 0; s < multipliers.length; s++) {
			final int[] l = lines.clone();
			for (int d = last - 1; d >= 1; d--) {
				if (!transformed[d] || size[d] == 1)
					continue;
				checkpoint.run();
				complexPass(d, false, dests[s], dests[s], l, size[d], count[d], ranges);
				l[d] = count[d];
			}
			checkpoint.run();
			inverseRows(dests[s], null, null, count, out[s], ranges);
		}
	}

	/** Forward transform of the tile's real values along x and every transformed axis before {@code last}. */
	void forward(final BlockSource source, final int[] origin, final int[] extent, final double[] spectrum, final int last, final Ranges ranges, final Runnable checkpoint) {
		int rows = 1;
		for (int d = 1; d < n; d++)
			rows *= extent[d];
		ranges.run(rows, (from, to) -> forwardRows(source, origin, extent, spectrum, from, to));
		final int[] lines = extent.clone();
		lines[0] = half;
		for (int d = 1; d < n && d != last; d++) {
			if (!transformed[d] || size[d] == 1)
				continue;
			checkpoint.run();
			complexPass(d, true, spectrum, spectrum, lines, extent[d], size[d], ranges);
			lines[d] = size[d];
		}
	}

	/** Forward transform of a whole tile, every axis: a kernel's spectrum. */
	void forward(final BlockSource source, final int[] origin, final int[] extent, final double[] spectrum, final Ranges ranges, final Runnable checkpoint) {
		forward(source, origin, extent, spectrum, -1, ranges, checkpoint);
	}

	private void forwardRows(final BlockSource source, final int[] origin, final int[] extent, final double[] spectrum, final int from, final int to) {
		final int w = extent[0];
		final int x = size[0];
		final int rowsPerRead = n > 1 ? Math.max(1, Math.min(extent[1], READ_CHUNK / w)) : 1;
		double[] chunk = readBuffers.get();
		if (chunk == null || chunk.length < w * rowsPerRead) {
			chunk = new double[w * rowsPerRead];
			readBuffers.set(chunk);
		}
		final int[] min = origin.clone();
		final int[] readSize = new int[n];
		Arrays.fill(readSize, 1);
		readSize[0] = w;
		final int[] pos = position(from, extent);
		int row = from;
		while (row < to) {
			final int run = n > 1 ? Math.min(Math.min(to - row, extent[1] - pos[1]), rowsPerRead) : 1;
			int base = 0;
			for (int d = 1; d < n; d++) {
				min[d] = origin[d] + pos[d];
				base += pos[d] * strides[d];
			}
			if (n > 1)
				readSize[1] = run;
			source.read(min, readSize, chunk);
			for (int r = 0; r < run; r++) {
				final int at = 2 * (base + (n > 1 ? r * strides[1] : 0));
				System.arraycopy(chunk, r * w, spectrum, at, w);
				Arrays.fill(spectrum, at + w, at + x, 0);
				fft[0].realForward(spectrum, at);
				// JTransforms packs Re[X/2] into a[1]; unpack to X/2 + 1 complex values
				spectrum[at + x] = spectrum[at + 1];
				spectrum[at + x + 1] = 0;
				spectrum[at + 1] = 0;
			}
			row += run;
			if (n > 1) {
				pos[1] += run;
				for (int d = 1; d < n - 1 && pos[d] >= extent[d]; d++) {
					pos[d] = 0;
					pos[d + 1]++;
				}
			}
		}
	}

	/**
	 * The last step of an inverse transform: rows {@code 0..count-1} (over
	 * axes 1..) of {@code spectrum}, times {@code multiplier} when given,
	 * back to real values along x, each handed to {@code out}.
	 */
	private void inverseRows(final double[] spectrum, final double[] multiplier, final int[] multiplierStrides, final int[] count, final RowConsumer out, final Ranges ranges) {
		int rows = 1;
		for (int d = 1; d < n; d++)
			rows *= count[d];
		ranges.run(rows, (from, to) -> {
			final double[] line = lineBuffers.get();
			final int x = size[0];
			final int[] pos = position(from, count);
			for (int row = from; row < to; row++) {
				int base = 0, mbase = 0;
				for (int d = 1; d < n; d++) {
					base += pos[d] * strides[d];
					if (multiplier != null)
						mbase += pos[d] * multiplierStrides[d];
				}
				if (multiplier == null)
					System.arraycopy(spectrum, 2 * base, line, 0, 2 * half);
				else
					multiply(spectrum, 2 * base, multiplier, 2 * mbase, line, 0, half);
				// back to JTransforms' packing: Re[X/2] in a[1]
				line[1] = line[x];
				fft[0].realInverse(line, 0, false);
				out.accept(row, line);
				increment(pos, count);
			}
		});
	}

	/** {@code dest = a * b} for {@code count} complex values. */
	private static void multiply(final double[] a, final int ai, final double[] b, final int bi, final double[] dest, final int di, final int count) {
		for (int i = 0; i < 2 * count; i += 2) {
			final double ar = a[ai + i], aim = a[ai + i + 1], br = b[bi + i], bim = b[bi + i + 1];
			dest[di + i] = ar * br - aim * bim;
			dest[di + i + 1] = ar * bim + aim * br;
		}
	}

	/** The column blocks of a pass along {@code d}: how many, and where each starts. */
	private final class Columns {
		final int blocks, units;
		final int[] lines;

		Columns(final int d, final int[] lines) {
			this.lines = lines;
			blocks = (lines[0] + COLUMNS - 1) / COLUMNS;
			int outer = 1;
			for (int e = 1; e < n; e++)
				if (e != d)
					outer *= lines[e];
			units = outer * blocks;
		}

		int x0(final int unit) {
			return (unit % blocks) * COLUMNS;
		}

		/** Complex-value offset of the block's first line with strides {@code st}. */
		int base(final int unit, final int d, final int[] st) {
			int rest = unit / blocks;
			int base = x0(unit);
			for (int e = 1; e < n; e++) {
				if (e == d)
					continue;
				base += (rest % lines[e]) * st[e];
				rest /= lines[e];
			}
			return base;
		}
	}

	/**
	 * 1-D complex transforms along axis {@code d} of the lines selected by
	 * {@code lines} (per other axis, how many indices hold data): each line's
	 * first {@code gather} values are read, the rest taken as zero, and its
	 * first {@code scatter} values written to {@code dest}.
	 */
	private void complexPass(final int d, final boolean forward, final double[] src, final double[] dest, final int[] lines, final int gather, final int scatter, final Ranges ranges) {
		if (vector[d] != null) {
			// in place: src and dest are the same array here
			vectorPass(d, src, lines, forward ? gather : -1, null, null, null, ranges);
			return;
		}
		final int len = size[d];
		final int len2 = 2 * len;
		final int step = 2 * strides[d];
		final Columns columns = new Columns(d, lines);
		final DoubleFFT_1D f = fft[d];
		ranges.run(columns.units, (from, to) -> {
			final double[] col = columns(len, 0);
			for (int u = from; u < to; u++) {
				final int width = Math.min(COLUMNS, lines[0] - columns.x0(u));
				final int base = 2 * columns.base(u, d, strides);
				gather(src, base, step, gather, width, col, len2);
				for (int b = 0; b < width; b++) {
					if (gather < len)
						Arrays.fill(col, b * len2 + 2 * gather, (b + 1) * len2, 0);
					if (forward)
						f.complexForward(col, b * len2);
					else
						f.complexInverse(col, b * len2, false);
				}
				scatter(col, len2, scatter, width, dest, base, step);
			}
		});
	}

	/**
	 * Along axis {@code d}: each line's forward transform (of its first
	 * {@code gather} values), then per weight set the product with the
	 * multiplier's line and the inverse transform, whose first {@code scatter}
	 * values go to {@code dests[s]}.
	 */
	private void fusedPass(final int d, final double[] src, final int[] lines, final int gather, final double[][] multipliers, final int[] multiplierStrides, final double[][] dests, final int scatter, final Ranges ranges) {
		if (vector[d] != null) {
			vectorPass(d, src, lines, gather, multipliers, multiplierStrides, dests, ranges);
			return;
		}
		final int len = size[d];
		final int len2 = 2 * len;
		final int step = 2 * strides[d];
		final int mulStep = 2 * multiplierStrides[d];
		final Columns columns = new Columns(d, lines);
		final DoubleFFT_1D f = fft[d];
		final int sets = multipliers.length;
		ranges.run(columns.units, (from, to) -> {
			final double[] col = columns(len, 0);
			final double[] product = sets > 1 ? columns(len, 1) : col;
			for (int u = from; u < to; u++) {
				final int width = Math.min(COLUMNS, lines[0] - columns.x0(u));
				final int base = 2 * columns.base(u, d, strides);
				final int mbase = 2 * columns.base(u, d, multiplierStrides);
				gather(src, base, step, gather, width, col, len2);
				for (int b = 0; b < width; b++) {
					if (gather < len)
						Arrays.fill(col, b * len2 + 2 * gather, (b + 1) * len2, 0);
					f.complexForward(col, b * len2);
				}
				for (int s = 0; s < sets; s++) {
					multiplyColumns(col, multipliers[s], mbase, mulStep, width, len, product);
					for (int b = 0; b < width; b++)
						f.complexInverse(product, b * len2, false);
					scatter(product, len2, scatter, width, dests[s], base, step);
				}
			}
		});
	}

	/** Complex values per part of a row-wise pass: a part's rows should stay in cache. */
	private static final int VECTOR_PART_VALUES = 1 << 15;

	/**
	 * A pass along axis {@code d} with {@link VectorFft}, in place, over the
	 * blocks of rows selected by {@code lines} (axes after {@code d}), each
	 * split into parts of its rows' width. Without multipliers: a forward
	 * transform of the first {@code gather} rows (the rest zeroed), or an
	 * inverse one when {@code gather} is negative. With multipliers: the
	 * forward transform, then per weight set the product into
	 * {@code dests[s]} and its inverse transform there.
	 */
	private void vectorPass(final int d, final double[] data, final int[] lines, final int gather, final double[][] multipliers, final int[] multiplierStrides, final double[][] dests, final Ranges ranges) {
		final VectorFft f = vector[d];
		final int len = size[d];
		final int width = strides[d]; // complex values per row
		final int rowStep = 2 * width;
		int outer = 1;
		for (int e = d + 1; e < n; e++)
			outer *= lines[e];
		// parts: few enough rows' worth to stay in cache, enough to keep every thread busy
		int parts = Math.max(1, (int) Math.min(width, (long) len * width / VECTOR_PART_VALUES));
		if (outer < 2 * ranges.tasks())
			parts = Math.max(parts, Math.min(Math.max(1, width / 8), (2 * ranges.tasks() + outer - 1) / outer));
		final int partCount = parts;
		final int blockOuter = outer;
		boolean same = true;
		for (int e = 1; e < d && multiplierStrides != null; e++)
			same &= multiplierStrides[e] == strides[e];
		final boolean sameRows = same;
		ranges.run(blockOuter * partCount, (from, to) -> {
			for (int u = from; u < to; u++) {
				final int part = u % partCount;
				int rest = u / partCount;
				int base = 0, mbase = 0;
				for (int e = d + 1; e < n; e++) {
					final int i = rest % lines[e];
					rest /= lines[e];
					base += i * strides[e];
					if (multipliers != null)
						mbase += i * multiplierStrides[e];
				}
				final int k0 = (int) ((long) width * part / partCount), k1 = (int) ((long) width * (part + 1) / partCount);
				final int offset = 2 * base;
				if (gather < 0) {
					f.inverse(data, offset, rowStep, k0, k1);
					continue;
				}
				for (int r = gather; r < len; r++)
					Arrays.fill(data, offset + r * rowStep + 2 * k0, offset + r * rowStep + 2 * k1, 0);
				if (multipliers == null) {
					f.forward(data, offset, rowStep, k0, k1);
					continue;
				}
				if (sameRows) {
					// each row of the multiplier matches the data's row value for value
					for (int s = 0; s < multipliers.length; s++)
						f.convolve(data, offset, rowStep, s > 0, multipliers[s], 2 * mbase, 2 * multiplierStrides[d], dests[s], k0, k1);
					continue;
				}
				f.forward(data, offset, rowStep, k0, k1);
				for (int s = 0; s < multipliers.length; s++) {
					final double[] dest = dests[s];
					for (int r = 0; r < len; r++)
						multiplyRow(data, offset + r * rowStep, multipliers[s], 2 * (mbase + r * multiplierStrides[d]), multiplierStrides, d, dest, k0, k1);
					f.inverse(dest, offset, rowStep, k0, k1);
				}
			}
		});
	}

	/**
	 * {@code dest = a * b} for complex values {@code k0..k1-1} of a row (axes
	 * before {@code d}) starting at {@code a[at]}; {@code b}'s row starts at
	 * {@code b[bat]} and is laid out with {@code bStrides} (0 along batch axes).
	 */
	private void multiplyRow(final double[] a, final int at, final double[] b, final int bat, final int[] bStrides, final int d, final double[] dest, final int k0, final int k1) {
		boolean same = true;
		for (int e = 1; e < d; e++)
			same &= bStrides[e] == strides[e];
		if (same) {
			multiply(a, at + 2 * k0, b, bat + 2 * k0, dest, at + 2 * k0, k1 - k0);
			return;
		}
		int k = k0;
		while (k < k1) {
			final int x = k % half;
			int rest = k / half, boff = x;
			for (int e = 1; e < d; e++) {
				boff += (rest % size[e]) * bStrides[e];
				rest /= size[e];
			}
			final int run = Math.min(k1 - k, half - x);
			multiply(a, at + 2 * k, b, bat + 2 * boff, dest, at + 2 * k, run);
			k += run;
		}
	}

	/** {@code product = col * multiplier} per column, the multiplier's lines {@code mstep} apart along the column. */
	private static void multiplyColumns(final double[] col, final double[] mul, final int mbase, final int mstep, final int width, final int len, final double[] product) {
		final int len2 = 2 * len;
		for (int i = 0, mt = mbase; i < len2; i += 2, mt += mstep)
			for (int b = 0; b < width; b++) {
				final int c = b * len2 + i;
				final int m = mt + 2 * b;
				final double ar = col[c], ai = col[c + 1], br = mul[m], bi = mul[m + 1];
				product[c] = ar * br - ai * bi;
				product[c + 1] = ar * bi + ai * br;
			}
	}

	/** Column buffer {@code which} (0 or 1) of this thread, for {@link #COLUMNS} lines of length {@code len}. */
	private double[] columns(final int len, final int which) {
		double[][] c = columnBuffers.get();
		if (c == null) {
			c = new double[2][0];
			columnBuffers.set(c);
		}
		if (c[which].length < 2 * len * COLUMNS)
			c[which] = new double[2 * len * COLUMNS];
		return c[which];
	}

	/** Copies {@code count} values of {@code width} neighbouring lines ({@code step} apart) into separate columns. */
	private static void gather(final double[] src, final int base, final int step, final int count, final int width, final double[] col, final int len2) {
		if (width == 4) {
			final int c1 = len2, c2 = 2 * len2, c3 = 3 * len2;
			for (int i = 0, at = base; i < 2 * count; i += 2, at += step) {
				col[i] = src[at];
				col[i + 1] = src[at + 1];
				col[c1 + i] = src[at + 2];
				col[c1 + i + 1] = src[at + 3];
				col[c2 + i] = src[at + 4];
				col[c2 + i + 1] = src[at + 5];
				col[c3 + i] = src[at + 6];
				col[c3 + i + 1] = src[at + 7];
			}
			return;
		}
		for (int i = 0, at = base; i < 2 * count; i += 2, at += step)
			for (int b = 0; b < width; b++) {
				col[b * len2 + i] = src[at + 2 * b];
				col[b * len2 + i + 1] = src[at + 2 * b + 1];
			}
	}

	/** The inverse of {@link #gather}: the first {@code count} values of each column back into the lines. */
	private static void scatter(final double[] col, final int len2, final int count, final int width, final double[] dest, final int base, final int step) {
		if (width == 4) {
			final int c1 = len2, c2 = 2 * len2, c3 = 3 * len2;
			for (int i = 0, at = base; i < 2 * count; i += 2, at += step) {
				dest[at] = col[i];
				dest[at + 1] = col[i + 1];
				dest[at + 2] = col[c1 + i];
				dest[at + 3] = col[c1 + i + 1];
				dest[at + 4] = col[c2 + i];
				dest[at + 5] = col[c2 + i + 1];
				dest[at + 6] = col[c3 + i];
				dest[at + 7] = col[c3 + i + 1];
			}
			return;
		}
		for (int i = 0, at = base; i < 2 * count; i += 2, at += step)
			for (int b = 0; b < width; b++) {
				dest[at + 2 * b] = col[b * len2 + i];
				dest[at + 2 * b + 1] = col[b * len2 + i + 1];
			}
	}

	/** The position over axes 1.. of flat row index {@code row} within {@code dims}. */
	private int[] position(final int row, final int[] dims) {
		final int[] pos = new int[n];
		int rest = row;
		for (int d = 1; d < n; d++) {
			pos[d] = rest % dims[d];
			rest /= dims[d];
		}
		return pos;
	}

	private void increment(final int[] pos, final int[] dims) {
		for (int d = 1; d < n; d++) {
			if (++pos[d] < dims[d])
				return;
			pos[d] = 0;
		}
	}

	/** The scale that turns this transform's unscaled forward-inverse round trip into the identity. */
	double roundTripScale() {
		// JTransforms' unscaled complexInverse returns N times the input; its unscaled
		// realInverse N/2 times for split radix but N times for mixed radix: measured
		final double[] probe = new double[size[0]];
		probe[1] = 1;
		fft[0].realForward(probe);
		fft[0].realInverse(probe, false);
		double s = probe[1];
		for (int d = 1; d < n; d++)
			if (transformed[d])
				s *= size[d];
		return 1 / s;
	}
}
