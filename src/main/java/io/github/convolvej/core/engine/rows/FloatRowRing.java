package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.engine.source.BlockSource;

/**
 * The input rows of one tile (see {@link Tiling}, {@link TileRows}) in
 * float, for engines that sum in float: one array per row of
 * {@code chunk + K0 - 1} values, read from the source without widening. One
 * per task; the arrays are reused from tile to tile.
 */
final class FloatRowRing extends TileRows {

	/** {@code [chunk][slot][slab row]}. */
	final float[][][][] rows;

	FloatRowRing(final Tiling plan, final BlockSource input) {
		super(plan, input);
		rows = new float[plan.span][plan.kernel[plan.ring]][plan.slabRows][plan.chunk + plan.kernel[0] - 1];
	}

	@Override
	void read(final int c, final int slot, final int row, final int[] min, final int length) {
		reader.readFloats(min, length, rows[c][slot][row]);
	}
}
