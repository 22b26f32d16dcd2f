package io.github.convolvej.core.engine;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * Splits a valid weighted sum into tiles along its outermost axis with more
 * than one output: each tile is a band of output rows (or planes) whose input,
 * with the kernel's halo, is read from the {@link BlockSource} into a buffer
 * the task reuses. Tiles are the unit of threading, progress and cancellation.
 * Tile outputs are contiguous in the output, so a tile writes its lines at
 * {@code tileOffset + line * lineLength}.
 */
final class Tiling {

	/** Input values per tile to aim for: a few MB, so a tile stays in cache. */
	private static final int TARGET_TILE_VALUES = 1 << 18;

	/** The work for one tile. */
	interface TileTask {
		/**
		 * @param tile the input of the tile, x fastest
		 * @param tileDims its sizes
		 * @param outputOffset flat output index of the tile's first output
		 */
		void run(double[] tile, int[] tileDims, int outputOffset);
	}

	private Tiling() {}

	static void run(final BlockSource input, final int[] kernelDims, final TaskExecutor executor, final ProgressListener progress, final TileTask task) {
		final int[] inDims = input.dims();
		final int n = inDims.length;
		final int[] outDims = Block.validDims(inDims, kernelDims);
		int axis = n - 1;
		while (axis > 0 && outDims[axis] == 1)
			axis--;
		final int split = axis;
		final int[] outStrides = Block.strides(outDims);
		final long valuesPerSlice = (long) Block.numElements(inDims) / inDims[split];
		final int threads = Math.max(1, executor.getParallelism());
		int rows = (int) Math.max(1, TARGET_TILE_VALUES / valuesPerSlice);
		rows = Math.max(rows, 4 * (kernelDims[split] - 1)); // keep the halo a small part of each tile
		rows = Math.min(rows, Math.max(1, (outDims[split] + 4 * threads - 1) / (4 * threads)));
		if (split == 0)
			rows = outDims[0]; // a single output row: one tile
		final int tileRows = rows;
		final int tiles = (outDims[split] + tileRows - 1) / tileRows;
		LineRanges.run(tiles, executor, progress, (from, to, tick) -> {
			double[] buffer = new double[0];
			final int[] min = new int[n];
			for (int t = from; t < to; t++) {
				final int first = t * tileRows;
				final int count = Math.min(tileRows, outDims[split] - first);
				final int[] size = inDims.clone();
				min[split] = first;
				size[split] = count + kernelDims[split] - 1;
				final int values = Block.numElements(size);
				if (buffer.length < values)
					buffer = new double[values];
				input.read(min, size, buffer);
				task.run(buffer, size, first * outStrides[split]);
				tick.run();
			}
		});
	}
}
