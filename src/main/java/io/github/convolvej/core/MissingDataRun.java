package io.github.convolvej.core;

import java.util.Arrays;
import java.util.function.DoublePredicate;

import io.github.convolvej.core.MissingSamples.Reading;
import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import io.github.convolvej.core.engine.source.RowReader;

/**
 * One engine run with missing pixels handled around it (SPEC "Missing data"):
 * the engines only ever see a transformed input ({@link MissingSamples}) and
 * never hold a missing-data rule of their own.
 * <ul>
 * <li>Propagate and Fill: one run, with the NaN pattern of the direct sum on
 * every engine ({@link NonFinitePattern}).</li>
 * <li>Interpolate: one run over two planes, {@code c f} and {@code c}, with
 * the kernel extended by an axis of size 1, so every engine (and one
 * transform of the kernel) serves both sums; then the quotient.</li>
 * </ul>
 */
final class MissingDataRun {

	/** Below this share of the kernel's absolute weight, whether any present pixel is touched is counted, not read from the sum. */
	private static final double SMALL_WEIGHT = 1e-9;

	private final WeightedSums sums;
	private final BlockSource input;
	private final BlockSource mask;
	private final int[] kernelDims;
	private final double[][] weights;
	private final int[] anchor;
	private final int[] outDims;
	/** The image in block coordinates (first and last pixel), or null when unknown. */
	private final int[] imageMin, imageMax;
	private final ConvolutionOptions options;

	MissingDataRun(final WeightedSums sums, final BlockSource input, final BlockSource mask, final int[] kernelDims, final double[][] weights, final int[] anchor, final int[] imageMin, final int[] imageMax, final ConvolutionOptions options) {
		this.sums = sums;
		this.input = input;
		this.mask = mask;
		this.kernelDims = kernelDims;
		this.weights = weights;
		this.anchor = anchor;
		this.outDims = Block.validDims(input.dims(), kernelDims);
		this.imageMin = imageMin;
		this.imageMax = imageMax;
		this.options = options;
	}

	/**
	 * Checks what the options ask of this kernel before any pixel is read.
	 *
	 * @throws IllegalArgumentException for a complex or zero-sum kernel with
	 *             {@code nan=Interpolate} or {@code certainty}
	 */
	static void check(final Kernel k, final ConvolutionOptions options) {
		final boolean interpolate = options.missingData() == MissingData.INTERPOLATE;
		if (!interpolate && !options.certainty())
			return;
		final String what = interpolate ? "nan=Interpolate" : "certainty";
		if (k.isComplex())
			throw new IllegalArgumentException(what + " needs a real kernel: it divides by the sum of the weights on present pixels. Use nan=Propagate or nan=Fill with a complex kernel.");
		if (k.sum() == 0)
			throw new IllegalArgumentException("The kernel's weights sum to 0, so " + what + " cannot divide by them (normalized convolution needs a smoothing kernel such as gaussian(2) or box(3)). Use nan=Propagate or nan=Fill for edge filters.");
	}

	/** @param certainty receives {@code sum k c / sum k}; may be null */
	void run(final LineSink[] outputs, final LineSink certainty) {
		// the denominator sum k c, at this offset of den, once computed
		double[] den = null;
		int denOffset = 0;
		switch (options.missingData()) {
			case INTERPOLATE:
				den = interpolate(outputs[0]);
				denOffset = den.length / 2;
				break;
			case FILL:
				exact(new MissingSamples(input, mask, Reading.FILLED, options.fillValue()), kernelDims, weights, outputs);
				break;
			default:
				exact(mask == null ? input : new MissingSamples(input, mask, Reading.MARKED, 0), kernelDims, weights, outputs);
		}
		if (certainty != null)
			writeCertainty(den != null ? den : weightSum(), denOffset, certainty);
		if (options.preserveNan())
			preserveNan(outputs);
	}

	private void exact(final BlockSource source, final int[] kDims, final double[][] w, final LineSink[] outputs) {
		NonFinitePattern.correlate(sums, source, kDims, w, outputs, options.executor(), options.progress());
	}

	/** Writes the quotient; returns the numerator {@code sum k c f}, then the denominator {@code sum k c}. */
	private double[] interpolate(final LineSink output) {
		final int n = Block.numElements(outDims);
		final double[] sums = new double[2 * n];
		exact(new MissingSamples(input, mask, Reading.NUMERATOR_AND_WEIGHT, 0), MissingSamples.append(kernelDims, 1), weights, new LineSink[] { LineSink.of(sums) });
		final double[] w = weights[0];
		double sum = 0, sumAbs = 0;
		for (final double v : w) {
			sum += v;
			sumAbs += Math.abs(v);
		}
		final boolean[] untouched = untouched(sums, n, SMALL_WEIGHT * sumAbs);
		final double[] line = new double[outDims[0]];
		for (int row = 0; row < n; row += outDims[0]) {
			for (int x = 0; x < line.length; x++) {
				final int i = row + x;
				line[x] = untouched != null && untouched[i] ? Double.NaN : sums[i] / sums[n + i] * sum;
			}
			output.put(row, line, line.length);
		}
		return sums;
	}

	/**
	 * Where no non-zero weight touches a present pixel, or null when that is
	 * nowhere. A sum far from 0 settles it; small sums (where a transform's
	 * rounding could hide a true 0) are settled by counting present pixels.
	 */
	private boolean[] untouched(final double[] sums, final int n, final double small) {
		final int d = outDims.length;
		final int[] lo = new int[d], hi = new int[d], pos = new int[d];
		Arrays.fill(lo, Integer.MAX_VALUE);
		Arrays.fill(hi, -1);
		boolean any = false;
		for (int i = 0; i < n; i++) {
			if (Math.abs(sums[n + i]) <= small) {
				any = true;
				for (int a = 0; a < d; a++) {
					lo[a] = Math.min(lo[a], pos[a]);
					hi[a] = Math.max(hi[a], pos[a]);
				}
			}
			step(pos, outDims);
		}
		if (!any)
			return null;
		final double[] support = NonFinitePattern.indicator(weights[0], v -> v != 0);
		final NonFinitePattern.Counts counts = NonFinitePattern.Counts.of(new MissingSamples(input, mask, Reading.WEIGHT, 0), new DoublePredicate[] { v -> v > 0.5 }, kernelDims, new double[][] { support }, lo, hi, options.executor(), options.progress());
		final boolean[] untouched = new boolean[n];
		final int[] strides = Block.strides(outDims);
		Arrays.fill(pos, 0);
		for (int i = 0; i < counts.positions; i++) {
			int flat = 0;
			for (int a = 0; a < d; a++)
				flat += (lo[a] + pos[a]) * strides[a];
			untouched[flat] = counts.get(0, 0, i) < 0.5;
			counts.next(pos);
		}
		return untouched;
	}

	/** {@code sum k c} by one more run, for the certainty under Propagate and Fill. */
	private double[] weightSum() {
		final double[] den = new double[Block.numElements(outDims)];
		sums.sum(new MissingSamples(input, mask, Reading.WEIGHT, 0), kernelDims, new double[][] { weights[0] }, new LineSink[] { LineSink.of(den) }, options.executor(), options.progress());
		return den;
	}

	private void writeCertainty(final double[] den, final int offset, final LineSink certainty) {
		double sum = 0;
		for (final double v : weights[0])
			sum += v;
		final double[] line = new double[outDims[0]];
		final int n = Block.numElements(outDims);
		for (int row = 0; row < n; row += line.length) {
			for (int x = 0; x < line.length; x++)
				line[x] = den[offset + row + x] / sum;
			certainty.put(row, line, line.length);
		}
	}

	/** NaN again wherever the output lies on a missing input pixel. */
	private void preserveNan(final LineSink[] outputs) {
		final BlockSource present = new MissingSamples(input, mask, Reading.WEIGHT, 0);
		final int[] blockDims = input.dims();
		final int d = outDims.length;
		final RowReader reader = present.rowReader();
		final int[] pos = new int[d], at = new int[d];
		final double[] row = new double[outDims[0]];
		final double[] nan = { Double.NaN };
		final int rows = Block.numElements(outDims) / outDims[0];
		final int[] strides = Block.strides(outDims);
		for (int r = 0; r < rows; r++, step(pos, outDims, 1)) {
			boolean inside = true;
			for (int a = 1; a < d; a++) {
				at[a] = pos[a] + anchor[a];
				inside &= at[a] >= 0 && at[a] < blockDims[a] && (imageMin == null || at[a] >= imageMin[a] && at[a] <= imageMax[a]);
			}
			if (!inside)
				continue;
			// the x run of this output row that lies on the image
			int x0 = Math.max(0, -anchor[0]), x1 = Math.min(outDims[0], blockDims[0] - anchor[0]);
			if (imageMin != null) {
				x0 = Math.max(x0, imageMin[0] - anchor[0]);
				x1 = Math.min(x1, imageMax[0] + 1 - anchor[0]);
			}
			if (x0 >= x1)
				continue;
			at[0] = x0 + anchor[0];
			reader.read(at, x1 - x0, row);
			int flat = 0;
			for (int a = 1; a < d; a++)
				flat += pos[a] * strides[a];
			for (int x = x0; x < x1; x++)
				if (row[x - x0] == 0)
					for (final LineSink out : outputs)
						out.put(flat + x, nan, 1);
		}
	}

	private static void step(final int[] pos, final int[] dims) {
		step(pos, dims, 0);
	}

	private static void step(final int[] pos, final int[] dims, final int from) {
		for (int a = from; a < dims.length; a++) {
			if (++pos[a] < dims[a])
				return;
			pos[a] = 0;
		}
	}
}
