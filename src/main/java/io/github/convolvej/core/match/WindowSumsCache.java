package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The window sums {@code Σ M W'} and {@code Σ M W'²} ({@code W' = W - shift})
 * that a method needs, per template, in the layout of the frame's scores;
 * computed once per template box and mask and shared by every template with
 * the same (the turned copies of a square template share one).
 * <p>
 * Without a mask the sums are running sums ({@link WindowSums}), in time
 * independent of the template's size; with one they are two more
 * correlations by the engine, of the image and of its squares with the mask.
 */
final class WindowSumsCache {

	private final Block block;
	private final int[] frame;
	private final int[] outDims;
	private final double shift;
	private final MatchMethod method;
	private final WeightedSums sums;
	private final TaskExecutor executor;
	private final List< Entry > entries = new ArrayList<>();
	private Block squares;

	private static final class Entry {
		final int[] k, offset;
		final boolean[] mask;
		final double[][] sums;

		Entry(final int[] k, final int[] offset, final boolean[] mask, final double[][] sums) {
			this.k = k;
			this.offset = offset;
			this.mask = mask;
			this.sums = sums;
		}
	}

	WindowSumsCache(final Block block, final int[] frame, final int[] outDims, final double shift, final MatchMethod method, final WeightedSums sums, final TaskExecutor executor) {
		this.block = block;
		this.frame = frame;
		this.outDims = outDims;
		this.shift = shift;
		this.method = method;
		this.sums = sums;
		this.executor = executor;
	}

	/** True when the method scores with window sums at all. */
	boolean needed() {
		return Scorer.needsSums(method) || Scorer.needsSquares(method);
	}

	/** {Σ M W', Σ M W'²} of the template's windows; either may be null when the method does not use it. */
	double[][] of(final SearchTemplate template, final int[] k, final int[] offset, final ProgressListener progress) {
		if (!Scorer.needsSums(method) && !Scorer.needsSquares(method))
			return new double[2][];
		final boolean[] mask = template.maskShared();
		for (final Entry e : entries)
			if (Arrays.equals(e.k, k) && Arrays.equals(e.offset, offset) && Arrays.equals(e.mask, mask))
				return e.sums;
		final double[][] sums = mask == null ? running(k, offset) : masked(mask, k, offset, progress);
		entries.add(new Entry(k.clone(), offset.clone(), mask, sums));
		return sums;
	}

	/** Running sums over the part of the block the template's windows read. */
	private double[][] running(final int[] k, final int[] offset) {
		final int size = Block.numElements(outDims);
		final double[] s1 = Scorer.needsSums(method) ? new double[size] : null, s2 = new double[size];
		stream(k, offset, (at, sum, sumOfSquares, length) -> {
			if (s1 != null)
				System.arraycopy(sum, 0, s1, at, length);
			System.arraycopy(sumOfSquares, 0, s2, at, length);
		});
		return new double[][] { s1, s2 };
	}

	/**
	 * Hands the running sums of a template box's windows over a row at a
	 * time, kept nowhere: for scoring products already computed.
	 */
	void stream(final int[] k, final int[] offset, final WindowSums.Rows rows) {
		final int n = k.length;
		final int[] dims = new int[n];
		for (int d = 0; d < n; d++)
			dims[d] = outDims[d] + k[d] - 1;
		final double[] data = Arrays.equals(dims, block.dims) ? block.data : part(block.data, block.dims, offset, dims);
		WindowSums.compute(data, dims, k, shift, executor, rows);
	}

	/** The engine's correlations of the image and of its squares with the mask. */
	private double[][] masked(final boolean[] mask, final int[] k, final int[] offset, final ProgressListener progress) {
		final double[] ones = new double[mask.length];
		int count = 0;
		for (int j = 0; j < mask.length; j++)
			if (mask[j]) {
				ones[j] = 1;
				count++;
			}
		final double[] weights = TemplateMatcher.embed(ones, k, offset, frame);
		final int size = Block.numElements(outDims);
		double[] s1 = null;
		if (Scorer.needsSums(method)) {
			s1 = new double[size];
			sums.sum(block, frame, new double[][] { weights }, new LineSink[] { LineSink.of(s1) }, executor, progress);
			final double correction = shift * count;
			for (int i = 0; i < size; i++)
				s1[i] -= correction;
		}
		final double[] s2 = new double[size];
		sums.sum(squares(), frame, new double[][] { weights }, new LineSink[] { LineSink.of(s2) }, executor, progress);
		// a sum of squares: below the engine's rounding (FFT's is relative to the largest) it is 0
		double largest = 0;
		for (final double v : s2)
			if (v > largest)
				largest = v;
		final double floor = 1e-11 * largest;
		for (int i = 0; i < size; i++)
			if (s2[i] <= floor)
				s2[i] = 0;
		return new double[][] { s1, s2 };
	}

	/** (W - shift)², once. */
	private Block squares() {
		if (squares == null) {
			final double[] sq = new double[block.data.length];
			for (int i = 0; i < sq.length; i++) {
				final double v = block.data[i] - shift;
				sq[i] = v * v;
			}
			squares = new Block(sq, block.dims);
		}
		return squares;
	}

	/** A copy of the box {@code offset .. offset + dims} of a block. */
	private static double[] part(final double[] data, final int[] dataDims, final int[] offset, final int[] dims) {
		final double[] out = new double[Block.numElements(dims)];
		Boxes.copy(data, dataDims, offset, out, dims, new int[dims.length], dims);
		return out;
	}
}
