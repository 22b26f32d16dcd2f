package io.github.convolvej.core.engine.source;

/**
 * Reads runs of one row (x) of a {@link BlockSource} as doubles, or as floats
 * for the engines that sum in float. A reader belongs to one thread: it may
 * keep caches between calls.
 */
public interface RowReader {

	/**
	 * Copies {@code length} values starting at {@code min} (block coordinates,
	 * x first) along x into {@code dest[0..length)}.
	 */
	void read(int[] min, int length, double[] dest);

	/**
	 * As {@link #read(int[], int, double[])}, narrowed to float. The default
	 * reads doubles into a new array first (a source's own readers keep that
	 * array, and image sources read their pixels straight into {@code dest}).
	 */
	default void readFloats(final int[] min, final int length, final float[] dest) {
		final double[] row = new double[length];
		read(min, length, row);
		for (int i = 0; i < length; i++)
			dest[i] = (float) row[i];
	}
}
