package io.github.convolvej.cli;

import java.io.IOException;

import net.imglib2.Interval;

/**
 * Where the blocks of a result go: a folder of TIFF planes or a Zarr array.
 * Intervals are counted from the output's first value (x, y, z). A sink
 * decides the block size it can write whole (whole planes for TIFF, whole
 * chunks for Zarr), so that a block is written without reading another.
 */
interface BlockSink {

	/**
	 * Checks the store for a new run or a resumed one and prepares it.
	 *
	 * @param size the output's size, x, y, z
	 * @param block the block size asked for, x, y, z (0: the sink's choice)
	 * @param record this run, recorded in a new store and compared with a resumed one's
	 * @return the block size to use, x, y, z
	 */
	long[] begin(long[] size, long[] block, RunRecord record) throws IOException;

	/** Takes the sizes of a store another process has prepared with {@link #begin}; returns the block size. */
	long[] attach(long[] size, long[] block);

	/** Whether the block is written whole (for --resume). */
	boolean written(Interval block);

	/** Writes a block: {@code values}, x fastest, then y, then z. */
	void write(Interval block, float[] values) throws IOException;
}
