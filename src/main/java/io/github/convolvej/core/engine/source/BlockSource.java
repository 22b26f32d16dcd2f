package io.github.convolvej.core.engine.source;

import java.util.Arrays;

/**
 * The boundary-extended input of an engine, read in parts: the direct and
 * separable engines read it row by row ({@link #rowReader()}), the FFT engine
 * tile by tile ({@link #read}), so an image is never copied whole. A
 * {@link Block} is a source held in memory; {@link ImageBlockSource} reads an
 * image on demand.
 */
public interface BlockSource {

	/** Sizes of the whole extended block, x first. */
	int[] dims();

	/**
	 * Copies the part of the block starting at {@code min} (block coordinates,
	 * 0-based) of size {@code size} into {@code dest}, x fastest. Safe to call
	 * from several threads at once.
	 */
	void read(int[] min, int[] size, double[] dest);

	/**
	 * A reader of single row runs for the calling thread, the way the direct
	 * and separable engines read. The default goes through {@link #read}.
	 */
	default RowReader rowReader() {
		final int n = numDimensions();
		final int[] size = new int[n];
		Arrays.fill(size, 1);
		return new RowReader() {
			/** Doubles read before narrowing to float, kept between calls. */
			private double[] wide = new double[0];

			@Override
			public void read(final int[] min, final int length, final double[] dest) {
				size[0] = length;
				BlockSource.this.read(min, size, dest);
			}

			@Override
			public void readFloats(final int[] min, final int length, final float[] dest) {
				if (wide.length < length)
					wide = new double[length];
				read(min, length, wide);
				for (int i = 0; i < length; i++)
					dest[i] = (float) wide[i];
			}
		};
	}

	/**
	 * True when every value is exactly a float (float, 8- and 16-bit images and
	 * a fill value that is a float), so that an engine summing in float loses
	 * nothing in reading them.
	 */
	default boolean exactInFloat() {
		return false;
	}

	/** True when no value is NaN or infinite (scans the source). */
	boolean allFinite();

	/** The whole block in memory. */
	default Block readAll() {
		final int[] dims = dims();
		final double[] data = new double[Block.numElements(dims)];
		read(new int[dims.length], dims, data);
		return new Block(data, dims);
	}

	default int numDimensions() {
		return dims().length;
	}
}
