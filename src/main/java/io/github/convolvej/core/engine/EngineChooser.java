package io.github.convolvej.core.engine;

import java.util.function.BooleanSupplier;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.engine.fft.FftEngine;
import io.github.convolvej.core.engine.rows.DirectEngine;
import io.github.convolvej.core.engine.rows.SeparableEngine;
import io.github.convolvej.core.engine.source.Block;

/**
 * Picks the engine for {@link Algorithm#AUTO} by estimated time, in the
 * spirit of SciPy's {@code choose_conv_method}, with constants measured on
 * this code:
 * <ul>
 * <li>direct: per output pixel a fixed cost plus one per non-zero tap;</li>
 * <li>separable: per output pixel and weight set, a cost per axis the kernel
 * spans plus one per tap of the 1-D factors ({@code K0 + K1 + ...});</li>
 * <li>FFT: the time {@link FftEngine#estimatedNanos} gives for the tiling
 * it would use.</li>
 * </ul>
 * When the direct and separable sums will run in float on the vector engines,
 * their own constants, measured the same way, apply. An engine whose working buffers would not fit in half the free heap is
 * passed over (a 30001-wide kernel on a small image goes to whichever engine
 * holds less). FFT is never chosen when {@code finite} says no.
 */
final class EngineChooser {

	/** Nanoseconds per output pixel and weight set of the direct sum, besides the taps. */
	static final double DIRECT_PIXEL_NS = 5;
	/** Nanoseconds per output pixel and non-zero tap of the direct sum. */
	static final double DIRECT_TAP_NS = 0.12;
	/** Nanoseconds per output pixel, weight set and axis the kernel spans, of the separable sum besides the taps. */
	static final double SEPARABLE_PASS_NS = 3.0;
	/** Nanoseconds per output pixel and tap of a 1-D factor. */
	static final double SEPARABLE_TAP_NS = 0.25;
	/**
	 * The direct sum in float (vector engine), per output pixel and weight set
	 * and per tap: fitted to 2048^2 images with 13x13 and 21x21 kernels on 2
	 * threads (22.6 and 51.9 ms); a kernel spanning three or more axes reads
	 * more rows per output row, and its taps cost about twice (W5, 9x9x9 on
	 * 256^3: 576 ms).
	 */
	static final double FLOAT_DIRECT_PIXEL_NS = 2.2, FLOAT_DIRECT_TAP_NS = 0.05, FLOAT_DIRECT_TAP_NS_3D = 0.095;
	/** The separable sums in float take half the time of those in double (W6: 84 and 42 ms). */
	static final double FLOAT_SEPARABLE_SHARE = 0.5;

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

	/**
	 * @param inputDims the padded block
	 * @param kernelDims the kernel, as many axes
	 * @param nonZeroTaps non-zero entries (over all weight sets)
	 * @param sets weight sets (2 for a complex kernel)
	 * @param separable whether every weight set is rank 1
	 * @param threads threads the engine will use
	 * @param finite whether the input holds only finite values, asked only when FFT would be chosen
	 * @param floatSums whether the direct and separable sums would run in float on the vector engines
	 */
	public static Algorithm choose(final int[] inputDims, final int[] kernelDims, final int nonZeroTaps, final int sets, final boolean separable, final int threads, final BooleanSupplier finite, final boolean floatSums) {
		return choose(inputDims, kernelDims, nonZeroTaps, sets, separable, threads, finite, freeHeapBytes() / 2, floatSums);
	}

	/**
	 * The fastest engine whose working buffers fit in {@code budget} bytes; the
	 * one with the smallest buffers when none fits.
	 */
	static Algorithm choose(final int[] inputDims, final int[] kernelDims, final int nonZeroTaps, final int sets, final boolean separable, final int threads, final BooleanSupplier finite, final long budget, final boolean floatSums) {
		final double[] t = estimatedNanos(inputDims, kernelDims, nonZeroTaps, sets, separable, threads, floatSums);
		final long[] bytes = workingBytes(inputDims, kernelDims, sets, separable, threads);
		final Algorithm[] engines = { Algorithm.DIRECT, Algorithm.SEPARABLE, Algorithm.FFT };
		int best = -1, smallest = 0;
		for (int e = 0; e < engines.length; e++) {
			if (Double.isInfinite(t[e]))
				continue;
			if (bytes[e] < bytes[smallest])
				smallest = e;
			if (bytes[e] <= budget && (best < 0 || t[e] < t[best] || (e == 1 && t[e] == t[best])))
				best = e;
		}
		if (best < 0)
			best = smallest;
		if (engines[best] == Algorithm.FFT && !finite.getAsBoolean())
			return separable && t[1] <= t[0] ? Algorithm.SEPARABLE : Algorithm.DIRECT;
		return engines[best];
	}

	/** Bytes the heap can still give: its maximum less what is in use. */
	static long freeHeapBytes() {
		final Runtime r = Runtime.getRuntime();
		return r.maxMemory() - (r.totalMemory() - r.freeMemory());
	}

	/** Estimated nanoseconds of the direct, separable (infinite when not separable) and FFT engines. */
	static double[] estimatedNanos(final int[] inputDims, final int[] kernelDims, final int nonZeroTaps, final int sets, final boolean separable, final int threads, final boolean floatSums) {
		final int[] out = Block.validDims(inputDims, kernelDims);
		double outPixels = 1;
		int sumK = 0, passes = 0;
		for (int d = 0; d < out.length; d++) {
			outPixels *= out[d];
			if (kernelDims[d] > 1) {
				sumK += kernelDims[d];
				passes++;
			}
		}
		final int t = Math.max(1, threads);
		final double direct = floatSums
				? outPixels * (FLOAT_DIRECT_PIXEL_NS * sets + (passes >= 3 ? FLOAT_DIRECT_TAP_NS_3D : FLOAT_DIRECT_TAP_NS) * nonZeroTaps) / t
				: outPixels * (DIRECT_PIXEL_NS * sets + DIRECT_TAP_NS * nonZeroTaps) / t;
		final double sep = separable ? (floatSums ? FLOAT_SEPARABLE_SHARE : 1) * outPixels * sets * (SEPARABLE_PASS_NS * Math.max(1, passes) + SEPARABLE_TAP_NS * sumK) / t : Double.POSITIVE_INFINITY;
		final double fft = FftEngine.estimatedNanos(inputDims, kernelDims, sets, t);
		return new double[] { direct, sep, fft };
	}

	/**
	 * Estimated bytes of the working buffers of the direct, separable and FFT
	 * engines, all threads together (the input and output are not counted:
	 * every engine needs them).
	 */
	static long[] workingBytes(final int[] inputDims, final int[] kernelDims, final int sets, final boolean separable, final int threads) {
		final int t = Math.max(1, threads);
		return new long[] { DirectEngine.workingBytes(inputDims, kernelDims, t), separable ? SeparableEngine.workingBytes(inputDims, kernelDims, t) : Long.MAX_VALUE, FftEngine.workingBytes(inputDims, kernelDims, sets, t) };
	}
}
