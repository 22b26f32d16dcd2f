package io.github.convolvej.core.match;

import io.github.convolvej.core.engine.Block;

/**
 * Copies an N-D box of values between flat arrays (x fastest) of the same
 * element type, a row at a time: a template into the frame of all
 * templates, a part of the image block, a part of the frame's scores.
 */
final class Boxes {

	private Boxes() {}

	/**
	 * Copies the box of {@code size} at {@code fromStart} of {@code from}
	 * (sizes {@code fromDims}) to {@code toStart} of {@code to}.
	 *
	 * @param from, to arrays of one primitive type
	 */
	static void copy(final Object from, final int[] fromDims, final int[] fromStart, final Object to, final int[] toDims, final int[] toStart, final int[] size) {
		final int n = size.length;
		final int[] fromStrides = Block.strides(fromDims), toStrides = Block.strides(toDims);
		final int rows = Block.numElements(size) / size[0];
		final int[] pos = new int[n];
		for (int r = 0; r < rows; r++) {
			int src = 0, dst = 0;
			for (int d = 0; d < n; d++) {
				src += (pos[d] + fromStart[d]) * fromStrides[d];
				dst += (pos[d] + toStart[d]) * toStrides[d];
			}
			System.arraycopy(from, src, to, dst, size[0]);
			for (int d = 1; d < n; d++) {
				if (++pos[d] < size[d])
					break;
				pos[d] = 0;
			}
		}
	}
}
