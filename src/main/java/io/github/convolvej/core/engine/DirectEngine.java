package io.github.convolvej.core.engine;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/**
 * The weighted sum tap by tap, exact in double.
 * <p>
 * Each input row of a tile is read once (see {@link Tiling}, {@link RowRing})
 * and copied shifted by 1, 2 and 3 (and by multiples of
 * {@link LineMath#GROUP} for wide kernels), so that tap {@code (j, line)}
 * reads one of these copies at a constant offset. An output row is then a sum
 * of whole rows, {@code acc[x] = sum_t w[t] a_t[x + c_t]}, done five taps per
 * pass over the accumulator ({@link LineMath}) in loops the JIT vectorises. The weight sets of a complex kernel share the rows and their
 * shifted copies.
 */
public final class DirectEngine implements CorrelationEngine {

	private final Tiling.Limits limits;

	/** The direct engine with the default tiling. */
	public DirectEngine() {
		this(Tiling.Limits.DEFAULT);
	}

	/** An engine that cuts its work with other limits (tests). */
	DirectEngine(final Tiling.Limits limits) {
		this.limits = limits;
	}

	@Override
	public String name() {
		return "direct";
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final int[] k = Tiling.atLeast2D(kernelDims);
		final Taps[] taps = new Taps[weights.length];
		final boolean[] copies = new boolean[LineMath.phase(k[0] - 1) / 4 * 4 + 4];
		copies[0] = true;
		int arrays = 1;
		for (int s = 0; s < weights.length; s++) {
			taps[s] = new Taps(weights[s], k);
			for (int t = 0; t < taps[s].count; t++)
				if (!copies[taps[s].copy[t]]) {
					copies[taps[s].copy[t]] = true;
					arrays++;
				}
		}
		final Tiling plan = new Tiling(input.dims(), kernelDims, executor.getParallelism(), arrays, limits);
		for (final Taps t : taps)
			t.place(plan);
		plan.run(executor, progress, () -> new Tile(new RowRing(plan, input, copies), taps, outputs)::run);
	}

	/** The non-zero taps of one weight set, in the order {@link LineMath#sum} wants them. */
	private static final class Taps {
		final int count;
		final double[] weight;
		/** Per tap: the row copy it reads and at which offset, its position along the ring axis, and its kernel line's offset in a slab. */
		final int[] copy, offset, ringPos, line;
		private final int[][] lineCoords;

		Taps(final double[] w, final int[] k) {
			int c = 0;
			for (final double v : w)
				if (v != 0)
					c++;
			count = c;
			weight = new double[c];
			copy = new int[c];
			offset = new int[c];
			ringPos = new int[c];
			line = new int[c];
			lineCoords = new int[c][];
			c = 0;
			// taps of equal offset together, in kernel order
			for (int o = 0; o < Math.min(k[0], LineMath.GROUP); o += 4) {
				final int[] pos = new int[k.length];
				for (int i = 0; i < w.length; i++) {
					if (w[i] != 0 && LineMath.offset(pos[0]) == o) {
						weight[c] = w[i];
						copy[c] = LineMath.phase(pos[0]);
						offset[c] = o;
						lineCoords[c++] = pos.clone();
					}
					for (int d = 0; d < k.length; d++) {
						if (++pos[d] < k[d])
							break;
						pos[d] = 0;
					}
				}
			}
		}

		/** Where each tap's line is in a slab of {@code plan}. */
		void place(final Tiling plan) {
			for (int t = 0; t < count; t++) {
				int off = 0;
				for (int d = 1; d < plan.ring; d++)
					off += lineCoords[t][d] * plan.slabStrides[d];
				line[t] = off;
				ringPos[t] = lineCoords[t][plan.ring];
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
		/** Padding for passes of fewer than five lines. */
		private final double[] zeros;

		Tile(final RowRing ring, final Taps[] taps, final LineSink[] outputs) {
			this.ring = ring;
			this.taps = taps;
			this.outputs = outputs;
			acc = new double[ring.plan.chunk];
			int max = 0;
			for (final Taps t : taps)
				max = Math.max(max, t.count);
			gathered = new double[max][];
			zeros = new double[ring.plan.chunk + LineMath.GROUP];
		}

		void run(final int t) {
			ring.begin(t);
			final Tiling plan = ring.plan;
			final int slots = plan.kernel[plan.ring];
			final int steps = ring.size[plan.ring] + slots - 1;
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
							for (int i = 0; i < ts.count; i++)
								gathered[i] = rows[(z + ts.ringPos[i]) % slots][base + ts.line[i]][ts.copy[i]];
							LineMath.sum(acc, width, gathered, ts.weight, ts.offset, ts.count, zeros);
							outputs[s].put(offset, acc, width);
						}
					}
				}
		}
	}
}
