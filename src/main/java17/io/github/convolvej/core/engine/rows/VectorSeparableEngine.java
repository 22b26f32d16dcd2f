package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * Rank-1 kernels as one 1-D pass per axis, in float with the JDK's Vector
 * API: the passes of {@link SeparableEngine} (the ring axis over the ring of
 * rows, then each axis below it, x last, all while a tile's rows are in
 * cache) over float rows read straight from the image
 * ({@link FloatRowRing}), each pass a sum of whole rows at any offset
 * ({@code VectorLines}), so the pass along x needs no shifted copies and
 * writes straight into the output's float array. Loaded by
 * {@link VectorEngines} only when the JVM has {@code jdk.incubator.vector}.
 */
public final class VectorSeparableEngine extends TiledEngine {

	public VectorSeparableEngine() {
		this(Tiling.Limits.DEFAULT);
	}

	/** An engine that cuts its work with other limits (tests). */
	VectorSeparableEngine(final Tiling.Limits limits) {
		super("separable-vector", limits);
	}

	/** @throws IllegalArgumentException for a weight set that is not rank 1 */
	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final double[][][] factors = SeparableEngine.factors(weights, kernelDims);
		// float rows and two banks of partial sums: about two rows of doubles per input row
		final Tiling plan = tiling(input, kernelDims, executor, 2);
		plan.run(executor, progress, () -> new Tile(new FloatRowRing(plan, input), factors, outputs)::run);
	}

	/** One task's state: the ring of rows, two banks of partial sums, and the taps of the pass at hand. */
	private static final class Tile {
		private final FloatRowRing ring;
		private final LineSink[] outputs;
		/** Per weight set and axis, the non-zero taps: offset and weight. */
		private final int[][][] offsets;
		private final float[][][] weights;
		/** Per weight set and axis, whether the factor is {@code [1]}: the axis is left as it is. */
		private final boolean[][] identity;
		/** Offsets of taps that read whole rows at the same place. */
		private final int[] zeroOffsets;
		private final float[][][] banks;
		private final float[][] current;
		private final float[][] rows;
		private final int[] passRows;
		private final float[] acc;

		Tile(final FloatRowRing ring, final double[][][] factors, final LineSink[] outputs) {
			this.ring = ring;
			this.outputs = outputs;
			final Tiling plan = ring.plan;
			offsets = new int[factors.length][plan.n][];
			weights = new float[factors.length][plan.n][];
			identity = new boolean[factors.length][plan.n];
			int longest = 1;
			for (int s = 0; s < factors.length; s++)
				for (int d = 0; d < plan.n; d++) {
					final double[] f = factors[s][d];
					identity[s][d] = SeparableEngine.isIdentity(f);
					int c = 0;
					for (final double v : f)
						if (v != 0)
							c++;
					offsets[s][d] = new int[c];
					weights[s][d] = new float[c];
					c = 0;
					for (int j = 0; j < f.length; j++)
						if (f[j] != 0) {
							offsets[s][d][c] = j;
							weights[s][d][c++] = (float) f[j];
						}
					longest = Math.max(longest, c);
				}
			banks = new float[2][plan.slabRows][plan.chunk + plan.kernel[0] - 1];
			current = new float[plan.slabRows][];
			rows = new float[longest][];
			zeroOffsets = new int[longest];
			passRows = new int[plan.slabRows];
			acc = new float[plan.chunk];
		}

		void run(final int t) {
			final int steps = ring.begin(t), slots = ring.slots;
			for (int step = 0; step < steps; step++)
				for (int c = 0; c < ring.chunks; c++) {
					final int slot = ring.load(step, c);
					if (step < slots - 1)
						continue;
					for (int s = 0; s < outputs.length; s++)
						weightSet(s, step - slots + 1, c, slot);
				}
		}

		private void weightSet(final int s, final int z, final int chunk, final int lastSlot) {
			final Tiling plan = ring.plan;
			final int a = plan.ring;
			final int slots = plan.kernel[a];
			final int inWidth = ring.inWidth(chunk);
			final float[][][] slab = ring.rows[chunk];
			int bank = 0;
			// along the ring axis: the rows of slot (z + j) % slots, for every loaded slab row
			final int[] ringTaps = offsets[s][a];
			if (identity[s][a]) {
				for (int r = 0; r < ring.loaded; r++)
					current[ring.loadedRows[r]] = slab[lastSlot][ring.loadedRows[r]];
			} else {
				for (int r = 0; r < ring.loaded; r++) {
					final int row = ring.loadedRows[r];
					for (int i = 0; i < ringTaps.length; i++)
						rows[i] = slab[(z + ringTaps[i]) % slots][row];
					VectorLines.sumAll(ringTaps.length, banks[bank][row], 0, inWidth, rows, zeroOffsets, weights[s][a]);
					current[row] = banks[bank][row];
				}
				bank ^= 1;
			}
			// along each axis below the ring axis, outermost first
			for (int d = a - 1; d >= 1; d--) {
				final int[] taps = offsets[s][d];
				if (identity[s][d])
					continue;
				final int step = plan.slabStrides[d];
				final int n = ring.passRows(d, passRows);
				for (int i = 0; i < n; i++) {
					final int row = passRows[i];
					for (int j = 0; j < taps.length; j++)
						rows[j] = current[row + taps[j] * step];
					VectorLines.sumAll(taps.length, banks[bank][row], 0, inWidth, rows, zeroOffsets, weights[s][d]);
				}
				for (int i = 0; i < n; i++)
					current[passRows[i]] = banks[bank][passRows[i]];
				bank ^= 1;
			}
			// along x, last, on each output row: the taps are offsets into the same row
			final int[] xTaps = offsets[s][0];
			final int width = ring.width(chunk);
			final float[] out = outputs[s].floats();
			for (int r = 0; r < ring.outputs; r++) {
				final float[] row = current[ring.outputRows[r]];
				for (int j = 0; j < xTaps.length; j++)
					rows[j] = row;
				final int offset = ring.outputOffset(r, z, chunk);
				if (out != null)
					VectorLines.sumAll(xTaps.length, out, offset, width, rows, xTaps, weights[s][0]);
				else {
					VectorLines.sumAll(xTaps.length, acc, 0, width, rows, xTaps, weights[s][0]);
					outputs[s].putFloats(offset, acc, width);
				}
			}
		}
	}
}
