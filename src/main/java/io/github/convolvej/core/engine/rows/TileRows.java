package io.github.convolvej.core.engine.rows;

import java.util.Arrays;

import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.RowReader;

/**
 * Which input rows a tile of a {@link Tiling} reads and where its output rows
 * go: the bookkeeping shared by the rings of rows the row engines keep
 * ({@link RowRing} in double, {@link FloatRowRing} in float). Step {@code s}
 * of a tile reads the slab (every row of the tile's box plus the kernel's
 * halo) at ring-axis position {@code start + s} into slot {@code s % K}, where
 * {@code K} is the kernel's length along the ring axis.
 */
abstract class TileRows {

	final Tiling plan;
	/** The kernel's length along the ring axis: the ring's slots; step {@code slots - 1} makes the first output. */
	final int slots;
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

	final RowReader reader;
	private final int[] min;
	private final int[] loadedCoords;
	/** Scratch for {@link #passRows}: called for every pass of every step. */
	private final int[] passPos;

	TileRows(final Tiling plan, final BlockSource input) {
		this.plan = plan;
		slots = plan.kernel[plan.ring];
		final int n = plan.n;
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
		passPos = new int[n];
	}

	/**
	 * Starts tile {@code t}.
	 *
	 * @return its steps: the tile's outputs along the ring axis plus the
	 *         kernel's length there ({@link #slots}) less one
	 */
	int begin(final int t) {
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
		return size[ring] + slots - 1;
	}

	/**
	 * The slab rows that a pass along axis {@code d} (between x and the ring
	 * axis) writes in the current tile, outermost axis first: along the axes
	 * below {@code d} the box with its halo (not yet summed), along {@code d}
	 * and above the box. Writes their slab indices into {@code rows}; returns
	 * how many.
	 */
	final int passRows(final int d, final int[] rows) {
		final int ring = plan.ring;
		final int[] pos = passPos;
		Arrays.fill(pos, 0);
		int count = 0;
		boolean more = true;
		while (more) {
			int row = 0;
			for (int e = 1; e < ring; e++)
				row += pos[e] * plan.slabStrides[e];
			rows[count++] = row;
			more = false;
			for (int e = 1; e < ring; e++) {
				if (++pos[e] < size[e] + (e < d ? plan.kernel[e] - 1 : 0)) {
					more = true;
					break;
				}
				pos[e] = 0;
			}
		}
		return count;
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
	final int load(final int step, final int c) {
		final int n = plan.n, ring = plan.ring;
		final int slot = step % plan.kernel[ring];
		min[0] = start[0] + c * plan.chunk;
		min[ring] = start[ring] + step;
		for (int d = ring + 1; d < n; d++)
			min[d] = start[d];
		final int length = inWidth(c);
		for (int r = 0; r < loaded; r++) {
			for (int d = 1; d < ring; d++)
				min[d] = loadedCoords[r * n + d];
			read(c, slot, loadedRows[r], min, length);
		}
		return slot;
	}

	/** Reads {@code length} values from {@code min} into the row of chunk {@code c}, slot {@code slot}, slab row {@code row}. */
	abstract void read(int c, int slot, int row, int[] min, int length);

	/** Flat output index of chunk {@code c} of output row {@code r} at ring-axis step {@code z} of the tile. */
	int outputOffset(final int r, final int z, final int c) {
		return outputOffsets[r] + c * plan.chunk + (start[plan.ring] + z) * plan.outStrides[plan.ring];
	}
}
