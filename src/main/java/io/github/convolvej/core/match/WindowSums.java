package io.github.convolvej.core.match;

import java.util.Arrays;

import io.github.convolvej.core.ParallelItems;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.Block;
import net.imglib2.parallel.TaskExecutor;

/**
 * The sum and the sum of squares of {@code v - shift} over every window of
 * a block (one value per window position, {@code L - K + 1} per axis), in
 * double, in time independent of the window size, handed over a row of
 * window positions at a time (so no image-sized array of sums is kept).
 * <p>
 * Along each axis, a window sum is a suffix sum of the chunk of {@code K}
 * values it starts in plus a prefix sum of the next chunk (the van Herk /
 * Gil-Werman split used for running extrema). Unlike summed-area tables or
 * running sums, nothing is subtracted, so every sum is accurate relative to
 * its own window (not to the whole image), a window of zeros sums to exactly
 * 0, and a NaN reaches only the windows that hold it.
 * <p>
 * The outermost axis (rows in 2-D, planes in 3-D) is summed first, one chunk
 * of rows at a time, and each finished row is summed along the axes below at
 * once, so the block is read twice.
 */
final class WindowSums {

	/** Receives the sums of consecutive window positions; called from several threads at once. */
	interface Rows {
		/**
		 * @param offset flat index (x fastest over the window positions) of the first
		 * @param sum Σ(v - shift) of each, from index 0
		 * @param sumOfSquares Σ(v - shift)² of each
		 * @param length how many
		 */
		void accept(int offset, double[] sum, double[] sumOfSquares, int length);
	}

	private WindowSums() {}

	/**
	 * @param block the values, flat, x fastest
	 * @param blockDims its sizes
	 * @param window the window's sizes, as many axes
	 * @param shift subtracted from every value first
	 * @param rows receives every window position's sums once
	 */
	static void compute(final double[] block, final int[] blockDims, final int[] window, final double shift, final TaskExecutor executor, final Rows rows) {
		final int n = blockDims.length;
		final int[] outDims = Block.validDims(blockDims, window);
		if (n == 1) {
			final double[] v = new double[block.length], v2 = new double[block.length];
			for (int i = 0; i < v.length; i++) {
				v[i] = block[i] - shift;
				v2[i] = v[i] * v[i];
			}
			final double[] out1 = new double[outDims[0]], out2 = new double[outDims[0]];
			linePair(v, v2, 0, v.length, window[0], out1, out2, 0);
			rows.accept(0, out1, out2, out1.length);
			return;
		}
		final int top = n - 1;
		final int[] rowDims = Arrays.copyOf(blockDims, top);
		final int[] rowWindow = Arrays.copyOf(window, top);
		final int rowLength = Block.numElements(rowDims);
		final int outRowLength = Block.numElements(Block.validDims(rowDims, rowWindow));
		final int k = window[top];
		final int topLength = outDims[top];

		// each task keeps the suffix sums of k rows: at most about 64 MB of them at once
		final long bufferValues = 2L * k * rowLength;
		final int tasks = (int) Math.max(1, Math.min(Math.min(topLength / Math.max(k, 16), 2 * executor.getParallelism()), (8L << 20) / bufferValues));
		ParallelItems.forEach(tasks, executor, ProgressListener.NONE, () -> {
			// per thread: the suffix sums of k rows and a row of each sum
			final double[] suffix1 = new double[k * rowLength], suffix2 = new double[k * rowLength];
			final double[] out1 = new double[outRowLength], out2 = new double[outRowLength];
			final double[] acc1 = new double[rowLength], acc2 = new double[rowLength];
			return task -> {
				final int from = (int) ((long) topLength * task / tasks), to = (int) ((long) topLength * (task + 1) / tasks);
				for (int c = from; c < to; c += k) {
					final int end = Math.min(c + k, to);
					// suffix sums of the chunk's rows c+k-1 down to c
					Arrays.fill(acc1, 0);
					Arrays.fill(acc2, 0);
					for (int t = c + k - 1; t >= c; t--) {
						final int src = t * rowLength;
						for (int x = 0; x < rowLength; x++) {
							final double v = block[src + x] - shift;
							acc1[x] += v;
							acc2[x] += v * v;
						}
						if (t < end) {
							System.arraycopy(acc1, 0, suffix1, (t - c) * rowLength, rowLength);
							System.arraycopy(acc2, 0, suffix2, (t - c) * rowLength, rowLength);
						}
					}
					// row c is its chunk; row i > c adds the prefix c+k .. i+k-1 of the next chunk
					belowTop(suffix1, suffix2, 0, rowDims, rowWindow, out1, out2, c * outRowLength, rows);
					Arrays.fill(acc1, 0);
					Arrays.fill(acc2, 0);
					for (int i = c + 1; i < end; i++) {
						final int src = (i + k - 1) * rowLength;
						final int at = (i - c) * rowLength;
						for (int x = 0; x < rowLength; x++) {
							final double v = block[src + x] - shift;
							acc1[x] += v;
							acc2[x] += v * v;
							suffix1[at + x] += acc1[x];
							suffix2[at + x] += acc2[x];
						}
						belowTop(suffix1, suffix2, at, rowDims, rowWindow, out1, out2, i * outRowLength, rows);
					}
				}
			};
		});
	}

	/** Window sums of one finished row (plane, ...) along the axes below the top one, handed on. */
	private static void belowTop(final double[] row1, final double[] row2, final int offset, final int[] dims, final int[] window, final double[] out1, final double[] out2, final int outOffset, final Rows rows) {
		if (dims.length == 1) {
			linePair(row1, row2, offset, dims[0], window[0], out1, out2, 0);
			rows.accept(outOffset, out1, out2, out1.length);
			return;
		}
		final double[] s1 = all(Arrays.copyOfRange(row1, offset, offset + Block.numElements(dims)), dims, window);
		final double[] s2 = all(Arrays.copyOfRange(row2, offset, offset + Block.numElements(dims)), dims, window);
		rows.accept(outOffset, s1, s2, s1.length);
	}

	/** {@link #line} of two lines at once: two independent chains of additions run twice as fast. */
	private static void linePair(final double[] in1, final double[] in2, final int inOffset, final int length, final int k, final double[] out1, final double[] out2, final int outOffset) {
		final int outLength = length - k + 1;
		if (k == 1) {
			System.arraycopy(in1, inOffset, out1, outOffset, length);
			System.arraycopy(in2, inOffset, out2, outOffset, length);
			return;
		}
		for (int c = 0; c < outLength; c += k) {
			double a1 = 0, a2 = 0;
			int t = c + k - 1;
			for (; t >= outLength; t--) {
				a1 += in1[inOffset + t];
				a2 += in2[inOffset + t];
			}
			for (; t >= c; t--) {
				a1 += in1[inOffset + t];
				a2 += in2[inOffset + t];
				out1[outOffset + t] = a1;
				out2[outOffset + t] = a2;
			}
			final int end = Math.min(c + k, outLength);
			double p1 = 0, p2 = 0;
			for (int i = c + 1; i < end; i++) {
				p1 += in1[inOffset + i + k - 1];
				p2 += in2[inOffset + i + k - 1];
				out1[outOffset + i] += p1;
				out2[outOffset + i] += p2;
			}
		}
	}

	/** {@code out[i] = in[i] + ... + in[i + k - 1]} for the {@code length - k + 1} windows of a line. */
	static void line(final double[] in, final int inOffset, final int length, final int k, final double[] out, final int outOffset) {
		final int outLength = length - k + 1;
		if (k == 1) {
			System.arraycopy(in, inOffset, out, outOffset, length);
			return;
		}
		for (int c = 0; c < outLength; c += k) {
			double a = 0;
			for (int t = c + k - 1; t >= c; t--) {
				a += in[inOffset + t];
				if (t < outLength)
					out[outOffset + t] = a;
			}
			final int end = Math.min(c + k, outLength);
			double p = 0;
			for (int i = c + 1; i < end; i++) {
				p += in[inOffset + i + k - 1];
				out[outOffset + i] += p;
			}
		}
	}

	/** Window sums of a small block along every axis, one after the other. */
	private static double[] all(double[] in, final int[] blockDims, final int[] window) {
		int[] dims = blockDims.clone();
		for (int d = 0; d < dims.length; d++) {
			if (window[d] == 1)
				continue;
			int inner = 1;
			for (int e = 0; e < d; e++)
				inner *= dims[e];
			final int length = dims[d], k = window[d], outLength = length - k + 1;
			final int outer = in.length / (inner * length);
			final double[] out = new double[outer * outLength * inner];
			if (d == 0) {
				for (int o = 0; o < outer; o++)
					line(in, o * length, length, k, out, o * outLength);
			} else {
				final double[] acc = new double[inner];
				for (int o = 0; o < outer; o++) {
					final int src = o * length * inner, dst = o * outLength * inner;
					for (int c = 0; c < outLength; c += k) {
						Arrays.fill(acc, 0);
						for (int t = c + k - 1; t >= c; t--) {
							final int row = src + t * inner;
							for (int x = 0; x < inner; x++)
								acc[x] += in[row + x];
							if (t < outLength)
								System.arraycopy(acc, 0, out, dst + t * inner, inner);
						}
						Arrays.fill(acc, 0);
						final int end = Math.min(c + k, outLength);
						for (int i = c + 1; i < end; i++) {
							final int row = src + (i + k - 1) * inner, target = dst + i * inner;
							for (int x = 0; x < inner; x++) {
								acc[x] += in[row + x];
								out[target + x] += acc[x];
							}
						}
					}
				}
			}
			in = out;
			dims = dims.clone();
			dims[d] = outLength;
		}
		return in;
	}
}
