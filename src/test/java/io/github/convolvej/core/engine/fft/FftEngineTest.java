package io.github.convolvej.core.engine.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.rows.DirectEngine;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * The FFT engine against the direct sum ({@link DirectEngine}, exact in
 * double) on random blocks and kernels: 1-D to 4-D, odd, even and prime
 * sizes, kernels larger than half the block, several weight sets, every way
 * of cutting the block into tiles.
 */
class FftEngineTest {

	private static final TaskExecutor ONE = TaskExecutors.singleThreaded();
	private static final TaskExecutor TWO = TaskExecutors.numThreads(2);
	private static final TaskExecutor THREE = TaskExecutors.numThreads(3);

	@AfterAll
	static void stopThreads() {
		TWO.close();
		THREE.close();
	}

	private static double[] random(final Random rnd, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = rnd.nextDouble() * 2 - 1;
		return v;
	}

	private static double[][] direct(final Block in, final int[] k, final double[][] w) {
		final int n = Block.numElements(Block.validDims(in.dims, k));
		final double[][] out = new double[w.length][n];
		final LineSink[] sinks = new LineSink[w.length];
		for (int s = 0; s < w.length; s++)
			sinks[s] = LineSink.of(out[s]);
		new DirectEngine().correlate(in, k, w, sinks, ONE, ProgressListener.NONE);
		return out;
	}

	/** Runs {@code plan} (or the engine's own when null) and compares every output with the direct sum. */
	private static void check(final Block in, final int[] k, final double[][] w, final FftPlan plan, final TaskExecutor executor, final String what) {
		final double[][] expected = direct(in, k, w);
		final double[][] got = new double[w.length][expected[0].length];
		for (final double[] g : got)
			Arrays.fill(g, Double.NaN); // every output must be written
		final LineSink[] sinks = new LineSink[w.length];
		for (int s = 0; s < w.length; s++)
			sinks[s] = LineSink.of(got[s]);
		if (plan == null)
			new FftEngine().correlate(in, k, w, sinks, executor, ProgressListener.NONE);
		else
			FftEngine.run(plan, in, w, sinks, executor, ProgressListener.NONE);
		for (int s = 0; s < w.length; s++) {
			double scale = 1;
			for (final double e : expected[s])
				scale = Math.max(scale, Math.abs(e));
			for (int i = 0; i < expected[s].length; i++)
				assertEquals(expected[s][i], got[s][i], 1e-10 * scale, what + " set " + s + " at " + i + " " + plan);
		}
	}

	private static void check(final Random rnd, final int[] dims, final int[] k, final int sets) {
		final Block in = new Block(random(rnd, Block.numElements(dims)), dims);
		final double[][] w = new double[sets][];
		for (int s = 0; s < sets; s++)
			w[s] = random(rnd, Block.numElements(k));
		final String what = Arrays.toString(dims) + " * " + Arrays.toString(k);
		check(in, k, w, null, ONE, what);
		check(in, k, w, null, THREE, what + " 3 threads");
		check(in, k, w, FftPlan.whole(dims, k, sets, 1), ONE, what + " one tile");
		check(in, k, w, FftPlan.whole(dims, k, sets, 2), TWO, what + " one tile, 2 threads");
	}

	@Test
	void oneDimension() {
		final Random rnd = new Random(1);
		check(rnd, new int[] { 17 }, new int[] { 5 }, 1);
		check(rnd, new int[] { 64 }, new int[] { 64 }, 1);
		check(rnd, new int[] { 97 }, new int[] { 60 }, 2);
		check(rnd, new int[] { 1 }, new int[] { 1 }, 1);
		check(rnd, new int[] { 5000 }, new int[] { 33 }, 1);
	}

	@Test
	void twoDimensions() {
		final Random rnd = new Random(2);
		check(rnd, new int[] { 31, 17 }, new int[] { 5, 3 }, 1);
		check(rnd, new int[] { 13, 11 }, new int[] { 10, 9 }, 1); // larger than half the block
		check(rnd, new int[] { 40, 29 }, new int[] { 1, 7 }, 1); // a column kernel
		check(rnd, new int[] { 40, 29 }, new int[] { 7, 1 }, 2); // a row kernel: y is batched
		check(rnd, new int[] { 1, 9 }, new int[] { 1, 3 }, 1);
		check(rnd, new int[] { 300, 200 }, new int[] { 13, 11 }, 2);
		check(rnd, new int[] { 257, 3 }, new int[] { 2, 2 }, 3);
	}

	@Test
	void threeAndFourDimensions() {
		final Random rnd = new Random(3);
		check(rnd, new int[] { 19, 12, 7 }, new int[] { 4, 3, 5 }, 1);
		check(rnd, new int[] { 19, 12, 7 }, new int[] { 4, 3, 1 }, 2); // a 2-D kernel filters each plane
		check(rnd, new int[] { 64, 50, 40 }, new int[] { 9, 9, 9 }, 1);
		check(rnd, new int[] { 7, 6, 5, 4 }, new int[] { 3, 2, 2, 3 }, 2);
		check(rnd, new int[] { 11, 5, 6, 3 }, new int[] { 2, 1, 5, 1 }, 1);
		check(rnd, new int[] { 5, 4, 3, 2, 3 }, new int[] { 2, 2, 1, 2, 3 }, 1);
	}

	@Test
	void everyTiling() {
		// random tile sizes, ragged last tiles, batches, one and several threads
		final Random rnd = new Random(4);
		for (int trial = 0; trial < 150; trial++) {
			final int n = 1 + rnd.nextInt(4);
			final int[] dims = new int[n], k = new int[n], size = new int[n];
			final boolean[] transformed = new boolean[n];
			for (int d = 0; d < n; d++) {
				dims[d] = 1 + rnd.nextInt(n == 1 ? 60 : n == 2 ? 25 : 9);
				k[d] = 1 + rnd.nextInt(Math.min(dims[d], 5));
				transformed[d] = d == 0 || k[d] > 1 || rnd.nextBoolean();
				size[d] = transformed[d] ? k[d] + rnd.nextInt(dims[d] + 3) : 1 + rnd.nextInt(dims[d]);
			}
			if (size[0] % 2 != 0)
				size[0]++;
			final int sets = 1 + rnd.nextInt(3);
			final Block in = new Block(random(rnd, Block.numElements(dims)), dims);
			final double[][] w = new double[sets][];
			for (int s = 0; s < sets; s++)
				w[s] = random(rnd, Block.numElements(k));
			final int threads = 1 + rnd.nextInt(3);
			final FftPlan plan = FftPlan.withSizes(dims, k, size, transformed, sets, threads);
			check(in, k, w, plan, threads == 1 ? ONE : threads == 2 ? TWO : THREE, "trial " + trial + " " + Arrays.toString(dims) + " * " + Arrays.toString(k));
		}
	}

	@Test
	void planUsesSmallFactorsAndTilesLargeBlocks() {
		final FftPlan p = FftPlan.of(new int[] { 2078, 2078 }, new int[] { 31, 31 }, 1, 2);
		assertTrue(p.tileCount > 1, p.toString());
		for (int d = 0; d < 2; d++) {
			int v = p.size[d];
			for (final int f : new int[] { 2, 3, 5, 7 })
				while (v % f == 0)
					v /= f;
			assertEquals(1, v, p.toString());
		}
		assertEquals(0, p.size[0] % 2);
		// a kernel as large as the block: one transform of the whole block
		assertEquals(1, FftPlan.of(new int[] { 100, 90 }, new int[] { 80, 70 }, 1, 2).tileCount);
	}

	@Test
	void cancellationStopsIt() {
		final Random rnd = new Random(5);
		final int[] dims = { 600, 500 };
		final Block in = new Block(random(rnd, 600 * 500), dims);
		final int[] k = { 21, 21 };
		final double[][] w = { random(rnd, 441) };
		for (final FftPlan plan : new FftPlan[] { FftPlan.of(dims, k, 1, 2), FftPlan.whole(dims, k, 1, 2) }) {
			final AtomicInteger checks = new AtomicInteger();
			final AtomicInteger lines = new AtomicInteger();
			final ProgressListener cancelSoon = ProgressListener.cancelledWhen(() -> checks.incrementAndGet() > 2);
			assertThrows(CancelledException.class, () -> FftEngine.run(plan, in, w, new LineSink[] { (o, l, len) -> lines.incrementAndGet() }, TWO, cancelSoon), plan.toString());
			assertTrue(lines.get() < 480, plan + ": " + lines.get() + " lines written after cancelling");
		}
	}

	@Test
	void progressRisesToOne() {
		final Random rnd = new Random(6);
		final int[] dims = { 300, 200, 20 };
		final Block in = new Block(random(rnd, 300 * 200 * 20), dims);
		final int[] k = { 9, 9, 3 };
		final double[][] w = { random(rnd, 243), random(rnd, 243) };
		for (final FftPlan plan : new FftPlan[] { FftPlan.of(dims, k, 2, 2), FftPlan.whole(dims, k, 2, 2) }) {
			final java.util.List< Double > seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
			final ProgressListener record = ProgressListener.reporting(seen::add);
			final LineSink none = (o, l, len) -> {};
			FftEngine.run(plan, in, w, new LineSink[] { none, none }, TWO, record);
			assertTrue(seen.size() >= 3, plan + ": " + seen);
			assertEquals(1, seen.get(seen.size() - 1), 1e-12, plan.toString());
			if (!plan.tilesInParallel())
				for (int i = 1; i < seen.size(); i++)
					assertTrue(seen.get(i) >= seen.get(i - 1), plan + ": " + seen);
		}
	}

	@Test
	void badArgumentsAreExplained() {
		final Block in = new Block(new double[12], 4, 3);
		final LineSink sink = (o, l, len) -> {};
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FftEngine().correlate(in, new int[] { 2 }, new double[][] { { 1, 2 } }, new LineSink[] { sink }, ONE, ProgressListener.NONE));
		assertTrue(e.getMessage().contains("axes"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> new FftEngine().correlate(in, new int[] { 2, 2 }, new double[][] { { 1, 2 } }, new LineSink[] { sink }, ONE, ProgressListener.NONE));
		assertTrue(e.getMessage().contains("4"), e.getMessage());
	}
}
