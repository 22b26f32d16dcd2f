package io.github.convolvej.core.engine;

import java.util.function.BooleanSupplier;

import io.github.convolvej.core.Algorithm;

/**
 * Picks the engine for {@link Algorithm#AUTO} from a cost model in the spirit
 * of SciPy's {@code choose_conv_method}: taps per output pixel for direct,
 * the sum of the 1-D lengths for separable, {@code n log n} of the padded
 * block for FFT. FFT is never chosen when the input holds NaN or infinity,
 * since a transform spreads them over the whole output.
 */
public final class EngineChooser {

	/** Relative cost of one multiply-add in each engine (per output pixel and tap). */
	static final double DIRECT_COST = 1.0;
	static final double SEPARABLE_COST = 1.6;
	static final double FFT_COST = 6.0;

	private EngineChooser() {}

	public static CorrelationEngine engine(final Algorithm algorithm) {
		switch (algorithm) {
			case DIRECT:
				return new DirectEngine();
			case SEPARABLE:
				return new SeparableEngine();
			case FFT:
				return new FftEngine();
			default:
				throw new IllegalArgumentException("AUTO is resolved by choose(...), not here.");
		}
	}

	/** As below, for an input whose finiteness is checked only when FFT would win. */
	public static Algorithm choose(final BlockSource input, final int[] kernelDims, final int nonZeroTaps, final boolean separable) {
		return choose(input.dims(), kernelDims, nonZeroTaps, separable, input::allFinite);
	}

	/**
	 * @param inputDims the padded block
	 * @param kernelDims the kernel, as many axes
	 * @param nonZeroTaps non-zero entries (over all weight sets)
	 * @param separable whether every weight set is rank 1
	 * @param finite whether the input holds only finite values, asked only when FFT would be chosen
	 */
	public static Algorithm choose(final int[] inputDims, final int[] kernelDims, final int nonZeroTaps, final boolean separable, final BooleanSupplier finite) {
		final int[] out = Block.validDims(inputDims, kernelDims);
		double outPixels = 1, inPixels = 1;
		int sumK = 0;
		for (int d = 0; d < out.length; d++) {
			outPixels *= out[d];
			inPixels *= inputDims[d];
			sumK += kernelDims[d];
		}
		final double direct = DIRECT_COST * outPixels * nonZeroTaps;
		final double sep = separable ? SEPARABLE_COST * outPixels * sumK : Double.POSITIVE_INFINITY;
		final double fft = FFT_COST * inPixels * Math.max(1, Math.log(inPixels) / Math.log(2));
		if (sep <= direct && sep <= fft)
			return Algorithm.SEPARABLE;
		if (fft < Math.min(direct, sep))
			return finite.getAsBoolean() ? Algorithm.FFT : separable ? Algorithm.SEPARABLE : Algorithm.DIRECT;
		return separable && sep <= direct ? Algorithm.SEPARABLE : Algorithm.DIRECT;
	}
}
