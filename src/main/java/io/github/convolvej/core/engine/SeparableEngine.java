package io.github.convolvej.core.engine;

import java.util.Arrays;
import java.util.Optional;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.Separability;
import net.imglib2.parallel.TaskExecutor;

/**
 * Rank-1 kernels as one 1-D pass per axis: {@code K0 + K1 + ...} multiply-adds
 * per pixel instead of {@code K0 * K1 * ...}. Every pass runs along x lines
 * ({@code acc[x] += f[j] * in[x + j * stride]}), so even the passes along y and
 * z stream memory in order. A weight set that is not rank 1 is computed by
 * {@link DirectEngine}, whose name is then reported.
 */
public final class SeparableEngine implements CorrelationEngine {

	private String lastName = "separable";

	@Override
	public String name() {
		return lastName;
	}

	@Override
	public void correlate(final Block input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final double[][][] factors = new double[weights.length][][];
		for (int s = 0; s < weights.length; s++) {
			final Optional< double[][] > f = Separability.factors(weights[s], kernelDims);
			if (!f.isPresent()) {
				lastName = "direct";
				new DirectEngine().correlate(input, kernelDims, weights, outputs, executor, progress);
				return;
			}
			factors[s] = f.get();
		}
		lastName = "separable";
		for (int s = 0; s < weights.length; s++)
			correlateSeparable(input, factors[s], outputs[s], executor, progress);
	}

	private static void correlateSeparable(final Block input, final double[][] factors, final LineSink output, final TaskExecutor executor, final ProgressListener progress) {
		final int n = input.numDimensions();
		// skip axes with a 1-tap factor of 1 (kernels with fewer axes than the image)
		int last = -1;
		for (int d = 0; d < n; d++)
			if (!(factors[d].length == 1 && factors[d][0] == 1))
				last = d;
		if (last < 0) {
			pass(input.data, input.dims, 0, new double[] { 1 }, output, executor, progress);
			return;
		}
		double[] data = input.data;
		int[] dims = input.dims.clone();
		for (int d = 0; d <= last; d++) {
			if (factors[d].length == 1 && factors[d][0] == 1)
				continue;
			final int[] outDims = dims.clone();
			outDims[d] = dims[d] - factors[d].length + 1;
			if (d == last) {
				pass(data, dims, d, factors[d], output, executor, progress);
			} else {
				final double[] next = new double[Block.numElements(outDims)];
				pass(data, dims, d, factors[d], LineSink.of(next), executor, ProgressListener.NONE);
				data = next;
			}
			dims = outDims;
		}
	}

	/** One 1-D weighted sum along {@code axis}, written a line along x at a time. */
	private static void pass(final double[] in, final int[] inDims, final int axis, final double[] f, final LineSink out, final TaskExecutor executor, final ProgressListener progress) {
		final int n = inDims.length;
		final int[] outDims = inDims.clone();
		outDims[axis] = inDims[axis] - f.length + 1;
		final int[] inStrides = Block.strides(inDims);
		final int step = inStrides[axis];
		final int lineLength = outDims[0];
		final int lines = Block.numElements(outDims) / lineLength;
		LineRanges.run(lines, executor, progress, (from, to, tick) -> {
			final double[] acc = new double[lineLength];
			final int[] pos = new int[n];
			DirectEngine.setPosition(pos, from, outDims);
			for (int line = from; line < to; line++) {
				int base = 0;
				for (int d = 1; d < n; d++)
					base += pos[d] * inStrides[d];
				Arrays.fill(acc, 0);
				for (int j = 0; j < f.length; j++) {
					final double w = f[j];
					if (w == 0)
						continue;
					final int o = base + j * step;
					for (int x = 0; x < lineLength; x++)
						acc[x] += w * in[o + x];
				}
				out.put(line * lineLength, acc, lineLength);
				DirectEngine.increment(pos, outDims, 1);
				tick.run();
			}
		});
	}
}
