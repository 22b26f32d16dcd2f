package io.github.convolvej.core.engine;

/**
 * Reads runs of one row (x) of a {@link BlockSource} as doubles. A reader
 * belongs to one thread: it may keep caches between calls.
 */
public interface RowReader {

	/**
	 * Copies {@code length} values starting at {@code min} (block coordinates,
	 * x first) along x into {@code dest[0..length)}.
	 */
	void read(int[] min, int length, double[] dest);
}
