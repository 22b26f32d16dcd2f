package io.github.convolvej.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import io.github.convolvej.cli.BlockJob;

/**
 * Runs a {@link BlockJob}'s block plan as Apache Spark tasks: the driver
 * prepares the output store and lists the blocks still to compute; each
 * task computes a few blocks, each read with its halo from the input store
 * and written to the output store (a file system every executor sees).
 * Blocks are written whole under temporary names and renamed, so Spark's
 * retries and speculative copies lose and duplicate nothing, and a stopped
 * job is finished by running it again with {@code resume}.
 * <p>
 * Two local properties of the Spark context make chosen blocks fail, to
 * show that retries and resuming end with the same bytes:
 * {@value #FAIL_FIRST_ATTEMPT} (the first attempt of each listed block
 * throws) and {@value #FAIL_EVERY_ATTEMPT} (every attempt throws, so the job
 * fails), each a comma-separated list of block numbers.
 */
public final class SparkBlocks {

	/** Local property: blocks whose first attempt fails. */
	public static final String FAIL_FIRST_ATTEMPT = "convolvej.failFirstAttemptOf";

	/** Local property: blocks whose every attempt fails. */
	public static final String FAIL_EVERY_ATTEMPT = "convolvej.failEveryAttemptOf";

	private SparkBlocks() {}

	/**
	 * Runs the job on the context's executors.
	 *
	 * @param blocksPerTask blocks computed by one task (more make tasks last longer)
	 * @param progress where "blocks done / total" is written as tasks end
	 * @return how many blocks were computed (not counting those a resumed run found written)
	 * @throws IOException when the stores cannot be read or prepared
	 * @throws org.apache.spark.SparkException when tasks fail more often than Spark retries them
	 */
	public static int run(final JavaSparkContext sc, final BlockJob job, final boolean resume, final int blocksPerTask, final PrintStream progress) throws IOException {
		if (blocksPerTask < 1)
			throw new IllegalArgumentException("--blocks-per-task needs a whole number of at least 1, got " + blocksPerTask + ".");
		final int total = job.blocks();
		final List< Integer > todo = job.begin(resume);
		final int before = total - todo.size();
		if (todo.isEmpty()) {
			progress.printf(Locale.ROOT, "blocks %d / %d: all written already%n", total, total);
			return 0;
		}
		// tasks of a few consecutive blocks each
		final List< int[] > tasks = new ArrayList<>();
		for (int i = 0; i < todo.size(); i += blocksPerTask) {
			final int[] blocks = new int[Math.min(blocksPerTask, todo.size() - i)];
			for (int j = 0; j < blocks.length; j++)
				blocks[j] = todo.get(i + j);
			tasks.add(blocks);
		}
		final AtomicInteger done = new AtomicInteger(before);
		final SparkListener listener = new SparkListener() {

			@Override
			public void onTaskEnd(final SparkListenerTaskEnd end) {
				if (end.taskInfo() != null && end.taskInfo().successful()) {
					final int d = Math.min(total, done.addAndGet(blocksPerTask));
					progress.printf(Locale.ROOT, "\rblocks %d / %d", d, total);
				}
			}
		};
		sc.sc().addSparkListener(listener);
		try {
			sc.parallelize(tasks, tasks.size()).foreach(blocks -> {
				for (final int block : blocks) {
					failOnPurpose(block);
					job.runBlock(block);
				}
			});
		}
		finally {
			sc.sc().removeSparkListener(listener);
		}
		progress.printf(Locale.ROOT, "\rblocks %d / %d%n", total, total);
		return todo.size();
	}

	/** The fault hooks: throws when the local properties list this block for this attempt. */
	private static void failOnPurpose(final int block) {
		final TaskContext task = TaskContext.get();
		if (task == null)
			return;
		if (listed(task.getLocalProperty(FAIL_EVERY_ATTEMPT), block) || task.attemptNumber() == 0 && listed(task.getLocalProperty(FAIL_FIRST_ATTEMPT), block))
			throw new IllegalStateException("Block " + block + " failed on purpose (attempt " + task.attemptNumber() + ").");
	}

	private static boolean listed(final String blocks, final int block) {
		return blocks != null && !blocks.isBlank() && Arrays.stream(blocks.split(",")).map(String::trim).anyMatch(b -> b.equals(Integer.toString(block)));
	}
}
