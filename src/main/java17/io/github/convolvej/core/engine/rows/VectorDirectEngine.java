package io.github.convolvej.core.engine.rows;

import java.util.Arrays;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The direct weighted sum in float with the JDK's Vector API: the same tiles
 * and ring of rows as {@link DirectEngine} (see {@link Tiling}), the rows
 * read as floats straight from the image ({@link FloatRowRing}), every output
 * row a few passes of up to five taps over whole rows at any offset
 * ({@link VectorLines}), the last pass written straight into the output's
 * float array. A complex kernel's two parts share the reads of the taps
 * where both are non-zero.
 * <p>
 * Only non-zero weights are summed, so NaN and infinity give the direct
 * sum's pattern. Loaded by {@link VectorEngines} only when the JVM has
 * {@code jdk.incubator.vector}.
 */
public final class VectorDirectEngine extends TiledEngine {

	/** Taps per pass of one weight set, and per pass of both parts of a complex kernel. */
	private static final int SINGLE = 5, PAIRED = 4;

	public VectorDirectEngine() {
		this(Tiling.Limits.DEFAULT);
	}

	/** An engine that cuts its work with other limits (tests). */
	VectorDirectEngine(final Tiling.Limits limits) {
		super("direct-vector", limits);
	}

	/** Floats per vector on this machine. */
	public static int lanes() {
		return VectorLines.SPECIES.length();
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		// a row of floats is half a row of doubles: one array per row is what the tiling counts
		final Tiling plan = tiling(input, kernelDims, executor, 1);
		final Passes passes = new Passes(weights, plan);
		plan.run(executor, progress, () -> new Tile(new FloatRowRing(plan, input), passes, outputs)::run);
	}

	/**
	 * The taps of every weight set as passes over one output row. Per slot:
	 * the kernel line's offset in a slab (-1: the line of zeros), its position
	 * along the ring axis, the x offset, and the weights (the second, {@code u},
	 * for paired passes only).
	 */
	private static final class Passes {
		final int[] line, ringPos, x;
		final float[] w, u;
		/** Per pass: first slot, slots, weight set (-1: both, paired), and whether it is its set's first pass. */
		final int[] start, size, set;
		final boolean[] first;
		/** Weight sets with no non-zero weight at all: written as zeros. */
		final boolean[] empty;

		Passes(final double[][] weights, final Tiling plan) {
			final int sets = weights.length;
			final int taps = weights[0].length;
			final int[] slotTap = new int[taps * (sets + 1) + PAIRED];
			final float[] sw = new float[slotTap.length], su = new float[slotTap.length];
			final int[] st = new int[slotTap.length], sz = new int[slotTap.length], se = new int[slotTap.length];
			final boolean[] fi = new boolean[slotTap.length];
			final boolean[] started = new boolean[sets];
			int slots = 0, passes = 0;
			final boolean[] paired = new boolean[taps];
			if (sets == 2) {
				int m = 0;
				for (int j = 0; j <= taps; j++) {
					final boolean take = j < taps && weights[0][j] != 0 && weights[1][j] != 0;
					if (take) {
						paired[j] = true;
						slotTap[slots] = j;
						sw[slots] = (float) weights[0][j];
						su[slots++] = (float) weights[1][j];
						m++;
					}
					if (m == PAIRED || (j == taps && m > 0)) {
						for (; m < PAIRED; m++)
							slotTap[slots++] = -1; // the line of zeros, weight 0
						st[passes] = slots - PAIRED;
						sz[passes] = PAIRED;
						se[passes] = -1;
						fi[passes++] = !started[0];
						started[0] = started[1] = true;
						m = 0;
					}
				}
			}
			for (int s = 0; s < sets; s++) {
				int m = 0;
				for (int j = 0; j <= taps; j++) {
					final boolean take = j < taps && weights[s][j] != 0 && !paired[j];
					if (take) {
						slotTap[slots] = j;
						sw[slots++] = (float) weights[s][j];
						m++;
					}
					if (m == SINGLE || (j == taps && m > 0)) {
						st[passes] = slots - m;
						sz[passes] = m;
						se[passes] = s;
						fi[passes++] = !started[s];
						started[s] = true;
						m = 0;
					}
				}
			}
			start = Arrays.copyOf(st, passes);
			size = Arrays.copyOf(sz, passes);
			set = Arrays.copyOf(se, passes);
			first = Arrays.copyOf(fi, passes);
			w = Arrays.copyOf(sw, slots);
			u = Arrays.copyOf(su, slots);
			empty = new boolean[sets];
			for (int s = 0; s < sets; s++)
				empty[s] = !started[s];
			line = new int[slots];
			ringPos = new int[slots];
			x = new int[slots];
			final int[] k = plan.kernel;
			for (int i = 0; i < slots; i++) {
				if (slotTap[i] < 0) {
					line[i] = -1;
					continue;
				}
				int rest = slotTap[i];
				x[i] = rest % k[0];
				rest /= k[0];
				for (int d = 1; d < k.length; d++) {
					final int c = rest % k[d];
					rest /= k[d];
					if (d < plan.ring)
						line[i] += c * plan.slabStrides[d];
					else if (d == plan.ring)
						ringPos[i] = c;
				}
			}
		}
	}

	/** One task's state: the ring of rows, the rows each slot reads, and a line per weight set for sinks that are not float arrays. */
	private static final class Tile {
		private final FloatRowRing ring;
		private final Passes passes;
		private final LineSink[] outputs;
		private final float[][] rows;
		/** Where each weight set is summed: the output's own float array, or a line handed to its sink. */
		private final float[][] targets;
		/** Whether a set's target is the output's own array (indexed by output offset) rather than a line. */
		private final boolean[] inPlace;
		private final float[] zeros;

		Tile(final FloatRowRing ring, final Passes passes, final LineSink[] outputs) {
			this.ring = ring;
			this.passes = passes;
			this.outputs = outputs;
			rows = new float[passes.line.length][];
			targets = new float[outputs.length][];
			inPlace = new boolean[outputs.length];
			for (int s = 0; s < outputs.length; s++) {
				targets[s] = outputs[s].floats();
				inPlace[s] = targets[s] != null;
				if (!inPlace[s])
					targets[s] = new float[ring.plan.chunk];
			}
			zeros = new float[ring.plan.chunk + ring.plan.kernel[0]];
		}

		void run(final int t) {
			final int steps = ring.begin(t), slots = ring.slots;
			final Passes p = passes;
			for (int step = 0; step < steps; step++)
				for (int c = 0; c < ring.chunks; c++) {
					ring.load(step, c);
					if (step < slots - 1)
						continue;
					final int z = step - slots + 1;
					final int width = ring.width(c);
					final float[][][] chunk = ring.rows[c];
					for (int r = 0; r < ring.outputs; r++) {
						final int base = ring.outputRows[r];
						final int offset = ring.outputOffset(r, z, c);
						for (int i = 0; i < rows.length; i++)
							rows[i] = p.line[i] < 0 ? zeros : chunk[(z + p.ringPos[i]) % slots][base + p.line[i]];
						for (int s = 0; s < outputs.length; s++)
							if (p.empty[s])
								Arrays.fill(targets[s], at(s, offset), at(s, offset) + width, 0);
						for (int q = 0; q < p.start.length; q++) {
							final int s = p.set[q];
							if (s < 0)
								VectorLines.pair4(p.first[q], targets[0], at(0, offset), targets[1], at(1, offset), width, rows, p.x, p.w, p.u, p.start[q]);
							else
								VectorLines.sum(p.size[q], p.first[q], targets[s], at(s, offset), width, rows, p.x, p.w, p.start[q]);
						}
						for (int s = 0; s < outputs.length; s++)
							if (!inPlace[s])
								outputs[s].putFloats(offset, targets[s], width);
					}
				}
		}

		/** Where in set {@code s}'s target the output line at {@code offset} starts. */
		private int at(final int s, final int offset) {
			return inPlace[s] ? offset : 0;
		}
	}
}
