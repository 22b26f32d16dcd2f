package io.github.convolvej.core.engine.rows;

import static io.github.convolvej.core.engine.rows.RowEnginesTest.assertSame;
import static io.github.convolvej.core.engine.rows.RowEnginesTest.randomBlock;
import static io.github.convolvej.core.engine.rows.RowEnginesTest.randomWeights;
import static io.github.convolvej.core.engine.rows.RowEnginesTest.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.CorrelationEngine;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * The vector engine (float sums with the JDK's Vector API) against the valid
 * weighted sum written out index by index. Inputs and weights are small
 * integers, so every sum is exact in float too and must equal the
 * reference, NaN and infinity included; tilings are cut small so that every
 * path runs (several chunks, tiles and row tails shorter than a vector).
 * <p>
 * The build runs these tests in a JVM without {@code jdk.incubator.vector}
 * (the engine must then be absent) and in one with it and
 * {@code -Dconvolvej.vector.expected=true} (it must be present).
 */
class VectorDirectEngineTest {

	private static final Tiling.Limits[] LIMITS = {
			Tiling.Limits.DEFAULT,
			new Tiling.Limits(5, 2000, 3),
			new Tiling.Limits(19, 30000, 1),
			new Tiling.Limits(7, 1, 50) };

	private static final TaskExecutor[] EXECUTORS = { TaskExecutors.singleThreaded(), TaskExecutors.numThreads(3) };

	@Test
	void presentExactlyWhenTheJvmHasTheVectorModule() {
		final boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
		if (Boolean.getBoolean("convolvej.vector.expected"))
			assertNotNull(VectorEngines.direct(), "started with --add-modules jdk.incubator.vector, the vector engine must load");
		if (!module)
			assertNull(VectorEngines.direct(), "without the module the plain engines run");
		else
			assertEquals("direct-vector", VectorEngines.direct().name());
	}

	@Test
	void everyKernelWidthIn2D() {
		final Random rnd = new Random(1);
		for (final int kx : new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17, 31, 33 }) {
			final int ky = 1 + kx % 4;
			check(randomBlock(rnd, kx + 40, ky + 6), new int[] { kx, ky }, new double[][] { randomWeights(rnd, kx * ky) });
		}
	}

	@Test
	void threeAndFourAxesAndOne() {
		final Random rnd = new Random(2);
		check(randomBlock(rnd, 13, 11, 9), new int[] { 3, 3, 3 }, new double[][] { randomWeights(rnd, 27) });
		check(randomBlock(rnd, 12, 9, 8), new int[] { 2, 4, 3 }, new double[][] { randomWeights(rnd, 24) });
		check(randomBlock(rnd, 9, 5, 6, 4), new int[] { 2, 1, 2, 2 }, new double[][] { randomWeights(rnd, 8) });
		check(randomBlock(rnd, 57), new int[] { 7 }, new double[][] { randomWeights(rnd, 7) });
		check(randomBlock(rnd, 17, 9, 4), new int[] { 3, 3, 1 }, new double[][] { randomWeights(rnd, 9) });
		check(randomBlock(rnd, 11, 5, 9), new int[] { 1, 1, 3 }, new double[][] { randomWeights(rnd, 3) });
		check(randomBlock(rnd, 6, 5), new int[] { 6, 5 }, new double[][] { randomWeights(rnd, 30) });
	}

	@Test
	void bothPartsOfAComplexKernel() {
		final Random rnd = new Random(3);
		check(randomBlock(rnd, 23, 14), new int[] { 3, 3 }, new double[][] { randomWeights(rnd, 9), randomWeights(rnd, 9) });
		check(randomBlock(rnd, 30, 8, 5), new int[] { 9, 2, 3 }, new double[][] { randomWeights(rnd, 54), randomWeights(rnd, 54) });
		// Scharr: four taps shared, two of each part alone
		check(randomBlock(rnd, 41, 12), new int[] { 3, 3 }, new double[][] { { -3, 0, 3, -10, 0, 10, -3, 0, 3 }, { -3, -10, -3, 0, 0, 0, 3, 10, 3 } });
		check(randomBlock(rnd, 12, 6), new int[] { 3, 2 }, new double[][] { new double[6], randomWeights(rnd, 6) });
	}

	@Test
	void nanAndInfinityWhereTheDirectSumPutsThem() {
		final Random rnd = new Random(6);
		for (final int kx : new int[] { 3, 6, 9, 14 }) {
			final Block in = randomBlock(rnd, 60, 9);
			in.data[4 * 60 + 30] = Double.NaN;
			in.data[7 * 60 + 2] = Double.POSITIVE_INFINITY;
			in.data[2 * 60 + 50] = Double.NEGATIVE_INFINITY;
			final double[][] w = { randomWeights(rnd, kx * 3), randomWeights(rnd, kx * 3) };
			w[0][0] = 1;
			check(in, new int[] { kx, 3 }, w);
		}
	}

	/** Into float arrays (written in place) and into double arrays (through the sink), every cut, one and three threads. */
	private static void check(final Block in, final int[] k, final double[][] weights) {
		final CorrelationEngine any = VectorEngines.direct();
		assumeTrue(any != null, "this JVM runs without jdk.incubator.vector");
		final double[][] expected = reference(in, k, weights);
		final int values = Block.numElements(Block.validDims(in.dims, k));
		for (final Tiling.Limits limits : LIMITS)
			for (final TaskExecutor executor : EXECUTORS) {
				final CorrelationEngine engine = VectorEngines.direct(limits);
				final String what = Arrays.toString(in.dims) + " * " + Arrays.toString(k) + " limits " + limits.chunk + "/" + limits.targetBytes + " threads " + executor.getParallelism();
				final float[][] floats = new float[weights.length][values];
				final double[][] doubles = new double[weights.length][values];
				final LineSink[] floatSinks = new LineSink[weights.length], doubleSinks = new LineSink[weights.length];
				for (int s = 0; s < weights.length; s++) {
					Arrays.fill(floats[s], Float.NaN); // every output must be written
					Arrays.fill(doubles[s], Double.NaN);
					floatSinks[s] = LineSink.of(floats[s]);
					doubleSinks[s] = LineSink.of(doubles[s]);
				}
				engine.correlate(in, k, weights, floatSinks, executor, ProgressListener.NONE);
				engine.correlate(in, k, weights, doubleSinks, executor, ProgressListener.NONE);
				final double[][] widened = new double[weights.length][values];
				for (int s = 0; s < weights.length; s++)
					for (int i = 0; i < values; i++)
						widened[s][i] = floats[s][i];
				assertSame(expected, widened, "into floats, " + what);
				assertSame(expected, doubles, "into doubles, " + what);
			}
	}
}
