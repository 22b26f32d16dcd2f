package io.github.convolvej.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import io.github.convolvej.cli.BlockJob;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.engine.WeightedSums;

/**
 * The volume workloads: a folder of 32-bit TIFF planes filtered by the block
 * plan into a Zarr array, on this machine (W11) and as Apache Spark tasks in
 * {@code local[2]} (W13, when Spark's jars are on the class path, as
 * {@code ./convolvej bench} puts them). The time includes reading and
 * writing the stores.
 */
final class VolumeWorkloads {

	static final int WIDTH = 512, HEIGHT = 512, DEPTH = 64, BLOCK = 8;
	static final String OPTIONS = "kernel=[gaussian(1.5,1.5,1.5)] mode=same boundary=nearest";
	private static final String DESCRIPTION = WIDTH + "x" + HEIGHT + "x" + DEPTH + " TIFF planes to Zarr, gaussian(1.5) in 3-D, blocks of " + BLOCK + " planes";

	private VolumeWorkloads() {}

	/** W11: the block plan on this machine. */
	static Workload onOneMachine() {
		return new Workload("W11", DESCRIPTION + ", one machine", (long) WIDTH * HEIGHT * DEPTH, VolumeWorkloads::volume, input -> {
			final Path out = nextOutput((Path) input);
			try {
				BlockJob.of(Operation.CONVOLVE, ((Path) input).resolve("planes").toString(), out.toString(), OPTIONS, new long[] { 0, 0, BLOCK }).run(false, new PrintStream(OutputStream.nullOutputStream()));
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			delete(out);
			return blocksOn("blocks");
		});
	}

	/** True when Spark's classes can be loaded. */
	static boolean sparkAvailable() {
		try {
			Class.forName("org.apache.spark.SparkConf", false, VolumeWorkloads.class.getClassLoader());
			return true;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return false;
		}
	}

	/** W13: W11's volume as Spark tasks in {@code local[2]}, one task per block. */
	static Workload onSpark() {
		return new Workload("W13", DESCRIPTION + ", Spark local[2]", (long) WIDTH * HEIGHT * DEPTH, () -> new Object[] { volume(), SparkBench.start() }, input -> {
			final Object[] in = (Object[]) input;
			final Path out = nextOutput((Path) in[0]);
			SparkBench.run(in[1], BlockJob.of(Operation.CONVOLVE, ((Path) in[0]).resolve("planes").toString(), out.toString(), OPTIONS, new long[] { 0, 0, BLOCK }));
			delete(out);
			return blocksOn("spark");
		});
	}

	private static final AtomicInteger RUNS = new AtomicInteger();

	private static Path nextOutput(final Path root) {
		return root.resolve("out-" + RUNS.incrementAndGet() + ".zarr");
	}

	/** The planes, random from a fixed seed, in a temporary folder removed when the JVM ends. */
	private static Path volume() {
		try {
			final Path root = Files.createTempDirectory("convolvej-bench");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
			final Path planes = Files.createDirectories(root.resolve("planes"));
			final Random random = new Random(42);
			for (int z = 0; z < DEPTH; z++) {
				final float[] v = new float[WIDTH * HEIGHT];
				for (int i = 0; i < v.length; i++)
					v[i] = random.nextFloat();
				new FileSaver(new ImagePlus("z", new FloatProcessor(WIDTH, HEIGHT, v))).saveAsTiff(planes.resolve(String.format("z%03d.tif", z)).toString());
			}
			return root;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Deletes a temporary folder and what it holds, as far as it can. */
	static void delete(final Path folder) {
		if (!Files.exists(folder))
			return;
		try (Stream< Path > all = Files.walk(folder)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// a temporary folder: what is left is the system's to clean
		}
	}

	/**
	 * The engine column of a block workload: its blocks of float planes sum
	 * on the vector engines where this JVM has them (a child JVM gets the
	 * module when this one has it), which the name then says.
	 */
	static String blocksOn(final String name) {
		return WeightedSums.floatSumsAvailable() ? name + "-vector" : name;
	}
}
