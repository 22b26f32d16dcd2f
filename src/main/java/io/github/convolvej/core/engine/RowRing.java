package io.github.convolvej.core.engine;

import java.util.Arrays;

/**
 * The input rows of one tile (see {@link Tiling}), held as a ring of slabs
 * along the ring axis: step {@code s} of a tile reads the rows at ring-axis
 * position {@code start + s} into slot {@code s % K}, where {@code K} is the
 * kernel's length along that axis. One per task; the arrays are reused from
 * tile to tile.
 * <p>
 * Each row has {@code arrays} double arrays: the first holds the row read
 * from the source ({@code chunk + K0 - 1} values); the engine may fill the
 * others (shifted copies, partial sums).
 */
final class RowRing {

	final Tiling plan;
	/** {@code [slot][slab row][array]}. */
	final double[][][][] rows;
	/** Output start and size of the current tile, per axis. */
	final int[] start, size;
	/** Output columns of the current tile, and input columns read per row. */
	int width, inWidth;
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
		rows = new double[plan.kernel[plan.ring]][plan.slabRows][arrays.length][];
		for (final double[][][] slot : rows)
			for (final double[][] row : slot)
				for (int j = 0; j < arrays.length; j++)
					if (arrays[j])
						row[j] = new double[length];
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

	/** Starts tile {@code t}. */
	void begin(final int t) {
		plan.tile(t, start, size);
		width = size[0];
		inWidth = width + plan.kernel[0] - 1;
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

	/** Reads the slab of step {@code step} into its slot; returns the slot. */
	int load(final int step) {
		final int n = plan.n, ring = plan.ring;
		final int slot = step % plan.kernel[ring];
		min[0] = start[0];
		min[ring] = start[ring] + step;
		for (int d = ring + 1; d < n; d++)
			min[d] = start[d];
		for (int r = 0; r < loaded; r++) {
			for (int d = 1; d < ring; d++)
				min[d] = loadedCoords[r * n + d];
			reader.read(min, inWidth, rows[slot][loadedRows[r]][0]);
		}
		return slot;
	}

	/** Flat output index of output row {@code r} at ring-axis step {@code z} of the tile. */
	int outputOffset(final int r, final int z) {
		return outputOffsets[r] + (start[plan.ring] + z) * plan.outStrides[plan.ring];
	}
}
