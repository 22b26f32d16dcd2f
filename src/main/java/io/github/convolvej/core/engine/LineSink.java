package io.github.convolvej.core.engine;

/**
 * Where an engine writes its result, a line at a time, so that one engine
 * serves float and double outputs without a call per pixel.
 */
public interface LineSink {

	/** Stores {@code line[0..length)} at flat output index {@code offset}. */
	void put(int offset, double[] line, int length);

	/** Writes into a float array. */
	static LineSink of(final float[] out) {
		return (offset, line, length) -> {
			for (int i = 0; i < length; i++)
				out[offset + i] = (float) line[i];
		};
	}

	/** Writes into a double array. */
	static LineSink of(final double[] out) {
		return (offset, line, length) -> System.arraycopy(line, 0, out, offset, length);
	}
}
