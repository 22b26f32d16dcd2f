package io.github.convolvej.core.match;

import io.github.convolvej.core.engine.source.Block;

/**
 * Walks an N-D box a row at a time in two flat arrays (x fastest) at once:
 * to copy a template into the frame of all templates, a part of the image
 * block or of the frame's scores, or to keep the better of two score maps.
 */
final class Boxes {

	private Boxes() {}

	/** Receives one row of the box: its start in each array and its length. */
	@FunctionalInterface
	interface Row {
		void run(int from, int to, int length);
	}

	/**
	 * Hands over every row of the box of {@code size} that starts at
	 * {@code fromStart} in an array of {@code fromDims} and at {@code toStart}
	 * in one of {@code toDims}.
	 */
	static void rows(final int[] fromDims, final int[] fromStart, final int[] toDims, final int[] toStart, final int[] size, final Row row) {
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
			row.run(src, dst, size[0]);
			for (int d = 1; d < n; d++) {
				if (++pos[d] < size[d])
					break;
				pos[d] = 0;
			}
		}
	}

	/**
	 * Copies the box of {@code size} at {@code fromStart} of {@code from}
	 * (sizes {@code fromDims}) to {@code toStart} of {@code to}.
	 *
	 * @param from, to arrays of one primitive type
	 */
	static void copy(final Object from, final int[] fromDims, final int[] fromStart, final Object to, final int[] toDims, final int[] toStart, final int[] size) {
		rows(fromDims, fromStart, toDims, toStart, size, (src, dst, length) -> System.arraycopy(from, src, to, dst, length));
	}
}
