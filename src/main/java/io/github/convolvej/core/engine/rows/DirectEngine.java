package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The weighted sum tap by tap, exact in double.
 * <p>
 * Each input row of a tile is read once (see {@link Tiling}, {@link RowRing})
 * and copied shifted by 1, 2 and 3 (and by multiples of
 * {@link LineMath#GROUP} for wide kernels), so that tap {@code (j, line)}
 * reads one of these copies at a constant offset. An output row is then a sum
 * of whole rows, {@code acc[x] = sum_t w[t] a_t[x + c_t]}, five taps per pass
 * over the accumulator ({@link LineMath.Passes}), in loops the JIT
 * vectorises. The weight sets of a complex kernel share the rows and their
 * copies.
 */
public final class DirectEngine extends TiledEngine {

	/** The direct engine with the default tiling. */
	public DirectEngine() {
		this(Tiling.Limits.DEFAULT);
	}

	/** An engine that cuts its work with other limits (tests). */
	DirectEngine(final Tiling.Limits limits) {
		super("direct", limits);
	}

	/** Bytes of the working buffers of all threads together (inputs and outputs not counted). */
	public static long workingBytes(final int[] inputDims, final int[] kernelDims, final int threads) {
		final int copies = copies(kernelDims[0]);
		final Tiling plan = new Tiling(inputDims, kernelDims, threads, copies, Tiling.Limits.DEFAULT);
		return RowRing.bytes(plan, copies) * Math.min(threads, plan.tiles);
	}

	/** Arrays per row at most: four shifted copies per {@link LineMath#GROUP} columns of kernel width. */
	static int copies(final int kernelWidth) {
		return LineMath.phase(kernelWidth - 1) / 4 * 4 + 4;
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final int[] k = Tiling.atLeast2D(kernelDims);
		final Taps[] taps = new Taps[weights.length];
		final boolean[] copies = new boolean[copies(k[0])];
		copies[0] = true;
		int arrays = 1;
		for (int s = 0; s < weights.length; s++) {
			taps[s] = new Taps(weights[s], k);
			for (final int c : taps[s].passes.copy)
				if (c >= 0 && !copies[c]) {
					copies[c] = true;
					arrays++;
				}
		}
		final Tiling plan = tiling(input, kernelDims, executor, arrays);
		for (final Taps t : taps)
			t.place(plan);
		plan.run(executor, progress, () -> new Tile(new RowRing(plan, input, copies), taps, outputs)::run);
	}

	/** The non-zero taps of one weight set, and the passes that sum them. */
	private static final class Taps {
		/** Per tap: weight, x offset, and kernel position along every axis. */
		final double[] weight;
		final int[] x;
		final int[][] coords;
		final LineMath.Passes passes;
		/** Per slot of the passes: the row copy read (-1: zeros), the kernel line's offset in a slab, its position along the ring axis, and the weight. */
		final int[] copy, line, ringPos;
		final double[] slotWeight;

		Taps(final double[] w, final int[] k) {
			int c = 0;
			for (final double v : w)
				if (v != 0)
					c++;
			weight = new double[c];
			x = new int[c];
			coords = new int[c][];
			final int[] lineId = new int[c];
			final int[] pos = new int[k.length];
			c = 0;
			for (int i = 0; i < w.length; i++) {
				if (w[i] != 0) {
					weight[c] = w[i];
					x[c] = pos[0];
					lineId[c] = i / k[0];
					coords[c++] = pos.clone();
				}
				for (int d = 0; d < k.length; d++) {
					if (++pos[d] < k[d])
						break;
					pos[d] = 0;
				}
			}
			passes = new LineMath.Passes(x, lineId, k[0]);
			final int slots = passes.slots();
			copy = new int[slots];
			line = new int[slots];
			ringPos = new int[slots];
			slotWeight = new double[slots];
		}

		/** Where each slot's line is in a slab of {@code plan}. */
		void place(final Tiling plan) {
			for (int s = 0; s < copy.length; s++) {
				final int t = passes.tap[s];
				if (t < 0) {
					copy[s] = -1;
					continue;
				}
				int off = 0;
				for (int d = 1; d < plan.ring; d++)
					off += coords[t][d] * plan.slabStrides[d];
				copy[s] = passes.copy[s];
				line[s] = off;
				ringPos[s] = coords[t][plan.ring];
				slotWeight[s] = weight[t];
			}
		}
	}

	/** One task's state: the ring of rows, the accumulator and the gathered tap arrays. */
	private static final class Tile {
		private final RowRing ring;
		private final Taps[] taps;
		private final LineSink[] outputs;
		private final double[] acc;
		private final double[][] gathered;
		/** The line that padded slots read. */
		private final double[] zeros;

		Tile(final RowRing ring, final Taps[] taps, final LineSink[] outputs) {
			this.ring = ring;
			this.taps = taps;
			this.outputs = outputs;
			acc = new double[ring.plan.chunk];
			int max = 0;
			for (final Taps t : taps)
				max = Math.max(max, t.copy.length);
			gathered = new double[max][];
			zeros = new double[ring.plan.chunk + LineMath.ZEROS];
		}

		void run(final int t) {
			final int steps = ring.begin(t), slots = ring.slots;
			for (int step = 0; step < steps; step++)
				for (int c = 0; c < ring.chunks; c++) {
					final double[][][][] rows = ring.rows[c];
					final double[][][] slab = rows[ring.load(step, c)];
					for (int r = 0; r < ring.loaded; r++)
						LineMath.shiftCopies(slab[ring.loadedRows[r]], ring.inWidth(c));
					if (step < slots - 1)
						continue;
					final int z = step - slots + 1;
					final int width = ring.width(c);
					for (int r = 0; r < ring.outputs; r++) {
						final int base = ring.outputRows[r];
						final int offset = ring.outputOffset(r, z, c);
						for (int s = 0; s < taps.length; s++) {
							final Taps ts = taps[s];
							for (int i = 0; i < ts.copy.length; i++)
								gathered[i] = ts.copy[i] < 0 ? zeros : rows[(z + ts.ringPos[i]) % slots][base + ts.line[i]][ts.copy[i]];
							LineMath.sum(acc, width, gathered, ts.slotWeight, ts.passes);
							outputs[s].put(offset, acc, width);
						}
					}
				}
		}
	}
}
