package io.github.convolvej.core.engine;

import java.util.Arrays;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * The weighted sum tap by tap, exact in double. Per output line the non-zero
 * taps are applied four at a time ({@code acc[x] += w0 in[x+o0] + ... + w3 in[x+o3]}),
 * a loop the JIT vectorises and that touches the accumulator a quarter as
 * often as one tap per pass. Work is split in tiles over threads (see
 * {@link Tiling}).
 */
public final class DirectEngine implements CorrelationEngine {

	@Override
	public String name() {
		return "direct";
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		Tiling.run(input, kernelDims, executor, progress, (tile, tileDims, outputOffset) -> correlateTile(tile, tileDims, kernelDims, weights, outputs, outputOffset));
	}

	/** The valid weighted sum of one in-memory tile. */
	static void correlateTile(final double[] in, final int[] inDims, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final int outputOffset) {
		final int n = inDims.length;
		final int[] outDims = Block.validDims(inDims, kernelDims);
		final int[] inStrides = Block.strides(inDims);
		final int lineLength = outDims[0];
		final int lines = Block.numElements(outDims) / lineLength;
		final int taps = Block.numElements(kernelDims);

		// each weight set as its non-zero taps and their input offsets
		final double[][] tapWeights = new double[weights.length][];
		final int[][] tapOffsets = new int[weights.length][];
		for (int s = 0; s < weights.length; s++) {
			final double[] w = new double[taps];
			final int[] o = new int[taps];
			int count = 0;
			final int[] pos = new int[n];
			for (int t = 0; t < taps; t++) {
				if (weights[s][t] != 0) {
					int off = 0;
					for (int d = 0; d < n; d++)
						off += pos[d] * inStrides[d];
					w[count] = weights[s][t];
					o[count++] = off;
				}
				increment(pos, kernelDims, 0);
			}
			tapWeights[s] = Arrays.copyOf(w, count);
			tapOffsets[s] = Arrays.copyOf(o, count);
		}

		final double[] acc = new double[lineLength];
		final int[] linePos = new int[n];
		for (int line = 0; line < lines; line++) {
			int base = 0;
			for (int d = 1; d < n; d++)
				base += linePos[d] * inStrides[d];
			for (int s = 0; s < weights.length; s++) {
				accumulate(in, base, tapWeights[s], tapOffsets[s], acc, lineLength);
				outputs[s].put(outputOffset + line * lineLength, acc, lineLength);
			}
			increment(linePos, outDims, 1);
		}
	}

	/** {@code acc[x] = sum_t w[t] in[base + o[t] + x]}, four taps per pass. */
	private static void accumulate(final double[] in, final int base, final double[] w, final int[] o, final double[] acc, final int length) {
		Arrays.fill(acc, 0, length, 0);
		final int taps = w.length;
		int t = 0;
		for (; t + 4 <= taps; t += 4) {
			final double w0 = w[t], w1 = w[t + 1], w2 = w[t + 2], w3 = w[t + 3];
			final int o0 = base + o[t], o1 = base + o[t + 1], o2 = base + o[t + 2], o3 = base + o[t + 3];
			for (int x = 0; x < length; x++)
				acc[x] += w0 * in[o0 + x] + w1 * in[o1 + x] + w2 * in[o2 + x] + w3 * in[o3 + x];
		}
		for (; t + 2 <= taps; t += 2) {
			final double w0 = w[t], w1 = w[t + 1];
			final int o0 = base + o[t], o1 = base + o[t + 1];
			for (int x = 0; x < length; x++)
				acc[x] += w0 * in[o0 + x] + w1 * in[o1 + x];
		}
		for (; t < taps; t++) {
			final double w0 = w[t];
			final int o0 = base + o[t];
			for (int x = 0; x < length; x++)
				acc[x] += w0 * in[o0 + x];
		}
	}

	/** Next position in x-fastest order, counting from axis {@code first}. */
	static void increment(final int[] pos, final int[] dims, final int first) {
		for (int d = first; d < pos.length; d++) {
			if (++pos[d] < dims[d])
				return;
			pos[d] = 0;
		}
	}
}
