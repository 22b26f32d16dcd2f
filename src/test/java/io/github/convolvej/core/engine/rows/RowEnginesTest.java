package io.github.convolvej.core.engine.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.CorrelationEngine;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * The direct and separable engines against the valid weighted sum written
 * out index by index, with tilings cut small so that every path runs:
 * several chunks per tile and several tiles along x, boxes of rows below the
 * ring axis, splits along it, kernels wider than the constant-offset loops,
 * one to four axes, several threads.
 */
class RowEnginesTest {

	/** The default cut, and cuts so small that tiles hold a few values. */
	private static final Tiling.Limits[] LIMITS = {
			Tiling.Limits.DEFAULT,
			new Tiling.Limits(5, 2000, 3),
			new Tiling.Limits(16, 30000, 1),
			new Tiling.Limits(7, 1, 50) };

	private static final TaskExecutor[] EXECUTORS = { TaskExecutors.singleThreaded(), TaskExecutors.numThreads(3) };

	/** {@code out[i] = sum_j w[j] in[i + j]}, one output per weight set. */
	static double[][] reference(final Block in, final int[] k, final double[][] weights) {
		final int n = in.dims.length;
		final int[] out = Block.validDims(in.dims, k);
		final int[] inStrides = Block.strides(in.dims);
		final double[][] result = new double[weights.length][Block.numElements(out)];
		final int[] i = new int[n], j = new int[n];
		for (int o = 0; o < result[0].length; o++) {
			int rest = o;
			for (int d = 0; d < n; d++) {
				i[d] = rest % out[d];
				rest /= out[d];
			}
			for (int s = 0; s < weights.length; s++) {
				double sum = 0;
				for (int t = 0; t < weights[s].length; t++) {
					int r = t, at = 0;
					for (int d = 0; d < n; d++) {
						j[d] = r % k[d];
						r /= k[d];
						at += (i[d] + j[d]) * inStrides[d];
					}
					if (weights[s][t] != 0)
						sum += weights[s][t] * in.data[at];
				}
				result[s][o] = sum;
			}
		}
		return result;
	}

	static Block randomBlock(final Random rnd, final int... dims) {
		final double[] v = new double[Block.numElements(dims)];
		for (int i = 0; i < v.length; i++)
			v[i] = rnd.nextInt(41) - 20;
		return new Block(v, dims);
	}

	/** Integer weights, about a third of them zero, so sums are exact. */
	static double[] randomWeights(final Random rnd, final int n) {
		final double[] w = new double[n];
		for (int i = 0; i < n; i++)
			w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(19) - 9;
		return w;
	}

	static double[][] run(final CorrelationEngine engine, final BlockSource in, final int[] k, final double[][] weights, final TaskExecutor executor) {
		final int[] out = Block.validDims(in.dims(), k);
		final double[][] result = new double[weights.length][Block.numElements(out)];
		for (final double[] r : result)
			Arrays.fill(r, Double.NaN); // every output must be written
		final LineSink[] sinks = new LineSink[weights.length];
		for (int s = 0; s < sinks.length; s++)
			sinks[s] = LineSink.of(result[s]);
		engine.correlate(in, k, weights, sinks, executor, ProgressListener.NONE);
		return result;
	}

	private static void check(final Block in, final int[] k, final double[][] weights, final boolean separable) {
		final double[][] expected = reference(in, k, weights);
		for (final Tiling.Limits limits : LIMITS)
			for (final TaskExecutor executor : EXECUTORS) {
				final String what = Arrays.toString(in.dims) + " * " + Arrays.toString(k) + " limits " + limits.chunk + "/" + limits.targetBytes + " threads " + executor.getParallelism();
				assertSame(expected, run(new DirectEngine(limits), in, k, weights, executor), "direct " + what);
				if (separable)
					assertSame(expected, run(new SeparableEngine(limits), in, k, weights, executor), "separable " + what);
			}
	}

	/** Equal, NaN where NaN is expected (the weights are integers, the sums exact). */
	static void assertSame(final double[][] expected, final double[][] actual, final String what) {
		for (int s = 0; s < expected.length; s++)
			for (int i = 0; i < expected[s].length; i++)
				if (!(Double.isNaN(expected[s][i]) && Double.isNaN(actual[s][i])))
					assertEquals(expected[s][i], actual[s][i], 1e-9 * Math.max(1, Math.abs(expected[s][i])), what + ", set " + s + " at " + i);
	}

	@Test
	void everyKernelWidthIn2D() {
		final Random rnd = new Random(1);
		final int[] widths = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 31, 33, 37 };
		for (final int kx : widths) {
			final int ky = 1 + kx % 4;
			final Block in = randomBlock(rnd, kx + 40, ky + 6);
			check(in, new int[] { kx, ky }, new double[][] { randomWeights(rnd, kx * ky) }, false);
		}
	}

	@Test
	void threeAndFourAxesAndOne() {
		final Random rnd = new Random(2);
		check(randomBlock(rnd, 13, 11, 9), new int[] { 3, 3, 3 }, new double[][] { randomWeights(rnd, 27) }, false);
		check(randomBlock(rnd, 12, 9, 8), new int[] { 2, 4, 3 }, new double[][] { randomWeights(rnd, 24) }, false);
		check(randomBlock(rnd, 9, 5, 6, 4), new int[] { 2, 1, 2, 2 }, new double[][] { randomWeights(rnd, 8) }, false);
		check(randomBlock(rnd, 8, 7, 5, 4), new int[] { 3, 2, 3, 1 }, new double[][] { randomWeights(rnd, 18) }, false);
		check(randomBlock(rnd, 57), new int[] { 7 }, new double[][] { randomWeights(rnd, 7) }, false);
		// a 2-D kernel on planes, a kernel along x only, one along z only
		check(randomBlock(rnd, 17, 9, 4), new int[] { 3, 3, 1 }, new double[][] { randomWeights(rnd, 9) }, false);
		check(randomBlock(rnd, 17, 5, 4), new int[] { 5, 1, 1 }, new double[][] { randomWeights(rnd, 5) }, false);
		check(randomBlock(rnd, 11, 5, 9), new int[] { 1, 1, 3 }, new double[][] { randomWeights(rnd, 3) }, false);
		// kernel as large as the block: a single output
		check(randomBlock(rnd, 6, 5), new int[] { 6, 5 }, new double[][] { randomWeights(rnd, 30) }, false);
	}

	@Test
	void weightSetsOfAComplexKernelShareTheRows() {
		final Random rnd = new Random(3);
		check(randomBlock(rnd, 23, 14), new int[] { 3, 3 }, new double[][] { randomWeights(rnd, 9), randomWeights(rnd, 9) }, false);
		check(randomBlock(rnd, 30, 8, 5), new int[] { 9, 2, 3 }, new double[][] { randomWeights(rnd, 54), randomWeights(rnd, 54) }, false);
		// one weight set all zero
		check(randomBlock(rnd, 12, 6), new int[] { 3, 2 }, new double[][] { new double[6], randomWeights(rnd, 6) }, false);
	}

	/** Outer product of the factors, x fastest. */
	static double[] outer(final double[]... f) {
		int n = 1;
		for (final double[] g : f)
			n *= g.length;
		final double[] w = new double[n];
		final int[] pos = new int[f.length];
		for (int i = 0; i < n; i++) {
			double p = 1;
			for (int d = 0; d < f.length; d++)
				p *= f[d][pos[d]];
			w[i] = p;
			for (int d = 0; d < f.length; d++) {
				if (++pos[d] < f[d].length)
					break;
				pos[d] = 0;
			}
		}
		return w;
	}

	@Test
	void separableKernelsPassByPass() {
		final Random rnd = new Random(4);
		final int[] widths = { 1, 2, 4, 5, 7, 9, 13, 33, 35 };
		for (final int kx : widths) {
			final int ky = 1 + kx % 5;
			final double[] fx = randomFactor(rnd, kx), fy = randomFactor(rnd, ky);
			check(randomBlock(rnd, kx + 30, ky + 9), new int[] { kx, ky }, new double[][] { outer(fx, fy) }, true);
		}
		check(randomBlock(rnd, 14, 12, 10), new int[] { 5, 3, 4 }, new double[][] { outer(randomFactor(rnd, 5), randomFactor(rnd, 3), randomFactor(rnd, 4)) }, true);
		check(randomBlock(rnd, 14, 12, 10, 3), new int[] { 3, 5, 2, 2 }, new double[][] { outer(randomFactor(rnd, 3), randomFactor(rnd, 5), randomFactor(rnd, 2), randomFactor(rnd, 2)) }, true);
		check(randomBlock(rnd, 40), new int[] { 11 }, new double[][] { randomFactor(rnd, 11) }, true);
		// a factor of length 1 along the ring axis, and the two rank-1 parts of a complex kernel
		check(randomBlock(rnd, 19, 8, 3), new int[] { 6, 4, 1 }, new double[][] { outer(randomFactor(rnd, 6), randomFactor(rnd, 4), new double[] { 3 }) }, true);
		check(randomBlock(rnd, 21, 17), new int[] { 7, 7 }, new double[][] { outer(randomFactor(rnd, 7), randomFactor(rnd, 7)), outer(randomFactor(rnd, 7), randomFactor(rnd, 7)) }, true);
	}

	static double[] randomFactor(final Random rnd, final int n) {
		final double[] f = new double[n];
		for (int i = 0; i < n; i++)
			f[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(7) - 3;
		f[rnd.nextInt(n)] = 1 + rnd.nextInt(3);
		return f;
	}

	@Test
	void separableTakesRankOneKernelsOnly() {
		final Random rnd = new Random(5);
		final Block in = randomBlock(rnd, 20, 20);
		final SeparableEngine engine = new SeparableEngine();
		run(engine, in, new int[] { 7, 7 }, new double[][] { outer(randomFactor(rnd, 7), new double[] { 1, 2, 3, 4, 3, 2, 1 }) }, TaskExecutors.singleThreaded());
		assertEquals("separable", engine.name());
		// Scharr's parts: each rank 1
		run(engine, in, new int[] { 3, 3 }, new double[][] { { -3, 0, 3, -10, 0, 10, -3, 0, 3 }, { -3, -10, -3, 0, 0, 0, 3, 10, 3 } }, TaskExecutors.singleThreaded());
		assertEquals("separable", engine.name());
		final double[][] notRankOne = { randomWeights(rnd, 25) };
		org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> run(engine, in, new int[] { 5, 5 }, notRankOne, TaskExecutors.singleThreaded()));
	}

	@Test
	void nanStaysWhereTheFormulaPutsIt() {
		// wide kernels use passes padded with zero lines: a NaN elsewhere in a row must not leak into them
		final Random rnd = new Random(6);
		for (final int kx : new int[] { 3, 6, 9, 14 }) {
			final Block in = randomBlock(rnd, 60, 9);
			in.data[4 * 60 + 30] = Double.NaN;
			in.data[7 * 60 + 2] = Double.POSITIVE_INFINITY;
			final double[][] w = { randomWeights(rnd, kx * 3) };
			w[0][0] = 1; // at least one tap
			check(in, new int[] { kx, 3 }, w, false);
			final double[][] expected = reference(in, new int[] { kx, 3 }, w);
			int finite = 0;
			for (final double v : expected[0])
				if (Double.isFinite(v))
					finite++;
			assertTrue(finite > expected[0].length / 2, "most outputs avoid the NaN");
		}
		// NaN right of column 30 on every row: outputs whose window ends before it stay finite
		for (final int kx : new int[] { 5, 6, 9, 10, 14, 21 }) {
			final Block in = randomBlock(rnd, 60, 6);
			for (int y = 0; y < 6; y++)
				for (int x = 30; x < 60; x++)
					in.data[y * 60 + x] = Double.NaN;
			final double[][] w = { randomWeights(rnd, kx * 2) };
			w[0][0] = 1;
			check(in, new int[] { kx, 2 }, w, false);
		}
	}

	@Test
	void longKernelsOnSmallImagesKeepSmallBuffers() {
		// a 30001 x 1 kernel on 64 x 64 ("same"): the shifted copies of each row once held the whole 30064-value row, 0.9 GB per thread
		final Random rnd = new Random(7);
		final int[] k = { 30001, 1 };
		final Block in = randomBlock(rnd, 64 + 30000, 64);
		final double[][] weights = { randomWeights(rnd, 30001) };
		final double[][] expected = reference(in, k, weights);
		final TaskExecutor executor = TaskExecutors.numThreads(2);
		assertSame(expected, run(new DirectEngine(), in, k, weights, executor), "direct");
		assertSame(expected, run(new SeparableEngine(), in, k, weights, executor), "separable");
		final boolean[] copies = new boolean[LineMath.phase(k[0] - 1) / 4 * 4 + 4];
		Arrays.fill(copies, true);
		final Tiling plan = new Tiling(in.dims, k, 2, copies.length, Tiling.Limits.DEFAULT);
		long bytes = 0;
		for (final double[][][][] chunk : new RowRing(plan, in, copies).rows)
			for (final double[][][] slot : chunk)
				for (final double[][] row : slot)
					for (final double[] a : row)
						bytes += 8L * a.length;
		assertTrue(bytes < 16 << 20, "a ring of rows holds " + (bytes >> 20) + " MB");
		assertEquals(RowRing.bytes(plan, copies.length), bytes, "the estimate the engine choice uses");
	}

	@Test
	void tilesCoverEveryOutputOnce() {
		final int[][][] cases = {
				{ { 4100, 3 }, { 3, 3 } },
				{ { 50, 40, 30 }, { 3, 5, 3 } },
				{ { 9, 8, 7, 6 }, { 2, 3, 1, 2 } },
				{ { 33 }, { 4 } },
				{ { 20, 7, 5 }, { 3, 1, 1 } } };
		for (final int[][] c : cases)
			for (final Tiling.Limits limits : LIMITS)
				for (final int threads : new int[] { 1, 2, 7 }) {
					final Tiling plan = new Tiling(c[0], c[1], threads, 3, limits);
					final int[] count = new int[Block.numElements(plan.out)];
					final int[] start = new int[plan.n], size = new int[plan.n], pos = new int[plan.n];
					for (int t = 0; t < plan.tiles; t++) {
						plan.tile(t, start, size);
						Arrays.fill(pos, 0);
						for (int i = 0; i < Block.numElements(size); i++) {
							int at = 0;
							for (int d = 0; d < plan.n; d++)
								at += (start[d] + pos[d]) * plan.outStrides[d];
							count[at]++;
							for (int d = 0; d < plan.n; d++) {
								if (++pos[d] < size[d])
									break;
								pos[d] = 0;
							}
						}
					}
					for (int i = 0; i < count.length; i++)
						if (count[i] != 1)
							fail(Arrays.toString(c[0]) + " * " + Arrays.toString(c[1]) + ": output " + i + " covered " + count[i] + " times");
					assertTrue(plan.span >= 1 && plan.chunk >= 1);
				}
	}

	@Test
	void progressReachesTheEndAndCancellingStops() {
		final Random rnd = new Random(7);
		final Block in = randomBlock(rnd, 64, 64);
		final double[][] w = { randomWeights(rnd, 9) };
		final List< Double > seen = Collections.synchronizedList(new ArrayList<>());
		final ProgressListener record = ProgressListener.reporting(seen::add);
		for (final CorrelationEngine engine : new CorrelationEngine[] { new DirectEngine(LIMITS[1]), new SeparableEngine(LIMITS[1]) }) {
			seen.clear();
			engine.correlate(in, new int[] { 3, 3 }, new double[][] { outer(new double[] { 1, 2, 1 }, new double[] { 1, 0, -1 }) }, new LineSink[] { LineSink.of(new double[62 * 62]) }, TaskExecutors.numThreads(2), record);
			assertTrue(seen.size() >= 5, "progress per tile");
			assertEquals(1.0, seen.stream().mapToDouble(Double::doubleValue).max().getAsDouble(), 1e-12);
		}
		final AtomicInteger tiles = new AtomicInteger();
		final ProgressListener cancelAfterTwo = new ProgressListener() {

			@Override
			public void progress(final double fraction) {
				tiles.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return tiles.get() >= 2;
			}
		};
		assertThrows(CancelledException.class, () -> new DirectEngine(LIMITS[1]).correlate(in, new int[] { 3, 3 }, w, new LineSink[] { LineSink.of(new double[62 * 62]) }, TaskExecutors.singleThreaded(), cancelAfterTwo));
		assertTrue(tiles.get() < new Tiling(in.dims, new int[] { 3, 3 }, 1, 3, LIMITS[1]).tiles, "stopped before the last tile");
	}
}
