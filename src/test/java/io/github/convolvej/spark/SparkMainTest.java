package io.github.convolvej.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * When Spark stops its own context (a master that never answers: Spark logs
 * "All masters are unresponsive! Giving up." and the job then fails with
 * "SparkContext has been shutdown", as seen with --master spark://nowhere:7077),
 * the message says where to look; other failures are given as they are.
 */
class SparkMainTest {

	@Test
	void aStoppedSparkSaysWhereToLook() {
		final String[] args = { "convolve-nd", "in", "out.zarr", "kernel=laplace", "--master", "spark://nowhere:7077" };
		assertEquals("SparkContext has been shutdown: Spark stopped the job; its log above says why (with --master spark://nowhere:7077: is the master running, and is the URL right?).",
				SparkMain.failure(new IllegalStateException("SparkContext has been shutdown"), args));
		assertEquals("Cannot call methods on a stopped SparkContext: Spark stopped the job; its log above says why.",
				SparkMain.failure(new IllegalStateException("Cannot call methods on a stopped SparkContext.\nThis stopped SparkContext was created at: ..."), new String[] { "convolve-nd", "in", "out" }));
		assertEquals("Cannot read in: no such file", SparkMain.failure(new java.io.IOException("Cannot read in: no such file\nmore"), args));
	}
}
