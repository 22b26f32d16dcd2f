package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.engine.source.BlockSource;

/**
 * The input rows of one tile (see {@link Tiling}, {@link TileRows}) in
 * double, chunk by chunk, held as a ring of slabs along the ring axis. One
 * per task; the arrays are reused from tile to tile.
 * <p>
 * Each row has {@code arrays} double arrays: the first holds the row read
 * from the source ({@code chunk + K0 - 1} values); the engine may fill the
 * others (shifted copies, partial sums), which hold only what a chunk's sums
 * read from them ({@code chunk + }{@link LineMath#ZEROS} values), so that a
 * wide kernel's many copies do not each hold a whole input row.
 */
final class RowRing extends TileRows {

	/** {@code [chunk][slot][slab row][array]}. */
	final double[][][][][] rows;
	RowRing(final Tiling plan, final BlockSource input, final boolean[] arrays) {
		super(plan, input);
		final int length = plan.chunk + plan.kernel[0] - 1;
		final int copyLength = Math.min(length, plan.chunk + LineMath.ZEROS);
		rows = new double[plan.span][plan.kernel[plan.ring]][plan.slabRows][arrays.length][];
		for (final double[][][][] chunk : rows)
			for (final double[][][] slot : chunk)
				for (final double[][] row : slot)
					for (int j = 0; j < arrays.length; j++)
						if (arrays[j])
							row[j] = new double[j == 0 ? length : copyLength];
	}

	/** Bytes of the row arrays of a ring of {@code plan} with {@code arrays} arrays per row. */
	static long bytes(final Tiling plan, final int arrays) {
		return Tiling.rowBytes(plan.chunk, plan.kernel[0], arrays) * plan.span * plan.kernel[plan.ring] * plan.slabRows;
	}

	@Override
	void read(final int c, final int slot, final int row, final int[] min, final int length) {
		reader.read(min, length, rows[c][slot][row][0]);
	}
}
