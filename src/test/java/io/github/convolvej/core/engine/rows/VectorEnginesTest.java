package io.github.convolvej.core.engine.rows;

import static io.github.convolvej.core.engine.rows.RowEnginesTest.outer;
import static io.github.convolvej.core.engine.rows.RowEnginesTest.randomBlock;
import static io.github.convolvej.core.engine.rows.RowEnginesTest.randomFactor;
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
 * The vector engines (direct and separable sums in float with the JDK's Vector API) against the valid
 * weighted sum written out index by index. Inputs and weights are small
 * integers, so every direct sum is exact in float too (the separable
 * engine's 1-D factors are not integers: within float rounding), NaN and
 * infinity where the reference has them; tilings are cut small so that every
 * path runs (several chunks, tiles and row tails shorter than a vector).
 * <p>
 * The build runs these tests in a JVM without {@code jdk.incubator.vector}
 * (the engine must then be absent) and in one with it and
 * {@code -Dconvolvej.vector.expected=true} (it must be present).
 */
class VectorEnginesTest {

	private static final Tiling.Limits[] LIMITS = {
			Tiling.Limits.DEFAULT,
			new Tiling.Limits(5, 2000, 3),
			new Tiling.Limits(19, 30000, 1),
			new Tiling.Limits(7, 1, 50) };

	private static final TaskExecutor[] EXECUTORS = { TaskExecutors.singleThreaded(), TaskExecutors.numThreads(3) };

	@Test
	void presentExactlyWhenTheJvmHasTheVectorModule() {
		final boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
		if (Boolean.getBoolean("convolvej.vector.expected")) {
			assertNotNull(VectorEngines.direct(), "started with --add-modules jdk.incubator.vector, the vector engines must load");
			assertNotNull(VectorEngines.separable());
		}
		if (!module) {
			assertNull(VectorEngines.direct(), "without the module the plain engines run");
			assertNull(VectorEngines.separable());
		} else {
			assertEquals("direct-vector", VectorEngines.direct().name());
			assertEquals("separable-vector", VectorEngines.separable().name());
		}
	}

	@Test
	void separableKernelsPassByPass() {
		final Random rnd = new Random(4);
		for (final int kx : new int[] { 1, 2, 3, 4, 5, 7, 9, 13, 33 }) {
			final int ky = 1 + kx % 5;
			check(VectorEngines.separable(), randomBlock(rnd, kx + 30, ky + 9), new int[] { kx, ky }, new double[][] { outer(randomFactor(rnd, kx), randomFactor(rnd, ky)) });
		}
		check(VectorEngines.separable(), randomBlock(rnd, 14, 12, 10), new int[] { 5, 3, 4 }, new double[][] { outer(randomFactor(rnd, 5), randomFactor(rnd, 3), randomFactor(rnd, 4)) });
		check(VectorEngines.separable(), randomBlock(rnd, 14, 12, 10, 3), new int[] { 3, 5, 2, 2 }, new double[][] { outer(randomFactor(rnd, 3), randomFactor(rnd, 5), randomFactor(rnd, 2), randomFactor(rnd, 2)) });
		check(VectorEngines.separable(), randomBlock(rnd, 40), new int[] { 11 }, new double[][] { randomFactor(rnd, 11) });
		// a factor of length 1 along the ring axis, one that only shifts, and the two rank-1 parts of a complex kernel
		check(VectorEngines.separable(), randomBlock(rnd, 19, 8, 3), new int[] { 6, 4, 1 }, new double[][] { outer(randomFactor(rnd, 6), randomFactor(rnd, 4), new double[] { 3 }) });
		check(VectorEngines.separable(), randomBlock(rnd, 19, 8, 5), new int[] { 6, 1, 3 }, new double[][] { outer(randomFactor(rnd, 6), new double[] { 1 }, new double[] { 1, 0, 0 }) });
		check(VectorEngines.separable(), randomBlock(rnd, 21, 17), new int[] { 7, 7 }, new double[][] { outer(randomFactor(rnd, 7), randomFactor(rnd, 7)), outer(randomFactor(rnd, 7), randomFactor(rnd, 7)) });
		// a factor with more non-zero taps than a pass holds, along every axis
		check(VectorEngines.separable(), randomBlock(rnd, 90, 80), new int[] { 67, 71 }, new double[][] { outer(ones(67), ones(71)) });
		// NaN and infinity: only where a non-zero weight of the product lies
		final Block in = randomBlock(rnd, 50, 30);
		in.data[10 * 50 + 20] = Double.NaN;
		in.data[20 * 50 + 5] = Double.POSITIVE_INFINITY;
		check(VectorEngines.separable(), in, new int[] { 5, 3 }, new double[][] { outer(new double[] { 1, 0, 2, 0, -1 }, new double[] { 2, 0, 1 }) });
	}

	private static double[] ones(final int n) {
		final double[] f = new double[n];
		Arrays.fill(f, 1);
		return f;
	}

	@Test
	void everyKernelWidthIn2D() {
		final Random rnd = new Random(1);
		for (final int kx : new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 17, 31, 33 }) {
			final int ky = 1 + kx % 4;
			check(VectorEngines.direct(), randomBlock(rnd, kx + 40, ky + 6), new int[] { kx, ky }, new double[][] { randomWeights(rnd, kx * ky) });
		}
	}

	@Test
	void threeAndFourAxesAndOne() {
		final Random rnd = new Random(2);
		check(VectorEngines.direct(), randomBlock(rnd, 13, 11, 9), new int[] { 3, 3, 3 }, new double[][] { randomWeights(rnd, 27) });
		check(VectorEngines.direct(), randomBlock(rnd, 12, 9, 8), new int[] { 2, 4, 3 }, new double[][] { randomWeights(rnd, 24) });
		check(VectorEngines.direct(), randomBlock(rnd, 9, 5, 6, 4), new int[] { 2, 1, 2, 2 }, new double[][] { randomWeights(rnd, 8) });
		check(VectorEngines.direct(), randomBlock(rnd, 57), new int[] { 7 }, new double[][] { randomWeights(rnd, 7) });
		check(VectorEngines.direct(), randomBlock(rnd, 17, 9, 4), new int[] { 3, 3, 1 }, new double[][] { randomWeights(rnd, 9) });
		check(VectorEngines.direct(), randomBlock(rnd, 11, 5, 9), new int[] { 1, 1, 3 }, new double[][] { randomWeights(rnd, 3) });
		check(VectorEngines.direct(), randomBlock(rnd, 6, 5), new int[] { 6, 5 }, new double[][] { randomWeights(rnd, 30) });
	}

	@Test
	void bothPartsOfAComplexKernel() {
		final Random rnd = new Random(3);
		check(VectorEngines.direct(), randomBlock(rnd, 23, 14), new int[] { 3, 3 }, new double[][] { randomWeights(rnd, 9), randomWeights(rnd, 9) });
		check(VectorEngines.direct(), randomBlock(rnd, 30, 8, 5), new int[] { 9, 2, 3 }, new double[][] { randomWeights(rnd, 54), randomWeights(rnd, 54) });
		// Scharr: four taps shared, two of each part alone
		check(VectorEngines.direct(), randomBlock(rnd, 41, 12), new int[] { 3, 3 }, new double[][] { { -3, 0, 3, -10, 0, 10, -3, 0, 3 }, { -3, -10, -3, 0, 0, 0, 3, 10, 3 } });
		check(VectorEngines.direct(), randomBlock(rnd, 12, 6), new int[] { 3, 2 }, new double[][] { new double[6], randomWeights(rnd, 6) });
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
			check(VectorEngines.direct(), in, new int[] { kx, 3 }, w);
		}
	}

	/**
	 * Equal, NaN where NaN is expected, within float rounding of the sum of
	 * |weight x value| (the direct sums of these integers are exact; the
	 * separable engine's factors are not integers).
	 */
	private static void assertClose(final double[][] expected, final double[][] actual, final double[][] weights, final double maxInput, final String what) {
		for (int s = 0; s < expected.length; s++) {
			double sumAbs = 0;
			for (final double w : weights[s])
				sumAbs += Math.abs(w);
			final double tolerance = 1e-6 * Math.max(1, maxInput * sumAbs);
			for (int i = 0; i < expected[s].length; i++)
				if (Double.isNaN(expected[s][i]) || Double.isInfinite(expected[s][i]))
					assertEquals(expected[s][i], actual[s][i], what + ", set " + s + " at " + i);
				else
					assertEquals(expected[s][i], actual[s][i], tolerance, what + ", set " + s + " at " + i);
		}
	}

	/** Into float arrays (written in place) and into double arrays (through the sink), every cut, one and three threads. */
	private static void check(final CorrelationEngine vectorEngine, final Block in, final int[] k, final double[][] weights) {
		assumeTrue(vectorEngine != null, "this JVM runs without jdk.incubator.vector");
		final double[][] expected = reference(in, k, weights);
		double maxInput = 0;
		for (final double v : in.data)
			if (Double.isFinite(v))
				maxInput = Math.max(maxInput, Math.abs(v));
		final int values = Block.numElements(Block.validDims(in.dims, k));
		for (final Tiling.Limits limits : LIMITS)
			for (final TaskExecutor executor : EXECUTORS) {
				final CorrelationEngine engine = VectorEngines.withLimits(vectorEngine, limits);
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
				assertClose(expected, widened, weights, maxInput, "into floats, " + what);
				assertClose(expected, doubles, weights, maxInput, "into doubles, " + what);
			}
	}
}
