package io.github.convolvej.core.engine.source;

/**
 * Where an engine writes its result, a line at a time, so that one engine
 * serves float and double outputs without a call per pixel.
 */
public interface LineSink {

	/** Stores {@code line[0..length)} at flat output index {@code offset}. */
	void put(int offset, double[] line, int length);

	/**
	 * The float array this sink writes into (flat output index = array
	 * index), so that an engine summing in float writes its sums there
	 * directly; null when the sink is not one.
	 */
	default float[] floats() {
		return null;
	}

	/** Stores float values; the default widens them into a new array for {@link #put}. */
	default void putFloats(final int offset, final float[] line, final int length) {
		final double[] wide = new double[length];
		for (int i = 0; i < length; i++)
			wide[i] = line[i];
		put(offset, wide, length);
	}

	/** Writes into a float array. */
	static LineSink of(final float[] out) {
		return new LineSink() {

			@Override
			public void put(final int offset, final double[] line, final int length) {
				for (int i = 0; i < length; i++)
					out[offset + i] = (float) line[i];
			}

			@Override
			public void putFloats(final int offset, final float[] line, final int length) {
				System.arraycopy(line, 0, out, offset, length);
			}

			@Override
			public float[] floats() {
				return out;
			}
		};
	}

	/** Writes into a double array. */
	static LineSink of(final double[] out) {
		return new LineSink() {

			@Override
			public void put(final int offset, final double[] line, final int length) {
				System.arraycopy(line, 0, out, offset, length);
			}

			@Override
			public void putFloats(final int offset, final float[] line, final int length) {
				for (int i = 0; i < length; i++)
					out[offset + i] = line[i];
			}
		};
	}
}
