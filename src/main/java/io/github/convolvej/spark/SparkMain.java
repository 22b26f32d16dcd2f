package io.github.convolvej.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import io.github.convolvej.cli.BlockJob;
import io.github.convolvej.cli.UsageException;
import io.github.convolvej.core.Operation;

/**
 * {@code convolvej spark convolve-nd|correlate-nd IN OUT "options" [--master URL] [--block Z|X,Y,Z] [--blocks-per-task N] [--resume]}:
 * the block plan of a volume store as Spark tasks. Without {@code --master}
 * (and without a master from {@code spark-submit}) Spark runs inside this
 * JVM on every core ({@code local[*]}). The same arguments go to
 * {@code spark-submit --class io.github.convolvej.spark.SparkMain} on a
 * cluster.
 */
public final class SparkMain {

	private SparkMain() {}

	/** For {@code spark-submit}: exits with 0, 1 (failure) or 2 (usage). */
	public static void main(final String[] args) {
		System.exit(run(args, System.err));
	}

	/**
	 * Runs the command; returns the exit code. Messages and progress go to {@code err}.
	 */
	public static int run(final String[] args, final PrintStream err) {
		try {
			final Arguments a = Arguments.parse(args);
			final SparkConf conf = new SparkConf().setAppName("ConvolveJ " + a.command + " " + a.input);
			if (a.master != null)
				conf.setMaster(a.master);
			else if (!conf.contains("spark.master"))
				conf.setMaster("local[*]");
			final BlockJob job = BlockJob.of(a.operation, a.input, a.output, a.options, a.block);
			try (JavaSparkContext sc = new JavaSparkContext(conf)) {
				sc.setLogLevel("WARN");
				err.println("Spark " + sc.version() + ", master " + sc.master() + ": " + job);
				final int computed = SparkBlocks.run(sc, job, a.resume, a.blocksPerTask, err);
				err.println(computed + (computed == 1 ? " block" : " blocks") + " computed; the result is in " + a.output);
			}
			return 0;
		}
		catch (final UsageException e) {
			err.println("convolvej spark: " + e.getMessage());
			err.println("Usage: convolvej spark convolve-nd|correlate-nd IN OUT \"options\" [--master URL] [--block Z|X,Y,Z] [--blocks-per-task N] [--resume]");
			return 2;
		}
		catch (final Exception e) {
			err.println("convolvej spark: " + failure(e, args));
			err.println("What is written stays valid: run the same command with --resume to finish.");
			return 1;
		}
	}

	/**
	 * The failure's first line; when Spark stopped its context itself (a
	 * master that never answered, an application killed on the cluster), where
	 * to look, since Spark's own message says only that it stopped.
	 */
	static String failure(final Exception e, final String[] args) {
		final String first = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
		if (!first.contains("SparkContext has been shutdown") && !first.contains("stopped SparkContext"))
			return first;
		final int at = java.util.Arrays.asList(args).indexOf("--master");
		final String master = at >= 0 && at + 1 < args.length ? args[at + 1] : null;
		return first.replaceAll("\\.$", "") + ": Spark stopped the job; its log above says why" + (master == null ? "." : " (with --master " + master + ": is the master running, and is the URL right?).");
	}

	private static final class Arguments {
		String command, input, output, options, master;
		Operation operation;
		long[] block = BlockJob.parseBlock(null);
		int blocksPerTask = 1;
		boolean resume;

		static Arguments parse(final String[] args) {
			final Arguments a = new Arguments();
			final List< String > positional = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				final String s = args[i];
				switch (s) {
					case "--master":
						a.master = value(args, ++i, s, "a Spark master URL such as local[*] or spark://host:7077");
						break;
					case "--block":
						a.block = BlockJob.parseBlock(value(args, ++i, s, "the planes per block (Z) or a tile X,Y,Z"));
						break;
					case "--blocks-per-task":
						a.blocksPerTask = number(value(args, ++i, s, "the number of blocks per task"), s);
						break;
					case "--resume":
						a.resume = true;
						break;
					default:
						if (s.startsWith("--"))
							throw new UsageException("Unknown flag '" + s + "'. The flags are --master URL, --block Z or X,Y,Z, --blocks-per-task N and --resume.");
						positional.add(s);
				}
			}
			if (positional.size() < 3)
				throw new UsageException("Give the command (convolve-nd or correlate-nd), an input store, an output store, then the options in quotes.");
			a.command = positional.get(0);
			if (a.command.equals("convolve-nd"))
				a.operation = Operation.CONVOLVE;
			else if (a.command.equals("correlate-nd"))
				a.operation = Operation.CORRELATE;
			else
				throw new UsageException("Spark runs convolve-nd and correlate-nd, not '" + a.command + "'.");
			a.input = positional.get(1);
			a.output = positional.get(2);
			a.options = String.join(" ", positional.subList(3, positional.size()));
			if (!BlockJob.isStore(a.output))
				throw new UsageException("The output " + a.output + " must be a store: a folder of TIFF planes (ending in /) or a .zarr folder.");
			return a;
		}

		private static String value(final String[] args, final int i, final String flag, final String what) {
			if (i >= args.length)
				throw new UsageException(flag + " needs " + what + ".");
			return args[i];
		}

		private static int number(final String text, final String flag) {
			if (!text.matches("[1-9]\\d{0,5}"))
				throw new UsageException(flag + " needs a whole number of at least 1, not '" + text + "'.");
			return Integer.parseInt(text);
		}
	}
}
