package io.github.convolvej.core.engine;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The one computation every engine does: the valid weighted sum
 * {@code out[i] = sum_j w[j] in[i + j]} of an already boundary-extended block (read tile by tile from a {@link BlockSource}),
 * for one or more real weight sets sharing the input (the real and imaginary
 * parts of a complex kernel). The output has {@code in - K + 1} pixels per axis.
 * <p>
 * Engines know neither boundaries nor anchors nor convolution versus
 * correlation: the facade turns all of those into the padded block and the
 * weights.
 */
public interface CorrelationEngine {

	/**
	 * @param input the extended block, x fastest, read in parts
	 * @param kernelDims kernel sizes, as many axes as the block
	 * @param weights one or more weight sets, each of the kernel's size, x fastest
	 * @param outputs one sink per weight set
	 * @param executor threads to use (see {@link net.imglib2.parallel.Parallelization})
	 * @param progress progress and cancellation
	 */
	void correlate(BlockSource input, int[] kernelDims, double[][] weights, LineSink[] outputs, TaskExecutor executor, ProgressListener progress);

	/** A short name for logs and benchmarks ("direct", "separable", "fft"). */
	String name();

	/**
	 * Whether NaN and infinity land where the direct sum puts them without
	 * help: the row engines add {@code w * x} for the non-zero weights only (a
	 * separable kernel's weight is 0 exactly where one of its factors is); a
	 * transform mixes every input into every output and says no.
	 */
	default boolean tapByTap() {
		return true;
	}
}
