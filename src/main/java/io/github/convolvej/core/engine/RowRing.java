package io.github.convolvej.core.engine;

import java.util.Arrays;

/**
 * The input rows of one tile (see {@link Tiling}), chunk by chunk, held as a
 * ring of slabs along the ring axis: step {@code s} of a tile reads the rows
 * at ring-axis position {@code start + s} into slot {@code s % K}, where
 * {@code K} is the kernel's length along that axis. One per task; the arrays
 * are reused from tile to tile.
 * <p>
 * Each row has {@code arrays} double arrays: the first holds the row read
 * from the source ({@code chunk + K0 - 1} values); the engine may fill the
 * others (shifted copies, partial sums), which hold only what a chunk's sums
 * read from them ({@code chunk + }{@link LineMath#ZEROS} values), so that a
 * wide kernel's many copies do not each hold a whole input row.
 */
final class RowRing {

	final Tiling plan;
	/** {@code [chunk][slot][slab row][array]}. */
	final double[][][][][] rows;
	/** Output start and size of the current tile, per axis. */
	final int[] start, size;
	/** Chunks in the current tile. */
	int chunks;
	/** Slab rows read per step in the current tile, and their indices in a slab. */
	int loaded;
	final int[] loadedRows;
	/** Output rows per ring position in the current tile: their slab index and flat output index (without the ring axis). */
	int outputs;
	final int[] outputRows, outputOffsets;

	private final RowReader reader;
	private final int[] min;
	private final int[] loadedCoords;

	RowRing(final Tiling plan, final BlockSource input, final boolean[] arrays) {
		this.plan = plan;
		final int n = plan.n;
		final int length = plan.chunk + plan.kernel[0] - 1;
		final int copyLength = Math.min(length, plan.chunk + LineMath.ZEROS);
		rows = new double[plan.span][plan.kernel[plan.ring]][plan.slabRows][arrays.length][];
		for (final double[][][][] chunk : rows)
			for (final double[][][] slot : chunk)
				for (final double[][] row : slot)
					for (int j = 0; j < arrays.length; j++)
						if (arrays[j])
							row[j] = new double[j == 0 ? length : copyLength];
		start = new int[n];
		size = new int[n];
		loadedRows = new int[plan.slabRows];
		loadedCoords = new int[plan.slabRows * n];
		int outs = 1;
		for (int d = 1; d < plan.ring; d++)
			outs *= plan.box[d];
		outputRows = new int[outs];
		outputOffsets = new int[outs];
		reader = input.rowReader();
		min = new int[n];
	}

	/** Bytes of the row arrays of a ring of {@code plan} with {@code arrays} arrays per row. */
	static long bytes(final Tiling plan, final int arrays) {
		return Tiling.rowBytes(plan.chunk, plan.kernel[0], arrays) * plan.span * plan.kernel[plan.ring] * plan.slabRows;
	}

	/** Starts tile {@code t}. */
	void begin(final int t) {
		plan.tile(t, start, size);
		chunks = (size[0] + plan.chunk - 1) / plan.chunk;
		final int n = plan.n, ring = plan.ring;
		// the slab rows: the tile's box plus the halo, along the axes below the ring axis
		final int[] pos = new int[n];
		loaded = 0;
		boolean more = true;
		while (more) {
			int index = 0;
			for (int d = 1; d < ring; d++)
				index += pos[d] * plan.slabStrides[d];
			for (int d = 1; d < ring; d++)
				loadedCoords[loaded * n + d] = start[d] + pos[d];
			loadedRows[loaded++] = index;
			more = false;
			for (int d = 1; d < ring; d++) {
				if (++pos[d] < size[d] + plan.kernel[d] - 1) {
					more = true;
					break;
				}
				pos[d] = 0;
			}
		}
		// the output rows at one ring-axis position
		outputs = 0;
		more = true;
		Arrays.fill(pos, 0);
		while (more) {
			int index = 0, offset = start[0];
			for (int d = 1; d < ring; d++) {
				index += pos[d] * plan.slabStrides[d];
				offset += (start[d] + pos[d]) * plan.outStrides[d];
			}
			for (int d = ring + 1; d < n; d++)
				offset += start[d] * plan.outStrides[d];
			outputRows[outputs] = index;
			outputOffsets[outputs++] = offset;
			more = false;
			for (int d = 1; d < ring; d++) {
				if (++pos[d] < size[d]) {
					more = true;
					break;
				}
				pos[d] = 0;
			}
		}
	}

	/** Output columns of chunk {@code c} of the current tile. */
	int width(final int c) {
		return Math.min(plan.chunk, size[0] - c * plan.chunk);
	}

	/** Input columns of chunk {@code c} of the current tile. */
	int inWidth(final int c) {
		return width(c) + plan.kernel[0] - 1;
	}

	/** Reads chunk {@code c} of the slab of step {@code step} into its slot; returns the slot. */
	int load(final int step, final int c) {
		final int n = plan.n, ring = plan.ring;
		final int slot = step % plan.kernel[ring];
		min[0] = start[0] + c * plan.chunk;
		min[ring] = start[ring] + step;
		for (int d = ring + 1; d < n; d++)
			min[d] = start[d];
		final int length = inWidth(c);
		final double[][][] dest = rows[c][slot];
		for (int r = 0; r < loaded; r++) {
			for (int d = 1; d < ring; d++)
				min[d] = loadedCoords[r * n + d];
			reader.read(min, length, dest[loadedRows[r]][0]);
		}
		return slot;
	}

	/** Flat output index of chunk {@code c} of output row {@code r} at ring-axis step {@code z} of the tile. */
	int outputOffset(final int r, final int z, final int c) {
		return outputOffsets[r] + c * plan.chunk + (start[plan.ring] + z) * plan.outStrides[plan.ring];
	}
}
