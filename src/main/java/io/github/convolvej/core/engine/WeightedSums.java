package io.github.convolvej.core.engine;

import java.util.function.BooleanSupplier;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.rows.VectorEngines;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The one way into the engines for the rest of the core (convolution,
 * missing data, template matching): the valid weighted sums
 * {@code out[i] = sum_j w[j] in[i + j]} of a boundary-extended block (see
 * {@link CorrelationEngine}), by the engine an {@link Algorithm} names, and
 * the automatic choice between them. Which classes compute the sums (the row
 * engines in {@code rows}, the FFT engine in {@code fft}) stays behind it.
 *
 * <pre>
 * WeightedSums sums = WeightedSums.by(WeightedSums.fastest(dims, kernelDims, taps, 1, false, threads, () -&gt; true, false));
 * sums.sum(source, kernelDims, new double[][] { weights }, new LineSink[] { LineSink.of(out) }, executor, progress);
 * </pre>
 */
public final class WeightedSums {

	private final CorrelationEngine engine;

	private WeightedSums(final CorrelationEngine engine) {
		this.engine = engine;
	}

	/** The sums of the engine {@code algorithm} names ({@code DIRECT}, {@code SEPARABLE} on rank-1 weights only, {@code FFT}). */
	public static WeightedSums by(final Algorithm algorithm) {
		return new WeightedSums(EngineChooser.engine(algorithm));
	}

	/**
	 * The sums of {@code DIRECT} or {@code SEPARABLE} in float, by the vector
	 * engines when this JVM runs them ({@link #floatSumsAvailable()}); else,
	 * and for {@code FFT}, as {@link #by}.
	 */
	public static WeightedSums inFloat(final Algorithm algorithm) {
		final CorrelationEngine vector = algorithm == Algorithm.DIRECT ? VectorEngines.direct() : algorithm == Algorithm.SEPARABLE ? VectorEngines.separable() : null;
		return vector != null ? new WeightedSums(vector) : by(algorithm);
	}

	/** Whether this JVM runs the vector engine (started with {@code --add-modules jdk.incubator.vector}). */
	public static boolean floatSumsAvailable() {
		return VectorEngines.available();
	}

	/** Floats per vector of the vector engine on this machine, 0 when it does not run. */
	public static int vectorLanes() {
		return VectorEngines.lanes();
	}

	/**
	 * The engine with the least estimated time whose buffers fit the free heap
	 * (see {@link EngineChooser}).
	 *
	 * @param inputDims the extended block
	 * @param kernelDims the kernel, as many axes
	 * @param nonZeroTaps non-zero weights over all weight sets
	 * @param sets weight sets (2 for a complex kernel)
	 * @param separable whether every weight set is rank 1
	 * @param threads threads the engine will use
	 * @param finite whether the input holds only finite values, asked only when FFT would win
	 * @param floatSums whether the direct and separable sums would run in float ({@link #inFloat})
	 */
	public static Algorithm fastest(final int[] inputDims, final int[] kernelDims, final int nonZeroTaps, final int sets, final boolean separable, final int threads, final BooleanSupplier finite, final boolean floatSums) {
		return EngineChooser.choose(inputDims, kernelDims, nonZeroTaps, sets, separable, threads, finite, floatSums && floatSumsAvailable());
	}

	/**
	 * Sums every weight set over {@code input} into its sink.
	 *
	 * @param kernelDims sizes of the weights, as many axes as the block
	 * @param weights one or more weight sets of the kernel's size, x fastest
	 */
	public void sum(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		engine.correlate(input, kernelDims, weights, outputs, executor, progress);
	}

	/** The engine's name: "direct", "separable", "fft", or "direct-vector" and "separable-vector" for the float sums. */
	public String engine() {
		return engine.name();
	}

	/** Whether NaN and infinity land where the direct sum puts them without help (see {@link CorrelationEngine#tapByTap()}). */
	public boolean tapByTap() {
		return engine.tapByTap();
	}
}
