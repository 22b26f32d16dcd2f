package io.github.convolvej.core;

import java.util.Arrays;
import java.util.function.DoublePredicate;

import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import io.github.convolvej.core.engine.source.RowReader;
import net.imglib2.parallel.TaskExecutor;

/**
 * Runs any engine so that NaN and infinity give exactly what the direct sum
 * over the non-zero weights gives: an output is NaN where a NaN lies under a
 * non-zero weight, or where infinities of both signs meet; ±Inf where only
 * one sign does; a zero weight never touches a pixel.
 * <p>
 * The direct and separable engines give that by themselves. A Fourier
 * transform would spread one NaN over the whole output, so the FFT engine
 * runs on the input with every non-finite value read as 0, and the outputs
 * under non-finite inputs are set afterwards. Which outputs those
 * are is itself a weighted sum: indicator planes of the NaN, +Inf and -Inf
 * pixels, summed with 0/1 weights where the kernel is non-zero, positive or
 * negative. Those counts run through an engine too, over only the box of
 * outputs that non-finite inputs can reach; counts are whole numbers, so
 * reading them as "more than one half" is exact on every engine.
 */
final class NonFinitePattern {

	private NonFinitePattern() {}

	/** Where the non-finite values of a block lie. */
	static final class Scan {
		final int[] min, max;
		boolean infinite;
		private boolean any;

		Scan(final int n) {
			min = new int[n];
			max = new int[n];
			Arrays.fill(min, Integer.MAX_VALUE);
			Arrays.fill(max, -1);
		}

		boolean none() {
			return !any;
		}

		void add(final int[] pos, final double v) {
			any = true;
			infinite |= Double.isInfinite(v);
			for (int d = 0; d < pos.length; d++) {
				min[d] = Math.min(min[d], pos[d]);
				max[d] = Math.max(max[d], pos[d]);
			}
		}
	}

	/** Reads the whole block row by row and notes its non-finite values. */
	static Scan scan(final BlockSource source) {
		final int[] dims = source.dims();
		final Scan scan = new Scan(dims.length);
		final RowReader reader = source.rowReader();
		final double[] row = new double[dims[0]];
		final int[] pos = new int[dims.length];
		final long rows = Block.numElements(dims) / dims[0];
		for (long r = 0; r < rows; r++) {
			pos[0] = 0;
			reader.read(pos, dims[0], row);
			for (int x = 0; x < dims[0]; x++)
				if (!Double.isFinite(row[x])) {
					pos[0] = x;
					scan.add(pos, row[x]);
				}
			pos[0] = 0;
			for (int d = 1; d < dims.length; d++) {
				if (++pos[d] < dims[d])
					break;
				pos[d] = 0;
			}
		}
		return scan;
	}

	/**
	 * {@code engine.correlate(...)} with the NaN and infinity pattern of the
	 * direct sum, whatever the engine.
	 */
	static void correlate(final WeightedSums sums, final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		if (sums.tapByTap()) {
			sums.sum(input, kernelDims, weights, outputs, executor, progress);
			return;
		}
		// an image source answers this from its pixel arrays, faster than a scan of the extended block
		if (input.allFinite()) {
			sums.sum(input, kernelDims, weights, outputs, executor, progress);
			return;
		}
		final Scan scan = scan(input);
		sums.sum(new Indicators(input, new int[kernelDims.length], input.dims(), null), kernelDims, weights, outputs, executor, progress);
		final int n = kernelDims.length;
		final int[] out = Block.validDims(input.dims(), kernelDims);
		// output o reads inputs o .. o + K - 1: the outputs a non-finite input reaches
		final int[] lo = new int[n], hi = new int[n];
		for (int d = 0; d < n; d++) {
			lo[d] = Math.max(0, scan.min[d] - kernelDims[d] + 1);
			hi[d] = Math.min(out[d] - 1, scan.max[d]);
			if (lo[d] > hi[d])
				return;
		}
		final DoublePredicate[] planes = scan.infinite
				? new DoublePredicate[] { Double::isNaN, v -> v == Double.POSITIVE_INFINITY, v -> v == Double.NEGATIVE_INFINITY }
				: new DoublePredicate[] { Double::isNaN };
		// without infinities the sign of a weight does not matter: one 0/1 set per weight set
		final double[][] sets = new double[weights.length * (scan.infinite ? 2 : 1)][];
		for (int s = 0; s < weights.length; s++)
			if (scan.infinite) {
				sets[2 * s] = indicator(weights[s], w -> w > 0);
				sets[2 * s + 1] = indicator(weights[s], w -> w < 0);
			} else
				sets[s] = indicator(weights[s], w -> w != 0);
		final Counts counts = Counts.of(input, planes, kernelDims, sets, lo, hi, executor, progress);
		final double[] value = new double[1];
		final int[] outStrides = Block.strides(out);
		final int[] pos = new int[n];
		for (int i = 0; i < counts.positions; i++) {
			int flat = 0;
			for (int d = 0; d < n; d++)
				flat += (lo[d] + pos[d]) * outStrides[d];
			for (int s = 0; s < weights.length; s++) {
				final boolean nan, plus, minus;
				if (scan.infinite) {
					final int p = 2 * s, m = 2 * s + 1;
					nan = counts.get(p, 0, i) + counts.get(m, 0, i) > 0.5;
					plus = counts.get(p, 1, i) + counts.get(m, 2, i) > 0.5;
					minus = counts.get(p, 2, i) + counts.get(m, 1, i) > 0.5;
				} else {
					nan = counts.get(s, 0, i) > 0.5;
					plus = minus = false;
				}
				if (nan || plus && minus)
					value[0] = Double.NaN;
				else if (plus)
					value[0] = Double.POSITIVE_INFINITY;
				else if (minus)
					value[0] = Double.NEGATIVE_INFINITY;
				else
					continue;
				outputs[s].put(flat, value, 1);
			}
			counts.next(pos);
		}
	}

	/** 1 where the weight passes the test, else 0. */
	static double[] indicator(final double[] weights, final DoublePredicate test) {
		final double[] r = new double[weights.length];
		for (int j = 0; j < r.length; j++)
			r[j] = test.test(weights[j]) ? 1 : 0;
		return r;
	}

	/**
	 * Weighted sums of 0/1 planes over a box of outputs: for each weight set
	 * and plane, how many flagged pixels lie under the set's 1s.
	 */
	static final class Counts {
		final int positions;
		private final int[] box;
		private final double[][] sums;

		private Counts(final int[] box, final double[][] sums) {
			this.box = box;
			this.positions = Block.numElements(box);
			this.sums = sums;
		}

		/**
		 * @param planes one test per indicator plane, applied to the source's values
		 * @param lo first output of the box, per axis
		 * @param hi last output of the box, per axis
		 */
		static Counts of(final BlockSource source, final DoublePredicate[] planes, final int[] kernelDims, final double[][] sets, final int[] lo, final int[] hi, final TaskExecutor executor, final ProgressListener progress) {
			final int n = kernelDims.length;
			final int[] box = new int[n], window = new int[n];
			for (int d = 0; d < n; d++) {
				box[d] = hi[d] - lo[d] + 1;
				window[d] = box[d] + kernelDims[d] - 1;
			}
			final BlockSource indicators = new Indicators(source, lo, window, planes);
			final int[] kDims = MissingSamples.append(kernelDims, 1);
			final int size = Block.numElements(box) * planes.length;
			final double[][] sums = new double[sets.length][size];
			final LineSink[] sinks = new LineSink[sets.length];
			int nonZero = 0;
			boolean separable = true;
			for (int s = 0; s < sets.length; s++) {
				sinks[s] = LineSink.of(sums[s]);
				for (final double w : sets[s])
					if (w != 0)
						nonZero++;
				separable &= Separability.factors(sets[s], kDims).isPresent();
			}
			final int[] inDims = indicators.dims();
			final Algorithm algorithm = WeightedSums.fastest(inDims, kDims, Math.max(1, nonZero), sets.length, separable, executor.getParallelism(), () -> true, false);
			WeightedSums.by(algorithm).sum(indicators, kDims, sets, sinks, executor, progress.cancelOnly());
			return new Counts(box, sums);
		}

		/** The count of set {@code s} and plane {@code p} at box position {@code i}. */
		double get(final int s, final int p, final int i) {
			return sums[s][p * positions + i];
		}

		/** Steps a box position, x fastest. */
		void next(final int[] pos) {
			for (int d = 0; d < pos.length; d++) {
				if (++pos[d] < box[d])
					return;
				pos[d] = 0;
			}
		}

	}

	/**
	 * A window of a source, either with every non-finite value read as 0
	 * (no tests), or as 0/1 planes stacked along a new last axis, one per test.
	 */
	private static final class Indicators implements BlockSource {
		private final BlockSource source;
		private final int[] offset;
		private final int[] dims;
		private final DoublePredicate[] planes;

		Indicators(final BlockSource source, final int[] offset, final int[] window, final DoublePredicate[] planes) {
			this.source = source;
			this.offset = offset.clone();
			this.planes = planes;
			this.dims = planes == null ? window.clone() : MissingSamples.append(window, planes.length);
		}

		@Override
		public int[] dims() {
			return dims.clone();
		}

		@Override
		public boolean allFinite() {
			return true;
		}

		@Override
		public void read(final int[] min, final int[] size, final double[] dest) {
			final int n = offset.length;
			final int[] sMin = new int[n], sSize = Arrays.copyOf(size, n);
			for (int d = 0; d < n; d++)
				sMin[d] = min[d] + offset[d];
			final int part = Block.numElements(sSize);
			if (planes == null) {
				source.read(sMin, sSize, dest);
				for (int i = 0; i < part; i++)
					if (!Double.isFinite(dest[i]))
						dest[i] = 0;
				return;
			}
			final double[] v = new double[part];
			source.read(sMin, sSize, v);
			for (int p = 0; p < size[n]; p++) {
				final DoublePredicate test = planes[min[n] + p];
				for (int i = 0; i < part; i++)
					dest[p * part + i] = test.test(v[i]) ? 1 : 0;
			}
		}

		@Override
		public RowReader rowReader() {
			final int n = offset.length;
			final RowReader reader = source.rowReader();
			final int[] sMin = new int[n];
			return (min, length, dest) -> {
				for (int d = 0; d < n; d++)
					sMin[d] = min[d] + offset[d];
				reader.read(sMin, length, dest);
				if (planes == null) {
					for (int i = 0; i < length; i++)
						if (!Double.isFinite(dest[i]))
							dest[i] = 0;
				} else {
					final DoublePredicate test = planes[min[n]];
					for (int i = 0; i < length; i++)
						dest[i] = test.test(dest[i]) ? 1 : 0;
				}
			};
		}
	}
}
