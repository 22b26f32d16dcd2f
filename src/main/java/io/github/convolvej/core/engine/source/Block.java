package io.github.convolvej.core.engine.source;

import java.util.Arrays;

/**
 * An N-dimensional block of doubles, flat with x varying fastest: the
 * boundary-extended input that the engines read.
 */
public final class Block implements BlockSource {

	public final double[] data;
	public final int[] dims;

	public Block(final double[] data, final int... dims) {
		if (data.length != numElements(dims))
			throw new IllegalArgumentException("A block of " + Arrays.toString(dims) + " needs " + numElements(dims) + " values, got " + data.length + ".");
		this.data = data;
		this.dims = dims.clone();
	}

	@Override
	public int numDimensions() {
		return dims.length;
	}

	@Override
	public int[] dims() {
		return dims.clone();
	}

	@Override
	public Block readAll() {
		return this;
	}

	@Override
	public boolean allFinite() {
		for (final double v : data)
			if (!Double.isFinite(v))
				return false;
		return true;
	}

	@Override
	public void read(final int[] min, final int[] size, final double[] dest) {
		forEachLine(dims, min, size, (from, at, width) -> System.arraycopy(data, from, dest, at, width));
	}

	/** Takes one line of a box: {@code width} values from flat index {@code from} of the block, to {@code at} in the box. */
	interface LineCopy {
		void copy(int from, int at, int width);
	}

	/**
	 * Walks the lines (runs along x) of the box at {@code min} of
	 * {@code size} in a block of {@code dims}, x fastest: the reading of a
	 * box out of any flat block.
	 */
	static void forEachLine(final int[] dims, final int[] min, final int[] size, final LineCopy line) {
		final int n = dims.length;
		final int[] strides = strides(dims);
		final int w = size[0];
		final int lines = numElements(size) / w;
		final int[] pos = new int[n];
		for (int l = 0; l < lines; l++) {
			int src = min[0];
			for (int d = 1; d < n; d++)
				src += (min[d] + pos[d]) * strides[d];
			line.copy(src, l * w, w);
			for (int d = 1; d < n; d++) {
				if (++pos[d] < size[d])
					break;
				pos[d] = 0;
			}
		}
	}

	@Override
	public RowReader rowReader() {
		final int[] strides = strides(dims);
		return (min, length, dest) -> {
			int src = 0;
			for (int d = 0; d < strides.length; d++)
				src += min[d] * strides[d];
			System.arraycopy(data, src, dest, 0, length);
		};
	}

	/** Product of the sizes; throws when it does not fit one Java array. */
	public static int numElements(final int... dims) {
		long n = 1;
		for (final int d : dims)
			n *= d;
		if (n > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("A block of " + Arrays.toString(dims) + " pixels is too large for one array (over 2^31 values): crop the image or process it in parts.");
		return (int) n;
	}

	/** Flat index steps per axis. */
	public static int[] strides(final int... dims) {
		final int[] s = new int[dims.length];
		int st = 1;
		for (int d = 0; d < dims.length; d++) {
			s[d] = st;
			st *= dims[d];
		}
		return s;
	}

	/** Per axis {@code in - k + 1}: the size of the valid weighted sum. */
	public static int[] validDims(final int[] in, final int[] k) {
		final int[] o = new int[in.length];
		for (int d = 0; d < in.length; d++) {
			o[d] = in[d] - k[d] + 1;
			if (o[d] < 1)
				throw new IllegalArgumentException("Kernel " + Arrays.toString(k) + " is larger than block " + Arrays.toString(in) + ".");
		}
		return o;
	}
}
