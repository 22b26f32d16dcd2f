package io.github.convolvej.core.engine.fft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jtransforms.utils.CommonUtils;

import io.github.convolvej.core.engine.source.Block;

/**
 * How the FFT engine cuts a valid weighted sum into tiles (overlap-save): per
 * axis a transform length {@code P} of small prime factors (2, 3, 5, 7; even
 * along x), each tile giving {@code P - K + 1} outputs, chosen to minimise an
 * estimated time. Small kernels on large images get many small, cache-sized
 * transforms that run in parallel and bound the memory; a kernel as large as
 * the image gets one transform of the whole block.
 * <p>
 * Axes along which the kernel has size 1 (a 2-D kernel on a stack) are not
 * transformed at all: tiles are batched along them.
 * <p>
 * The time model: a 1-D transform of length {@code n} costs
 * {@code n log2 n} times a factor for its prime factors (JTransforms' split
 * radix for powers of two is fastest, its generic radix for 7 slowest), plus
 * the memory passes of gathering and scattering each line.
 */
final class FftPlan {

	/**
	 * The time model, nanoseconds per unit of each term of {@link #features()}:
	 * {@code n log2 n} of JTransforms transforms (weighted by their radix), 1-D
	 * transform calls, complex values gathered into and scattered from column
	 * buffers, complex values of rows copied, {@code n log2 n} of row-wise
	 * transforms ({@link VectorFft}), complex products, values read, values
	 * written, tiles. Fitted (least squares) to one-thread timings of this code
	 * on 70 tilings of 1-D to 4-D blocks; typical error 15%.
	 */
	private static final double[] FEATURE_NS = { 0.6, 42, 7.2, 0.5, 0.85, 0.9, 0.3, 5.5, 430 };

	/** Share of perfect speed-up when one tile's lines are split over threads. */
	static final double INNER_EFFICIENCY = 0.75;
	/** Complex values in one tile at most, unless a single tile covers the block (64 MB per buffer). */
	static final int MAX_TILE_ELEMENTS = 1 << 22;
	/** Complex values to aim for when batching along axes the kernel does not span. */
	static final int BATCH_ELEMENTS = 1 << 16;

	final int[] inDims;
	final int[] kernelDims;
	final int[] outDims;
	/** Per axis the transform length, or the batch extent where {@link #transformed} is false. */
	final int[] size;
	final boolean[] transformed;
	/** Outputs per tile and axis: {@code size - K + 1}. */
	final int[] step;
	/** Tiles per axis. */
	final int[] tiles;
	final int tileCount;
	final int sets;
	final int threads;
	/** Estimated wall time in nanoseconds. */
	final double nanos;

	private FftPlan(final int[] inDims, final int[] kernelDims, final int[] size, final boolean[] transformed, final int sets, final int threads) {
		this.inDims = inDims.clone();
		this.kernelDims = kernelDims.clone();
		this.outDims = Block.validDims(inDims, kernelDims);
		this.size = size.clone();
		this.transformed = transformed.clone();
		this.sets = sets;
		this.threads = Math.max(1, threads);
		final int n = inDims.length;
		step = new int[n];
		tiles = new int[n];
		long count = 1;
		for (int d = 0; d < n; d++) {
			step[d] = size[d] - kernelDims[d] + 1;
			if (step[d] < 1)
				throw new IllegalArgumentException("Transform length " + size[d] + " is shorter than the kernel (" + kernelDims[d] + ") along axis " + d + ".");
			tiles[d] = (outDims[d] + step[d] - 1) / step[d];
			count *= tiles[d];
		}
		this.tileCount = (int) Math.min(Integer.MAX_VALUE, count);
		this.nanos = estimate();
	}

	/** The plan with the least estimated time for this block, kernel and number of weight sets. */
	static FftPlan of(final int[] inDims, final int[] kernelDims, final int sets, final int threads) {
		final String key = Arrays.toString(inDims) + Arrays.toString(kernelDims) + sets + "/" + threads;
		synchronized (RECENT) {
			final FftPlan p = RECENT.get(key);
			if (p != null)
				return p;
		}
		final FftPlan p = search(inDims, kernelDims, sets, threads);
		synchronized (RECENT) {
			RECENT.put(key, p);
		}
		return p;
	}

	/** Plans made lately: the automatic choice and the engine ask for the same one. */
	private static final Map< String, FftPlan > RECENT = new LinkedHashMap< String, FftPlan >(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(final Map.Entry< String, FftPlan > eldest) {
			return size() > 32;
		}
	};

	private static FftPlan search(final int[] inDims, final int[] kernelDims, final int sets, final int threads) {
		final int n = inDims.length;
		final boolean[] transformed = new boolean[n];
		final int[][] candidates = new int[n][];
		for (int d = 0; d < n; d++) {
			transformed[d] = d == 0 || kernelDims[d] > 1;
			if (transformed[d])
				candidates[d] = candidates(inDims[d], kernelDims[d], d == 0);
		}
		// two starts for coordinate descent: one tile, and cache-sized tiles
		final int[] whole = new int[n];
		final int[] small = new int[n];
		for (int d = 0; d < n; d++) {
			if (!transformed[d]) {
				whole[d] = small[d] = 1;
				continue;
			}
			final int[] c = candidates[d];
			whole[d] = c[c.length - 1];
			small[d] = c[c.length - 1];
			for (final int v : c)
				if (v >= Math.max(4 * kernelDims[d], 64)) {
					small[d] = v;
					break;
				}
		}
		FftPlan best = null;
		for (final int[] start : new int[][] { whole, small }) {
			final FftPlan p = descend(inDims, kernelDims, start, transformed, candidates, sets, threads);
			if (best == null || p.nanos < best.nanos)
				best = p;
		}
		return withBatches(best);
	}

	/** One tile over the whole block (transform lengths the smallest allowed above the block). */
	static FftPlan whole(final int[] inDims, final int[] kernelDims, final int sets, final int threads) {
		final int n = inDims.length;
		final int[] size = new int[n];
		final boolean[] transformed = new boolean[n];
		for (int d = 0; d < n; d++) {
			transformed[d] = d == 0 || kernelDims[d] > 1;
			if (transformed[d]) {
				final int[] c = candidates(inDims[d], kernelDims[d], d == 0);
				size[d] = c[c.length - 1];
			} else
				size[d] = inDims[d];
		}
		return new FftPlan(inDims, kernelDims, size, transformed, sets, threads);
	}

	/** Given tile sizes (for tests): batch axes are those where the kernel has size 1 and {@code size} is not a transform length wanted there. */
	static FftPlan withSizes(final int[] inDims, final int[] kernelDims, final int[] size, final boolean[] transformed, final int sets, final int threads) {
		return new FftPlan(inDims, kernelDims, size, transformed, sets, threads);
	}

	private static FftPlan descend(final int[] inDims, final int[] kernelDims, final int[] start, final boolean[] transformed, final int[][] candidates, final int sets, final int threads) {
		final int[] size = start.clone();
		FftPlan best = new FftPlan(inDims, kernelDims, size, transformed, sets, threads);
		for (int round = 0; round < 8; round++) {
			boolean improved = false;
			for (int d = 0; d < size.length; d++) {
				if (!transformed[d])
					continue;
				for (final int v : candidates[d]) {
					if (v == size[d])
						continue;
					final int old = size[d];
					size[d] = v;
					final FftPlan p = new FftPlan(inDims, kernelDims, size, transformed, sets, threads);
					if (p.acceptable() && (!best.acceptable() || p.nanos < best.nanos)) {
						best = p;
						improved = true;
					} else
						size[d] = old;
				}
				size[d] = best.size[d];
			}
			if (!improved)
				break;
		}
		return best;
	}

	/** Within the memory bound: one tile of any size, or tiles of at most {@link #MAX_TILE_ELEMENTS}. */
	private boolean acceptable() {
		return tileCount == 1 || elements() <= MAX_TILE_ELEMENTS;
	}

	/** Sets the extent along axes that are not transformed: enough tiles for the threads, each not too small. */
	private static FftPlan withBatches(final FftPlan p) {
		final int n = p.size.length;
		boolean any = false;
		for (int d = 0; d < n; d++)
			any |= !p.transformed[d];
		if (!any)
			return p;
		final int[] size = p.size.clone();
		long elements = p.elements();
		for (int d = 0; d < n; d++)
			if (!p.transformed[d]) {
				size[d] = evenBatch(p.outDims[d], (int) Math.max(1, Math.min(p.outDims[d], BATCH_ELEMENTS / elements)));
				elements *= size[d];
			}
		FftPlan q = new FftPlan(p.inDims, p.kernelDims, size, p.transformed, p.sets, p.threads);
		// more, smaller batches until every thread has some tiles
		while (q.tileCount < 4 * q.threads) {
			int widest = -1;
			for (int d = 0; d < n; d++)
				if (!q.transformed[d] && size[d] > 1 && (widest < 0 || size[d] > size[widest]))
					widest = d;
			if (widest < 0)
				break;
			size[widest] = evenBatch(p.outDims[widest], (size[widest] + 1) / 2);
			q = new FftPlan(p.inDims, p.kernelDims, size, p.transformed, p.sets, p.threads);
		}
		return q;
	}

	/** At most {@code batch}, cutting {@code out} into equal batches (the last one no smaller than needed). */
	private static int evenBatch(final int out, final int batch) {
		final int pieces = (out + batch - 1) / batch;
		return (out + pieces - 1) / pieces;
	}

	/** Complex values of one tile's spectrum. */
	long elements() {
		long e = size[0] / 2 + 1;
		for (int d = 1; d < size.length; d++)
			e *= size[d];
		return e;
	}

	/** Whether tiles run in parallel (each in one thread) rather than one tile's lines over all threads. */
	boolean tilesInParallel() {
		return threads > 1 && tileCount >= 2 * threads;
	}

	private double estimate() {
		final double[] f = features();
		double single = 0;
		for (int i = 0; i < f.length; i++)
			single += FEATURE_NS[i] * f[i];
		if (tilesInParallel())
			return single * ((tileCount + threads - 1) / threads) / tileCount;
		final double speedUp = threads == 1 ? 1 : threads * INNER_EFFICIENCY;
		return single / speedUp;
	}

	/**
	 * The work of all tiles and of the kernel spectra, as the time model's
	 * terms (see {@link #FEATURE_NS}). Every term is a product of per-axis
	 * factors, so its sum over all tiles is the product of the per-axis sums:
	 * ragged last tiles count for what they read and write.
	 */
	double[] features() {
		final int n = size.length;
		final int half = size[0] / 2 + 1;
		// per axis, summed over the tiles along it: values read, outputs kept, transform lengths
		final double[] extent = new double[n], count = new double[n], length = new double[n];
		for (int d = 0; d < n; d++) {
			for (int t = 0; t < tiles[d]; t++)
				extent[d] += Math.min(size[d], inDims[d] - t * step[d]);
			count[d] = outDims[d];
			length[d] = (double) tiles[d] * size[d];
		}
		int last = -1;
		for (int d = 1; d < n; d++)
			if (transformed[d] && size[d] > 1)
				last = d;
		final Work w = new Work();
		final double rowsIn = others(extent, 0);
		w.read = rowsIn * extent[0];
		w.rows(rowsIn * tiles[0], size[0], half);
		final double[] lines = extent.clone();
		lines[0] = (double) half * tiles[0];
		for (int d = 1; d < n; d++) {
			if (!transformed[d] || size[d] == 1 || d == last)
				continue;
			w.pass(lines, d, tiles[d], extent[d], length[d], 1);
			lines[d] = length[d];
		}
		final double rowsOut = others(count, 0);
		if (last >= 0) {
			w.pass(lines, last, tiles[last], extent[last], count[last], 1 + sets);
			w.products += others(lines, last) * length[last] * sets;
			lines[last] = count[last];
			for (int d = last - 1; d >= 1; d--) {
				if (!transformed[d] || size[d] == 1)
					continue;
				w.pass(lines, d, tiles[d], length[d], count[d], sets);
				lines[d] = count[d];
			}
		} else
			w.products += sets * rowsOut * half * tiles[0];
		w.rows(sets * rowsOut * tiles[0], size[0], half);
		w.written = sets * rowsOut * count[0];
		w.tiles = tileCount;
		// the kernel spectra: a full forward transform per weight set
		final Work k = new Work();
		for (int d = 0; d < n; d++)
			lines[d] = d == 0 ? half : transformed[d] ? kernelDims[d] : 1;
		k.rows(others(lines, 0), size[0], half);
		for (int d = 1; d < n; d++) {
			if (!transformed[d] || size[d] == 1)
				continue;
			k.pass(lines, d, 1, kernelDims[d], size[d], 1);
			lines[d] = size[d];
		}
		k.scale(sets);
		return new double[] { w.flops + k.flops, w.calls + k.calls, w.moved + k.moved, w.copied + k.copied, w.rowFlops + k.rowFlops, w.products, w.read, w.written, w.tiles };
	}

	/** Terms of the time model, added up pass by pass as {@link TileTransform} does them. */
	private final class Work {
		double flops, calls, moved, copied, rowFlops, products, read, written, tiles;

		/** Real transforms of {@code rows} rows of length {@code x}. */
		void rows(final double rows, final int x, final int half) {
			flops += rows * realFlops(x);
			calls += rows;
			copied += rows * half;
		}

		/**
		 * A pass along {@code d} over the lines selected by {@code lines} (summed
		 * over tiles), in {@code tiles} tiles along {@code d}, reading
		 * {@code gather} and writing {@code scatter} values per line (summed over
		 * those tiles), each line transformed {@code times} times.
		 */
		void pass(final double[] lines, final int d, final int tiles, final double gather, final double scatter, final int times) {
			final int len = size[d];
			final double cols = others(lines, d);
			if (Integer.bitCount(len) == 1) {
				// row-wise: every line in place, all of its length
				rowFlops += times * cols * tiles * len * Math.log(len) / Math.log(2);
				return;
			}
			flops += times * cols * tiles * complexFlops(len);
			calls += times * cols * tiles;
			moved += cols * (gather + (times > 1 ? times - 1 : 1) * scatter);
		}

		void scale(final double f) {
			flops *= f;
			calls *= f;
			moved *= f;
			copied *= f;
			rowFlops *= f;
			products *= f;
			read *= f;
			written *= f;
		}
	}

	/** The product of {@code v} over every axis but {@code skip} (and over axes 1.. when {@code skip} is 0). */
	private static double others(final double[] v, final int skip) {
		double p = 1;
		for (int d = skip == 0 ? 1 : 0; d < v.length; d++)
			if (d != skip)
				p *= v[d];
		return p;
	}

	/** {@code n log2 n} of a complex transform, weighted by JTransforms' speed for its factors. */
	static double complexFlops(final int n) {
		if (n <= 1)
			return 0;
		return n * Math.max(1, Math.log(n) / Math.log(2)) * radixFactor(n);
	}

	/** As {@link #complexFlops} for a real-to-complex transform. */
	static double realFlops(final int n) {
		return complexFlops(n) * (Integer.bitCount(n) == 1 ? 0.55 : 0.75);
	}

	/** JTransforms' relative speed per {@code n log n}: split radix for powers of two, mixed radix 2-3-4-5, a generic pass per 7. */
	static double radixFactor(int n) {
		if (Integer.bitCount(n) == 1)
			return 1;
		// mixed radix: slower, and much slower for short lines (work arrays made per call)
		double f = n < 64 ? 2.5 : 1.7;
		while (n % 7 == 0) {
			n /= 7;
			f *= 1.6;
		}
		return f;
	}

	/**
	 * Allowed transform lengths along one axis, ascending: from the kernel
	 * size, powers of two times 1, 3, 5, 7, 9 or 15, and the first product of 2,
	 * 3, 5 and 7 at least the block size (all even along x). Powers of two long enough for JTransforms to start its own
	 * threads are left out: the engine runs its own threads around them.
	 */
	static int[] candidates(final int in, final int k, final boolean even) {
		final int lo = Math.max(k, even ? 2 : 1);
		final long limit = 2L * Math.max(in, lo) + 2; // a power of two lies below
		final List< Integer > all = new ArrayList<>();
		for (long a = 1; a <= limit; a *= 2)
			for (long b = a; b <= limit; b *= 3)
				for (long c = b; c <= limit; c *= 5)
					for (long e = c; e <= limit; e *= 7)
						if (e >= lo && (!even || e % 2 == 0) && !(even && startsThreads((int) e)))
							all.add((int) e);
		all.sort(null);
		final List< Integer > list = new ArrayList<>();
		for (final int v : all) {
			if (v >= in) {
				list.add(v); // the tightest fit of the whole block
				break;
			}
			// shorter tiles: powers of two times a small odd factor are enough to choose from
			int odd = v;
			while (odd % 2 == 0)
				odd /= 2;
			if (odd == 1 || odd == 3 || odd == 5 || odd == 7 || odd == 9 || odd == 15)
				list.add(v);
		}
		final int[] c = new int[list.size()];
		for (int i = 0; i < c.length; i++)
			c[i] = list.get(i);
		return c;
	}

	private static boolean startsThreads(final int v) {
		return Integer.bitCount(v) == 1 && v > CommonUtils.getThreadsBeginN_1D_FFT_2Threads();
	}

	@Override
	public String toString() {
		return "FftPlan" + Arrays.toString(size) + (tileCount > 1 ? " x " + tileCount + " tiles" : "") + (tilesInParallel() ? " in parallel" : "") + String.format(" ~%.1f ms", nanos / 1e6);
	}
}
