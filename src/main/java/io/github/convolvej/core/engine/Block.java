package io.github.convolvej.core.engine;

import java.util.Arrays;

/**
 * An N-dimensional block of doubles, flat with x varying fastest: the
 * boundary-extended input that the engines read.
 */
public final class Block {

	public final double[] data;
	public final int[] dims;

	public Block(final double[] data, final int... dims) {
		if (data.length != numElements(dims))
			throw new IllegalArgumentException("A block of " + Arrays.toString(dims) + " needs " + numElements(dims) + " values, got " + data.length + ".");
		this.data = data;
		this.dims = dims.clone();
	}

	public int numDimensions() {
		return dims.length;
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
