package io.github.convolvej.core.engine.rows;

import java.util.Optional;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.Separability;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * Rank-1 kernels as one 1-D pass per axis: {@code K0 + K1 + ...} multiply-adds
 * per pixel instead of {@code K0 * K1 * ...}.
 * <p>
 * Per tile (see {@link Tiling}) the passes run from the outermost axis in:
 * along the ring axis over the ring of input rows, then along each axis below
 * it, every pass a sum of whole rows ({@link LineMath}); the pass along x
 * comes last, on the fewest rows, over shifted copies of each row. All passes
 * of a tile run while its rows are in cache.
 * <p>
 * Only for weight sets that are rank 1: the caller checks before choosing
 * this engine (a forced {@code SEPARABLE} on another kernel runs the direct
 * engine, decided in {@code Convolution}).
 */
public final class SeparableEngine extends TiledEngine {

	/** The separable engine with the default tiling. */
	public SeparableEngine() {
		this(Tiling.Limits.DEFAULT);
	}

	/** An engine that cuts its work with other limits (tests). */
	SeparableEngine(final Tiling.Limits limits) {
		super("separable", limits);
	}

	/** Bytes of the working buffers of all threads together (inputs and outputs not counted). */
	public static long workingBytes(final int[] inputDims, final int[] kernelDims, final int threads) {
		final Tiling plan = new Tiling(inputDims, kernelDims, threads, 1, Tiling.Limits.DEFAULT);
		final long row = 8L * (plan.chunk + kernelDims[0] - 1);
		return (RowRing.bytes(plan, 1) + 2 * row * plan.slabRows + Tiling.rowBytes(plan.chunk, kernelDims[0], DirectEngine.copies(kernelDims[0]))) * Math.min(threads, plan.tiles);
	}

	/**
	 * @throws IllegalArgumentException for a weight set that is not a product
	 *             of 1-D factors: the caller decides before running (the direct
	 *             engine sums any kernel)
	 */
	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final double[][][] factors = factors(weights, kernelDims);
		final Tiling plan = tiling(input, kernelDims, executor, 3);
		plan.run(executor, progress, () -> new Tile(new RowRing(plan, input, new boolean[] { true }), factors, outputs)::run);
	}

	/**
	 * The 1-D factors of each weight set, one per axis of the tiling (at least
	 * two; an axis the kernel lacks has the factor {@code [1]}).
	 *
	 * @throws IllegalArgumentException for a weight set that is not rank 1
	 */
	static double[][][] factors(final double[][] weights, final int[] kernelDims) {
		final int[] k = Tiling.atLeast2D(kernelDims);
		final double[][][] factors = new double[weights.length][][];
		for (int s = 0; s < weights.length; s++) {
			final Optional< double[][] > f = Separability.factors(weights[s], kernelDims);
			if (!f.isPresent())
				throw new IllegalArgumentException("The separable engine needs a kernel that is a product of 1-D factors; run this one with the direct engine.");
			factors[s] = new double[k.length][];
			for (int d = 0; d < k.length; d++)
				factors[s][d] = d < kernelDims.length ? f.get()[d] : new double[] { 1 };
		}
		return factors;
	}

	/** Whether a factor leaves its axis as it is. */
	static boolean isIdentity(final double[] f) {
		return f.length == 1 && f[0] == 1;
	}

	/** One task's state: the ring of rows and the buffers of the passes. */
	private static final class Tile {
		private final RowRing ring;
		private final double[][][] factors;
		private final LineSink[] outputs;
		/** Two banks of slab rows that the passes write alternately. */
		private final double[][][] banks;
		/** The rows the current pass reads, by slab index. */
		private final double[][] current;
		/** The row of the pass along x and its shifted copies (see {@link LineMath#phase}). */
		private final double[][] copies;
		private final XTaps[] xTaps;
		private final double[] zeros;
		private final double[][] gathered;
		private final double[] weights;
		private final double[] acc;
		private final int[] passRows;

		Tile(final RowRing ring, final double[][][] factors, final LineSink[] outputs) {
			this.ring = ring;
			this.factors = factors;
			this.outputs = outputs;
			final Tiling plan = ring.plan;
			final int length = plan.chunk + plan.kernel[0] - 1;
			banks = new double[2][plan.slabRows][length];
			current = new double[plan.slabRows][];
			int longest = 0;
			for (final int k : plan.kernel)
				longest = Math.max(longest, k);
			xTaps = new XTaps[factors.length];
			final boolean[] used = new boolean[LineMath.phase(plan.kernel[0] - 1) / 4 * 4 + 4];
			for (int s = 0; s < factors.length; s++) {
				xTaps[s] = new XTaps(factors[s][0]);
				for (final int c : xTaps[s].copy)
					if (c >= 0)
						used[c] = true;
			}
			int slots = longest;
			for (final XTaps x : xTaps)
				slots = Math.max(slots, x.copy.length);
			gathered = new double[slots][];
			// a copy holds only what a chunk's sums read from it, not the whole row
			copies = new double[used.length][];
			for (int i = 1; i < used.length; i++)
				if (used[i])
					copies[i] = new double[Math.min(length, plan.chunk + LineMath.ZEROS)];
			zeros = new double[plan.chunk + LineMath.ZEROS];
			weights = new double[longest];
			acc = new double[plan.chunk];
			passRows = new int[plan.slabRows];
		}

		void run(final int t) {
			final int steps = ring.begin(t), slots = ring.slots;
			final Tiling plan = ring.plan;
			final int a = plan.ring;
			for (int step = 0; step < steps; step++)
				for (int c = 0; c < ring.chunks; c++) {
					final int slot = ring.load(step, c);
					if (step < slots - 1)
						continue;
					final int z = step - slots + 1;
					for (int s = 0; s < factors.length; s++)
						weightSet(s, z, c, slot);
				}
		}

		private void weightSet(final int s, final int z, final int chunk, final int lastSlot) {
			final Tiling plan = ring.plan;
			final int a = plan.ring;
			final int slots = plan.kernel[a];
			final int inWidth = ring.inWidth(chunk);
			final double[][][][] rows = ring.rows[chunk];
			int bank = 0;
			// along the ring axis: the rows of slot (z + j) % slots, for every loaded slab row
			final double[] fa = factors[s][a];
			if (isIdentity(fa)) {
				for (int r = 0; r < ring.loaded; r++)
					current[ring.loadedRows[r]] = rows[lastSlot][ring.loadedRows[r]][0];
			} else {
				final int count = taps(fa);
				for (int r = 0; r < ring.loaded; r++) {
					final int row = ring.loadedRows[r];
					int c = 0;
					for (int j = 0; j < fa.length; j++)
						if (fa[j] != 0)
							gathered[c++] = rows[(z + j) % slots][row][0];
					final double[] dest = banks[bank][row];
					LineMath.sum(dest, inWidth, gathered, weights, count);
					current[row] = dest;
				}
				bank ^= 1;
			}
			// along each axis below the ring axis, outermost first
			for (int d = a - 1; d >= 1; d--) {
				final double[] f = factors[s][d];
				if (isIdentity(f))
					continue;
				final int count = taps(f);
				final int step = plan.slabStrides[d];
				final int n = ring.passRows(d, passRows);
				for (int i = 0; i < n; i++) {
					final int row = passRows[i];
					int c = 0;
					for (int j = 0; j < f.length; j++)
						if (f[j] != 0)
							gathered[c++] = current[row + j * step];
					LineMath.sum(banks[bank][row], inWidth, gathered, weights, count);
				}
				// the rows just written become the current ones
				for (int i = 0; i < n; i++)
					current[passRows[i]] = banks[bank][passRows[i]];
				bank ^= 1;
			}
			// along x, last, on each output row, from its shifted copies
			final XTaps x = xTaps[s];
			final int width = ring.width(chunk);
			for (int r = 0; r < ring.outputs; r++) {
				copies[0] = current[ring.outputRows[r]];
				LineMath.shiftCopies(copies, inWidth);
				for (int i = 0; i < x.copy.length; i++)
					gathered[i] = x.copy[i] < 0 ? zeros : copies[x.copy[i]];
				LineMath.sum(acc, width, gathered, x.weight, x.passes);
				outputs[s].put(ring.outputOffset(r, z, chunk), acc, width);
			}
		}

		/** The non-zero taps of the factor along x, and the passes that sum them. */
		private static final class XTaps {
			final LineMath.Passes passes;
			/** Per slot: the row copy read (-1: zeros) and the weight. */
			final int[] copy;
			final double[] weight;

			XTaps(final double[] f) {
				int c = 0;
				for (final double v : f)
					if (v != 0)
						c++;
				final int[] x = new int[c];
				c = 0;
				for (int j = 0; j < f.length; j++)
					if (f[j] != 0)
						x[c++] = j;
				passes = new LineMath.Passes(x, new int[c], f.length);
				copy = new int[passes.slots()];
				weight = new double[copy.length];
				for (int s = 0; s < copy.length; s++) {
					final int t = passes.tap[s];
					copy[s] = passes.copy[s];
					weight[s] = t < 0 ? 0 : f[x[t]];
				}
			}
		}

		/** Copies the non-zero entries of {@code f} into {@link #weights}; returns their number. */
		private int taps(final double[] f) {
			int c = 0;
			for (final double v : f)
				if (v != 0)
					weights[c++] = v;
			return c;
		}
	}
}
