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
 * z stream memory in order; all passes of a tile run while it is in cache.
 * When a weight set is not rank 1 the whole sum is left to
 * {@link DirectEngine}, whose name is then reported.
 */
public final class SeparableEngine implements CorrelationEngine {

	private volatile String lastName = "separable";

	@Override
	public String name() {
		return lastName;
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
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
		Tiling.run(input, kernelDims, executor, progress, (tile, tileDims, outputOffset) -> {
			for (int s = 0; s < weights.length; s++)
				correlateTile(tile, tileDims, factors[s], outputs[s], outputOffset);
		});
	}

	private static void correlateTile(final double[] tile, final int[] tileDims, final double[][] factors, final LineSink output, final int outputOffset) {
		final int n = tileDims.length;
		// axes whose factor is the single tap 1 (kernels with fewer axes than the image) need no pass
		int last = -1;
		for (int d = 0; d < n; d++)
			if (!isIdentity(factors[d]))
				last = d;
		double[] data = tile;
		int[] dims = tileDims.clone();
		for (int d = 0; d <= Math.max(last, 0); d++) {
			final double[] f = d > last ? new double[] { 1 } : factors[d];
			if (d < last && isIdentity(f))
				continue;
			final int[] outDims = dims.clone();
			outDims[d] = dims[d] - f.length + 1;
			if (d >= last) {
				pass(data, dims, d, f, output, outputOffset);
			} else {
				final double[] next = new double[Block.numElements(outDims)];
				pass(data, dims, d, f, LineSink.of(next), 0);
				data = next;
			}
			dims = outDims;
		}
	}

	private static boolean isIdentity(final double[] f) {
		return f.length == 1 && f[0] == 1;
	}

	/** One 1-D weighted sum along {@code axis}, written a line along x at a time. */
	private static void pass(final double[] in, final int[] inDims, final int axis, final double[] f, final LineSink out, final int outputOffset) {
		final int n = inDims.length;
		final int[] outDims = inDims.clone();
		outDims[axis] = inDims[axis] - f.length + 1;
		final int[] inStrides = Block.strides(inDims);
		final int step = inStrides[axis];
		final int lineLength = outDims[0];
		final int lines = Block.numElements(outDims) / lineLength;
		final double[] acc = new double[lineLength];
		final int[] pos = new int[n];
		for (int line = 0; line < lines; line++) {
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
			out.put(outputOffset + line * lineLength, acc, lineLength);
			DirectEngine.increment(pos, outDims, 1);
		}
	}
}
