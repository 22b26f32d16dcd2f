package io.github.convolvej.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.convolvej.cli.BlockJob;
import io.github.convolvej.spark.SparkBlocks;

/**
 * The Spark side of {@link VolumeWorkloads}, in a class of its own so that
 * the benchmark loads Spark's classes only when it runs W13.
 */
final class SparkBench {

	private SparkBench() {}

	/** A {@code local[2]} context without its web UI, stopped when the JVM ends. */
	static Object start() {
		final JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("ConvolveJ bench").set("spark.ui.enabled", "false"));
		sc.setLogLevel("WARN");
		return sc;
	}

	static void run(final Object context, final BlockJob job) {
		try {
			SparkBlocks.run((JavaSparkContext) context, job, false, 1, new PrintStream(OutputStream.nullOutputStream()));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
