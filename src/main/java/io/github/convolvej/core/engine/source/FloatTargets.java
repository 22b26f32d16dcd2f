package io.github.convolvej.core.engine.source;

import net.imglib2.RandomAccessibleInterval;

/**
 * Writes a block of results straight into the float arrays behind a target
 * (an {@code ArrayImg} or {@code PlanarImg} of floats, also through
 * cropping and translating views), a row at a time, instead of a cursor's
 * call per pixel. The values are narrowed as {@code FloatType.setReal} does.
 */
public final class FloatTargets {

	private FloatTargets() {}

	/**
	 * Stores {@code values} (x fastest, the target's size) into the target.
	 *
	 * @return false, having written nothing, when the target is not backed by float arrays
	 */
	public static boolean store(final double[] values, final RandomAccessibleInterval< ? > target) {
		final PixelStorage storage = PixelStorage.of(target, float[].class);
		if (storage == null)
			return false;
		final int n = target.numDimensions();
		final int width = (int) target.dimension(0);
		final long[] pos = new long[n];
		for (int i = 0; i < values.length; i += width) {
			final long index = storage.index(pos);
			final float[] row = (float[]) storage.array(index);
			final int at = storage.offset(index);
			for (int x = 0; x < width; x++)
				row[at + x] = (float) values[i + x];
			for (int d = 1; d < n; d++) {
				if (++pos[d] < target.dimension(d))
					break;
				pos[d] = 0;
			}
		}
		return true;
	}
}
