package io.github.convolvej.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import io.github.convolvej.cli.BlockJob;
import io.github.convolvej.core.Operation;

/**
 * The block plan as real Spark tasks, in {@code local[2]} (two threads; up
 * to four attempts per task, as a cluster retries): the same bytes as the
 * single-machine block run for a folder of TIFF planes and for a Zarr array
 * written by zarr-python; tasks failing on purpose are retried to the same
 * bytes; a job that fails part-way is finished with {@code resume}, again
 * to the same bytes.
 */
class SparkBlocksTest {

	private static final String OPTIONS = "kernel=[1 2 1; 0 1 -1 | 2 0 1; 1 1 1 | 0 1 0; 3 -1 2] mode=same boundary=symm algorithm=Direct";

	private static JavaSparkContext sc;

	@TempDir
	Path dir;

	@BeforeAll
	static void startSpark() {
		sc = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("ConvolveJ tests")
				.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
		sc.setLogLevel("WARN");
	}

	@AfterAll
	static void stopSpark() {
		if (sc != null)
			sc.close();
	}

	private static Path planes(final Path folder, final int w, final int h, final int d) throws IOException {
		Files.createDirectories(folder);
		final Random rnd = new Random(d);
		for (int z = 0; z < d; z++) {
			final float[] v = new float[w * h];
			for (int i = 0; i < v.length; i++)
				v[i] = rnd.nextInt(1000) / 7f;
			assertTrue(new FileSaver(new ImagePlus("z", new FloatProcessor(w, h, v))).saveAsTiff(folder.resolve("z" + (z + 1) + ".tif").toString()));
		}
		return folder;
	}

	/** Every file of a folder (not the hidden ones), name to bytes. */
	private static TreeMap< String, byte[] > files(final Path folder) throws IOException {
		final TreeMap< String, byte[] > m = new TreeMap<>();
		try (Stream< Path > list = Files.list(folder)) {
			for (final Path p : (Iterable< Path >) list::iterator)
				if (!p.getFileName().toString().startsWith(".") || p.getFileName().toString().equals(".zarray"))
					m.put(p.getFileName().toString(), Files.readAllBytes(p));
		}
		return m;
	}

	private static void assertSameFiles(final Path expected, final Path actual) throws IOException {
		final TreeMap< String, byte[] > e = files(expected), a = files(actual);
		assertEquals(e.keySet(), a.keySet());
		for (final String name : e.keySet())
			assertArrayEquals(e.get(name), a.get(name), name);
	}

	private static PrintStream quiet() {
		return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
	}

	@Test
	void tiffPlanesGiveTheBytesOfTheSingleMachineRun() throws IOException {
		final Path in = planes(dir.resolve("in"), 23, 17, 11);
		final Path single = dir.resolve("single"), spark = dir.resolve("spark");
		BlockJob.of(Operation.CONVOLVE, in.toString(), single + "/", OPTIONS, BlockJob.parseBlock("3")).run(false, quiet());
		final ByteArrayOutputStream progress = new ByteArrayOutputStream();
		final int computed = SparkBlocks.run(sc, BlockJob.of(Operation.CONVOLVE, in.toString(), spark + "/", OPTIONS, BlockJob.parseBlock("3")), false, 1, new PrintStream(progress, true, StandardCharsets.UTF_8));
		assertEquals(4, computed, "11 planes in blocks of 3");
		assertEquals(11, files(spark).size());
		assertSameFiles(single, spark);
		assertTrue(progress.toString(StandardCharsets.UTF_8).contains("blocks 4 / 4"), progress.toString(StandardCharsets.UTF_8));
	}

	@Test
	void aZarrArrayFromZarrPythonGivesTheBytesOfTheSingleMachineRun() throws IOException {
		final Path in = Paths.get("src/test/resources/zarr/u2-zlib.zarr");
		final Path single = dir.resolve("single.zarr"), spark = dir.resolve("spark.zarr");
		final String options = "kernel=[0 1 0; 1 -4 1; 0 1 0 | 0 0 0; 0 1 0; 0 0 0] mode=same boundary=nearest algorithm=Direct";
		BlockJob.of(Operation.CORRELATE, in.toString(), single.toString(), options, BlockJob.parseBlock("4,5,2")).run(false, quiet());
		SparkBlocks.run(sc, BlockJob.of(Operation.CORRELATE, in.toString(), spark.toString(), options, BlockJob.parseBlock("4,5,2")), false, 2, quiet());
		assertTrue(files(spark).size() > 2, "chunks written");
		assertSameFiles(single, spark);
	}

	@Test
	void failedAttemptsAreRetriedToTheSameBytes() throws IOException {
		final Path in = planes(dir.resolve("in"), 19, 13, 9);
		final Path single = dir.resolve("single"), spark = dir.resolve("spark");
		BlockJob.of(Operation.CONVOLVE, in.toString(), single + "/", OPTIONS, BlockJob.parseBlock("2")).run(false, quiet());
		sc.setLocalProperty(SparkBlocks.FAIL_FIRST_ATTEMPT, "0,2,4");
		sc.setLogLevel("OFF"); // the failures are planned
		try {
			assertEquals(5, SparkBlocks.run(sc, BlockJob.of(Operation.CONVOLVE, in.toString(), spark + "/", OPTIONS, BlockJob.parseBlock("2")), false, 1, quiet()));
		}
		finally {
			sc.setLocalProperty(SparkBlocks.FAIL_FIRST_ATTEMPT, null);
			sc.setLogLevel("WARN");
		}
		assertSameFiles(single, spark);
	}

	@Test
	void aJobThatFailsPartWayIsFinishedByResuming() throws IOException {
		final Path in = planes(dir.resolve("in"), 21, 15, 12);
		final Path single = dir.resolve("single"), spark = dir.resolve("spark");
		BlockJob.of(Operation.CONVOLVE, in.toString(), single + "/", OPTIONS, BlockJob.parseBlock("2")).run(false, quiet());
		final BlockJob job = BlockJob.of(Operation.CONVOLVE, in.toString(), spark + "/", OPTIONS, BlockJob.parseBlock("2"));
		sc.setLocalProperty(SparkBlocks.FAIL_EVERY_ATTEMPT, "3");
		sc.setLogLevel("OFF");
		try {
			assertThrows(SparkException.class, () -> SparkBlocks.run(sc, job, false, 1, quiet()));
		}
		finally {
			sc.setLocalProperty(SparkBlocks.FAIL_EVERY_ATTEMPT, null);
			sc.setLogLevel("WARN");
		}
		assertTrue(!Files.exists(spark.resolve("plane_00006.tif")), "block 3 (planes 6 and 7) was never written");
		// without --resume a folder holding planes is refused; with it only the missing blocks run
		assertThrows(IllegalArgumentException.class, () -> SparkBlocks.run(sc, job, false, 1, quiet()));
		final int computed = SparkBlocks.run(sc, job, true, 1, quiet());
		assertTrue(computed >= 1 && computed < 6, "resumed blocks: " + computed + " of 6");
		assertSameFiles(single, spark);
		assertEquals(0, SparkBlocks.run(sc, job, true, 1, quiet()), "nothing left to do");
	}

	/** {@code convolvej spark} as a user runs it: Spark embedded in a JVM of its own, progress on the terminal. */
	@Test
	void theCommandRunsSparkEmbeddedInAJvmOfItsOwn() throws Exception {
		final Path in = planes(dir.resolve("in"), 18, 14, 7);
		final Path single = dir.resolve("single.zarr"), spark = dir.resolve("spark.zarr");
		BlockJob.of(Operation.CONVOLVE, in.toString(), single.toString(), OPTIONS, BlockJob.parseBlock("3")).run(false, quiet());
		final java.util.List< String > command = new java.util.ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		// the --add-opens Spark needs on Java 17, and the vector module when present, as the tests' own JVM has them
		for (final String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
			if (arg.startsWith("--add-opens") || arg.startsWith("--add-modules"))
				command.add(arg);
		// the launcher's quiet logging for Spark
		command.addAll(java.util.List.of("-Djava.awt.headless=true", "-Dlog4j2.configurationFile=io/github/convolvej/spark/log4j2-quiet.properties", "-cp", System.getProperty("java.class.path"), SparkMain.class.getName(),
				"convolve-nd", in.toString(), spark.toString(), OPTIONS, "--master", "local[2]", "--block", "3"));
		final Path err = dir.resolve("stderr.txt");
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(err.toFile()).start();
		assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the run ends");
		final String log = Files.readString(err);
		assertEquals(0, p.exitValue(), log);
		assertTrue(log.contains("blocks 3 / 3"), log);
		assertTrue(!log.contains(" INFO "), "Spark's INFO lines are kept off the terminal: " + log);
		assertSameFiles(single, spark);
	}

	@Test
	void badArgumentsAreRefusedBeforeSparkStarts() throws IOException {
		final Path in = planes(dir.resolve("in"), 16, 12, 6);
		final Path single = dir.resolve("single");
		BlockJob.of(Operation.CONVOLVE, in.toString(), single + "/", OPTIONS, BlockJob.parseBlock("4")).run(false, quiet());
		// a second context cannot start beside the tests' one: the usage errors need none
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		assertEquals(2, SparkMain.run(new String[] { "blur", in.toString(), dir.resolve("x") + "/", OPTIONS }, new PrintStream(err, true, StandardCharsets.UTF_8)));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("convolve-nd and correlate-nd"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, SparkMain.run(new String[] { "convolve-nd", in.toString(), dir.resolve("out.tif").toString(), OPTIONS }, new PrintStream(err, true, StandardCharsets.UTF_8)));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("must be a store"), err.toString(StandardCharsets.UTF_8));
		err.reset();
		assertEquals(2, SparkMain.run(new String[] { "convolve-nd", in.toString(), dir.resolve("o") + "/", "kernel=[1 x 2]" }, new PrintStream(err, true, StandardCharsets.UTF_8)), err::toString);
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("'x'"), err.toString(StandardCharsets.UTF_8));
	}
}
