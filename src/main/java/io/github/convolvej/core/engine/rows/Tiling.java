package io.github.convolvej.core.engine.rows;

import java.util.Arrays;
import java.util.function.Supplier;

import io.github.convolvej.core.ParallelItems;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.Block;
import net.imglib2.parallel.TaskExecutor;

/**
 * How the direct and separable engines cut a valid weighted sum into tiles,
 * the unit of threading, progress and cancellation.
 * <p>
 * A tile is a run of output columns ({@link #span} chunks of {@link #chunk}
 * columns: the sums run chunk by chunk, so their lines stay in the L1 cache,
 * while the rows are read chunk after chunk, so memory streams in order), a
 * box of output rows along the axes below the
 * <em>ring axis</em> (the outermost axis along which the kernel is longer than
 * one), a range of steps along the ring axis, and a single index along the
 * axes above it. The tile's input rows are read one slab (all rows of the box
 * with the kernel's halo, at one ring-axis position) at a time into a ring of
 * as many slabs as the kernel is long along the ring axis, so every input row
 * is read once per tile; see {@link RowRing}.
 * <p>
 * 1-D blocks are treated as 2-D blocks one row high.
 */
final class Tiling {

	/** The sizes that steer the cutting; tests use small ones to reach every path. */
	static final class Limits {

		/**
		 * Chunks of up to 4096 columns; rings of rows of about 512 KB, the L2
		 * cache of a core; eight tiles per thread, so threads finish together.
		 */
		static final Limits DEFAULT = new Limits(4096, 1 << 19, 8);

		/** Output columns per chunk at most. */
		final int chunk;
		/** Row buffer bytes per task to aim for. */
		final long targetBytes;
		/** Tiles per thread to aim for. */
		final int tilesPerThread;

		Limits(final int chunk, final long targetBytes, final int tilesPerThread) {
			this.chunk = chunk;
			this.targetBytes = targetBytes;
			this.tilesPerThread = tilesPerThread;
		}
	}

	/** Axes (at least 2). */
	final int n;
	final int[] in, kernel, out;
	/** Output columns summed per pass (the last chunk of a row may have fewer). */
	final int chunk;
	/** Chunks per tile. */
	final int span;
	/** The ring axis. */
	final int ring;
	/** Per axis, output extent of a tile (axis 0: {@code span * chunk}). */
	final int[] box;
	/** Per axis, tiles along it. */
	final int[] counts;
	final int tiles;
	/** Per axis, input rows of a full tile's slab (box plus halo below the ring axis, else 1). */
	final int[] slab;
	final int[] slabStrides;
	final int slabRows;
	final int[] outStrides;

	/**
	 * @param arraysPerRow how many arrays of about a chunk's length the engine keeps per input row
	 */
	Tiling(final int[] inDims, final int[] kernelDims, final int threads, final int arraysPerRow, final Limits limits) {
		in = atLeast2D(inDims);
		kernel = atLeast2D(kernelDims);
		n = in.length;
		out = Block.validDims(in, kernel);
		outStrides = Block.strides(out);
		int a = n - 1;
		while (a > 1 && kernel[a] == 1)
			a--;
		ring = a;

		// a tile is as many chunks wide as its ring of rows fits the cache: whole rows stream memory best
		long lines = kernel[ring];
		for (int d = 1; d < ring; d++)
			lines *= kernel[d];
		// large kernels: narrower chunks, so that the smallest ring stays within a few caches' worth
		int most = limits.chunk;
		while (most > 64 && rowBytes(most, kernel[0], arraysPerRow) * lines > 16 * limits.targetBytes)
			most /= 2;
		final int chunks = (out[0] + most - 1) / most;
		chunk = (out[0] + chunks - 1) / chunks;
		final long chunkBytes = rowBytes(chunk, kernel[0], arraysPerRow);
		final int fit = (int) Math.max(1, Math.min(chunks, limits.targetBytes / (chunkBytes * lines)));
		final int tilesAlongX = (chunks + fit - 1) / fit;
		span = (chunks + tilesAlongX - 1) / tilesAlongX;
		box = new int[n];
		counts = new int[n];
		slab = new int[n];
		Arrays.fill(slab, 1);
		box[0] = span * chunk;
		counts[0] = (out[0] + box[0] - 1) / box[0];

		long rows = Math.max(1, limits.targetBytes / (chunkBytes * span) / kernel[ring]);
		for (int d = 1; d < ring; d++) {
			// at least four times the halo: rows of the halo are read, and summed along the ring axis, for nothing
			final long least = 4L * (kernel[d] - 1);
			box[d] = (int) Math.max(1, Math.min(out[d], Math.max(least, rows - kernel[d] + 1)));
			slab[d] = box[d] + kernel[d] - 1;
			counts[d] = (out[d] + box[d] - 1) / box[d];
			rows = Math.max(1, rows / slab[d]);
		}
		for (int d = ring + 1; d < n; d++) {
			box[d] = 1;
			counts[d] = out[d];
		}
		long others = 1;
		for (int d = 0; d < n; d++)
			if (d != ring)
				others *= counts[d];
		final long wanted = (long) limits.tilesPerThread * Math.max(1, threads);
		final int maxSplits = Math.max(1, out[ring] / Math.max(4, 4 * (kernel[ring] - 1)));
		final int splits = (int) Math.max(1, Math.min(maxSplits, (wanted + others - 1) / others));
		box[ring] = (out[ring] + splits - 1) / splits;
		counts[ring] = (out[ring] + box[ring] - 1) / box[ring];
		tiles = Math.toIntExact(others * counts[ring]);
		slabStrides = Block.strides(slab);
		slabRows = Block.numElements(slab);
	}

	/**
	 * Bytes of one input row of a chunk: the row read ({@code chunk + K0 - 1}
	 * values) and the engine's other arrays, which hold only what the chunk's
	 * sums read (see {@link RowRing}).
	 */
	static long rowBytes(final int chunk, final int kernelWidth, final int arraysPerRow) {
		final long length = chunk + (long) kernelWidth - 1;
		return 8 * (length + (arraysPerRow - 1) * Math.min(length, chunk + LineMath.ZEROS));
	}

	/** {@code dims}, with a second axis of size 1 when there is only one. */
	static int[] atLeast2D(final int[] dims) {
		return dims.length >= 2 ? dims.clone() : new int[] { dims[0], 1 };
	}

	/** Output start and size of tile {@code t} per axis; axis 0 fastest. */
	void tile(final int t, final int[] start, final int[] size) {
		int rest = t;
		for (int d = 0; d < n; d++) {
			final int i = rest % counts[d];
			rest /= counts[d];
			start[d] = i * box[d];
			size[d] = Math.min(box[d], out[d] - start[d]);
		}
	}

	/** Runs every tile on the executor, each task with its own worker; progress and cancellation per tile. */
	void run(final TaskExecutor executor, final ProgressListener progress, final Supplier< ParallelItems.ItemTask > workers) {
		ParallelItems.forEach(tiles, executor, progress, workers);
	}
}
