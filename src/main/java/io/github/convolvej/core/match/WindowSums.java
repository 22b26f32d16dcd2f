package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.List;

import io.github.convolvej.core.engine.Block;
import net.imglib2.parallel.TaskExecutor;

/**
 * The sum and the sum of squares of {@code v - shift} over every window of
 * a block (one value per window position, {@code L - K + 1} per axis), in
 * double, in time independent of the window size.
 * <p>
 * One axis at a time, each window sum is a suffix sum of its first chunk of
 * {@code K} values plus a prefix sum of the next chunk (the van Herk /
 * Gil-Werman split used for running extrema). Unlike summed-area tables,
 * nothing is subtracted, so every sum is accurate relative to its own window
 * (not to the whole line), a window of zeros sums to exactly 0, and a NaN
 * reaches only the windows that hold it.
 */
final class WindowSums {

	/** Σ(v - shift) per window, flat, x fastest. */
	final double[] sum;
	/** Σ(v - shift)² per window. */
	final double[] sumOfSquares;
	/** Window positions per axis: {@code L - K + 1}. */
	final int[] dims;

	private WindowSums(final double[] sum, final double[] sumOfSquares, final int[] dims) {
		this.sum = sum;
		this.sumOfSquares = sumOfSquares;
		this.dims = dims;
	}

	/**
	 * @param block the values, flat, x fastest
	 * @param blockDims its sizes
	 * @param window the window's sizes, as many axes
	 * @param shift subtracted from every value first
	 */
	static WindowSums of(final double[] block, final int[] blockDims, final int[] window, final double shift, final TaskExecutor executor) {
		final int n = blockDims.length;
		final int[] outDims = Block.validDims(blockDims, window);
		// axis 0 reads the block once for both sums
		int[] dims = blockDims.clone();
		dims[0] = outDims[0];
		double[] s1 = new double[Block.numElements(dims)];
		double[] s2 = new double[s1.length];
		firstAxis(block, blockDims[0], window[0], shift, s1, s2, outDims[0], executor);
		for (int d = 1; d < n; d++) {
			if (window[d] == 1)
				continue;
			final int[] next = dims.clone();
			next[d] = outDims[d];
			final double[] t1 = new double[Block.numElements(next)];
			final double[] t2 = new double[t1.length];
			laterAxis(s1, dims, d, window[d], t1, executor);
			laterAxis(s2, dims, d, window[d], t2, executor);
			s1 = t1;
			s2 = t2;
			dims = next;
		}
		return new WindowSums(s1, s2, outDims);
	}

	/** Window sums along x of every line, of the shifted values and their squares. */
	private static void firstAxis(final double[] in, final int length, final int k, final double shift, final double[] out1, final double[] out2, final int outLength, final TaskExecutor executor) {
		final int lines = in.length / length;
		run(executor, lines, 1, (from, to, colFrom, colTo) -> {
			for (int line = from; line < to; line++) {
				final int src = line * length;
				final int dst = line * outLength;
				for (int c = 0; c < outLength; c += k) {
					double a1 = 0, a2 = 0;
					for (int t = c + k - 1; t >= c; t--) {
						final double v = in[src + t] - shift;
						a1 += v;
						a2 += v * v;
						if (t < outLength) {
							out1[dst + t] = a1;
							out2[dst + t] = a2;
						}
					}
					final int end = Math.min(c + k, outLength);
					double p1 = 0, p2 = 0;
					for (int i = c + 1; i < end; i++) {
						final double v = in[src + i + k - 1] - shift;
						p1 += v;
						p2 += v * v;
						out1[dst + i] += p1;
						out2[dst + i] += p2;
					}
				}
			}
		});
	}

	/**
	 * Window sums along axis {@code d > 0}: the same split, applied to whole
	 * rows of the axes below {@code d} at once so that memory is read in order.
	 */
	private static void laterAxis(final double[] in, final int[] dims, final int d, final int k, final double[] out, final TaskExecutor executor) {
		int inner = 1;
		for (int e = 0; e < d; e++)
			inner *= dims[e];
		final int length = dims[d];
		final int outLength = length - k + 1;
		final int outer = in.length / (inner * length);
		final int rowLength = inner;
		run(executor, outer, inner, (from, to, colFrom, colTo) -> {
			final int w = colTo - colFrom;
			final double[] acc = new double[w];
			for (int o = from; o < to; o++) {
				final int src = o * length * rowLength + colFrom;
				final int dst = o * outLength * rowLength + colFrom;
				for (int c = 0; c < outLength; c += k) {
					java.util.Arrays.fill(acc, 0);
					for (int t = c + k - 1; t >= c; t--) {
						final int row = src + t * rowLength;
						for (int x = 0; x < w; x++)
							acc[x] += in[row + x];
						if (t < outLength)
							System.arraycopy(acc, 0, out, dst + t * rowLength, w);
					}
					java.util.Arrays.fill(acc, 0);
					final int end = Math.min(c + k, outLength);
					for (int i = c + 1; i < end; i++) {
						final int row = src + (i + k - 1) * rowLength;
						final int target = dst + i * rowLength;
						for (int x = 0; x < w; x++) {
							acc[x] += in[row + x];
							out[target + x] += acc[x];
						}
					}
				}
			}
		});
	}

	/** Work on lines {@code from..to-1}, columns {@code colFrom..colTo-1}. */
	private interface Part {
		void run(int from, int to, int colFrom, int colTo);
	}

	/** Splits {@code lines} (and, when they are few, {@code columns}) into tasks. */
	private static void run(final TaskExecutor executor, final int lines, final int columns, final Part part) {
		final int wanted = Math.max(1, 4 * executor.getParallelism());
		final int lineTasks = Math.max(1, Math.min(lines, wanted));
		final int columnTasks = Math.max(1, Math.min((columns + 63) / 64, (wanted + lineTasks - 1) / lineTasks));
		final List< Runnable > tasks = new ArrayList<>(lineTasks * columnTasks);
		for (int l = 0; l < lineTasks; l++)
			for (int c = 0; c < columnTasks; c++) {
				final int from = (int) ((long) lines * l / lineTasks), to = (int) ((long) lines * (l + 1) / lineTasks);
				final int colFrom = (int) ((long) columns * c / columnTasks), colTo = (int) ((long) columns * (c + 1) / columnTasks);
				tasks.add(() -> part.run(from, to, colFrom, colTo));
			}
		if (tasks.size() == 1)
			tasks.get(0).run();
		else
			executor.runAll(tasks);
	}
}
