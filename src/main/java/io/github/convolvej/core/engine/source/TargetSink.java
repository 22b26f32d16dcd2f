package io.github.convolvej.core.engine.source;

import net.imglib2.RandomAccessibleInterval;

/**
 * Writes output lines straight into the float or double arrays behind a
 * target ({@code ArrayImg} or {@code PlanarImg}, also through cropping and
 * translating views), so that a block of results needs no buffer of its own
 * and no second pass to store it. Lines never cross a row of the target.
 * Doubles are narrowed as {@code FloatType.setReal} does.
 */
public final class TargetSink implements LineSink {

	private final PixelStorage storage;
	private final boolean floats;
	private final long[] dims;
	/** The target's whole array when output index and array index agree, else null. */
	private final Object whole;

	private TargetSink(final PixelStorage storage, final boolean floats, final RandomAccessibleInterval< ? > target) {
		this.storage = storage;
		this.floats = floats;
		this.dims = target.dimensionsAsLongArray();
		this.whole = storage.wholeArray(target);
	}

	/**
	 * A sink writing into the target (output index 0 at its first pixel, x
	 * fastest), or null when the target is not backed by float or double
	 * arrays.
	 */
	public static TargetSink of(final RandomAccessibleInterval< ? > target) {
		final PixelStorage f = PixelStorage.of(target, float[].class);
		if (f != null)
			return new TargetSink(f, true, target);
		final PixelStorage d = PixelStorage.of(target, double[].class);
		return d == null ? null : new TargetSink(d, false, target);
	}

	/** True when the target holds floats, so that sums in float lose nothing in it. */
	public boolean holdsFloats() {
		return floats;
	}

	@Override
	public float[] floats() {
		return floats ? (float[]) whole : null;
	}

	@Override
	public void put(final int offset, final double[] line, final int length) {
		final long index = rowStart(offset);
		final int at = storage.offset(index) + offset % (int) dims[0];
		if (floats) {
			final float[] row = (float[]) storage.array(index);
			for (int i = 0; i < length; i++)
				row[at + i] = (float) line[i];
		} else
			System.arraycopy(line, 0, storage.array(index), at, length);
	}

	@Override
	public void putFloats(final int offset, final float[] line, final int length) {
		final long index = rowStart(offset);
		final int at = storage.offset(index) + offset % (int) dims[0];
		if (floats)
			System.arraycopy(line, 0, storage.array(index), at, length);
		else {
			final double[] row = (double[]) storage.array(index);
			for (int i = 0; i < length; i++)
				row[at + i] = line[i];
		}
	}

	/** Underlying flat index of the first pixel of the row holding output index {@code offset}. */
	private long rowStart(final int offset) {
		// a position per line, not a field: the engine's threads share the sink
		final long[] pos = new long[dims.length];
		long rest = offset / dims[0];
		for (int d = 1; d < dims.length; d++) {
			pos[d] = rest % dims[d];
			rest /= dims[d];
		}
		return storage.index(pos);
	}
}
