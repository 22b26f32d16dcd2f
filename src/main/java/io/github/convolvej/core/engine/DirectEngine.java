package io.github.convolvej.core.engine;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * The weighted sum tap by tap: for each output line, for each kernel row,
 * for each non-zero tap, one pass over the line ({@code acc[x] += w * in[x + o]}),
 * a loop the JIT vectorises. Lines are split over threads. Exact in double.
 */
public final class DirectEngine implements CorrelationEngine {

	@Override
	public String name() {
		return "direct";
	}

	@Override
	public void correlate(final Block input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final int n = input.numDimensions();
		final int[] outDims = Block.validDims(input.dims, kernelDims);
		final int[] inStrides = Block.strides(input.dims);
		final int lineLength = outDims[0];
		final int k0 = kernelDims[0];
		final int rows = Block.numElements(kernelDims) / k0;
		final int lines = Block.numElements(outDims) / lineLength;

		// input offset of each kernel row (kernel axes 1..n-1)
		final int[] rowOffset = new int[rows];
		final int[] pos = new int[n];
		for (int r = 0; r < rows; r++) {
			int o = 0;
			for (int d = 1; d < n; d++)
				o += pos[d] * inStrides[d];
			rowOffset[r] = o;
			increment(pos, kernelDims, 1);
		}

		final double[] in = input.data;
		LineRanges.run(lines, executor, progress, (from, to, tick) -> {
			final double[] acc = new double[lineLength];
			final int[] linePos = new int[n];
			setPosition(linePos, from, outDims);
			for (int line = from; line < to; line++) {
				int inBase = 0;
				for (int d = 1; d < n; d++)
					inBase += linePos[d] * inStrides[d];
				for (int s = 0; s < weights.length; s++) {
					final double[] w = weights[s];
					java.util.Arrays.fill(acc, 0);
					for (int r = 0; r < rows; r++) {
						final int base = inBase + rowOffset[r];
						for (int j = 0; j < k0; j++) {
							final double wj = w[r * k0 + j];
							if (wj != 0)
								axpy(acc, wj, in, base + j, lineLength);
						}
					}
					outputs[s].put(line * lineLength, acc, lineLength);
				}
				increment(linePos, outDims, 1);
				tick.run();
			}
		});
	}

	private static void axpy(final double[] acc, final double w, final double[] in, final int offset, final int length) {
		for (int x = 0; x < length; x++)
			acc[x] += w * in[offset + x];
	}

	/** Next position in x-fastest order, counting from axis {@code first}. */
	static void increment(final int[] pos, final int[] dims, final int first) {
		for (int d = first; d < pos.length; d++) {
			if (++pos[d] < dims[d])
				return;
			pos[d] = 0;
		}
	}

	/** Position of line number {@code line} (axes 1..n-1). */
	static void setPosition(final int[] pos, final int line, final int[] dims) {
		int rest = line;
		for (int d = 1; d < pos.length; d++) {
			pos[d] = rest % dims[d];
			rest /= dims[d];
		}
	}
}
