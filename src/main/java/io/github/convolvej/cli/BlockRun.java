package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.convolvej.core.BlockPlan;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.ProgressRange;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * Runs the block plan of a volume on this machine: blocks in flight on as
 * many threads as the options' executor has, each block read with its halo
 * (the boundary rule applied at the volume's true borders, never at a
 * block's), filtered and written whole, so that memory holds a few blocks
 * and the store's decoded chunks, never the volume. With {@code --resume}
 * blocks already written are skipped.
 */
final class BlockRun {

	private BlockRun() {}

	/** The output's size for this kernel and these options, x, y, z. */
	static long[] outputSize(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options) {
		return options.mode().outputInterval(image(volume), kernel.withDimensions(3), options.operation()).dimensionsAsLongArray();
	}

	private static Interval image(final VolumeSource volume) {
		return new FinalInterval(volume.width(), volume.height(), volume.depth());
	}

	/** Prepares the sink (checked for a new or resumed run) and returns the plan. */
	static BlockPlan begin(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options, final BlockSink sink, final long[] block, final RunRecord record) throws IOException {
		return BlockPlan.of(image(volume), kernel, options, sink.begin(outputSize(volume, kernel, options), block, record));
	}

	/** The plan of a sink another process has prepared. */
	static BlockPlan attach(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options, final BlockSink sink, final long[] block) {
		return BlockPlan.of(image(volume), kernel, options, sink.attach(outputSize(volume, kernel, options), block));
	}

	/** Filters the volume into {@code sink}, block by block, with a progress line on {@code progress}. */
	static void filter(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options, final BlockSink sink, final long[] block, final RunRecord record, final PrintStream progress) throws IOException {
		final boolean resume = record.resume();
		final BlockPlan plan = begin(volume, kernel, options, sink, block, record);
		final long totalValues = Intervals.numElements(plan.output());
		final long start = System.nanoTime();
		// as many blocks in flight as threads, each on one thread: reading, compressing and
		// writing a block overlap the others' convolution (memory: threads x block with halo)
		final int threads = blocksInFlight(options.executor().getParallelism(), plan, Runtime.getRuntime().maxMemory());
		final AtomicInteger next = new AtomicInteger();
		final long[] counts = new long[3]; // blocks done, values done, values computed
		final IOException[] failure = new IOException[1];
		final List< Runnable > workers = new ArrayList<>();
		for (int w = 0; w < threads; w++)
			workers.add(() -> {
				// the block's source and result, kept from block to block: blocks are large, and
				// arrays that large made anew for each keep the garbage collector busy
				final float[][] buffers = new float[2][];
				int b;
				while (failure[0] == null && (b = next.getAndIncrement()) < plan.blocks()) {
					final long values = Intervals.numElements(plan.block(b));
					boolean computed = false;
					try {
						if (!(resume && sink.written(plan.blockInOutput(b)))) {
							final ConvolutionOptions one = options.copy().progress(ProgressRange.part(options.progress(), b, plan.blocks()));
							filterBlock(volume, kernel, threads > 1 ? one.executor(TaskExecutors.singleThreaded()) : one, sink, plan, b, buffers);
							computed = true;
						}
					}
					catch (final IOException e) {
						synchronized (failure) {
							failure[0] = e;
						}
						return;
					}
					synchronized (counts) {
						counts[0]++;
						counts[1] += values;
						if (computed)
							counts[2] += values;
						progress.print(progressLine((int) counts[0], plan.blocks(), counts[1], totalValues, counts[2], (System.nanoTime() - start) / 1e9));
					}
				}
			});
		if (threads == 1)
			workers.get(0).run();
		else
			try {
				options.executor().runAll(workers);
			}
			catch (final RuntimeException e) {
				// a cancel or a failure in a worker arrives wrapped: give it as it was thrown
				for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause())
					if (c instanceof CancelledException || c instanceof IllegalArgumentException || c instanceof UsageException)
						throw (RuntimeException) c;
				throw e;
			}
		if (failure[0] != null)
			throw failure[0];
		progress.println();
	}

	/**
	 * How many blocks may be in flight: one per thread, but no more than
	 * fit in the 5/8 of the heap the cache of decoded chunks leaves, at
	 * about 12 bytes per source value (the block read in 32-bit, the
	 * engine's rows in 64-bit) and 12 per output value; at least one.
	 */
	static int blocksInFlight(final int threads, final BlockPlan plan, final long maxMemory) {
		long largest = 0;
		for (int b = 0; b < plan.blocks() && b < 64; b++)
			largest = Math.max(largest, 12 * (Intervals.numElements(plan.sourceInterval(b)) + Intervals.numElements(plan.block(b))));
		final long fit = maxMemory / 8 * 5 / Math.max(1, largest);
		return (int) Math.max(1, Math.min(Math.min(threads, plan.blocks()), fit));
	}

	/** {@code blocks 3 / 16, 48.0 / 256.0 MB, 24.0 MB/s, about 9 s left}, from the start of the line; MB of 32-bit output. */
	static String progressLine(final int blocks, final int totalBlocks, final long values, final long totalValues, final long computedValues, final double seconds) {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "\rblocks %d / %d, %.1f / %.1f MB", blocks, totalBlocks, values * 4e-6, totalValues * 4e-6));
		if (computedValues > 0 && seconds > 0) {
			sb.append(String.format(Locale.ROOT, ", %.1f MB/s", computedValues * 4e-6 / seconds));
			final double left = (totalValues - values) * seconds / computedValues;
			if (values < totalValues)
				sb.append(", about ").append(left >= 60 ? (long) (left / 60) + " min " + Math.round(left % 60) + " s" : Math.round(left) + " s").append(" left");
		}
		return sb.append("   ").toString();
	}

	/**
	 * One block of the plan: reads the box it needs (the boundary rule of the
	 * whole volume beyond the volume's borders), filters, writes.
	 */
	static void filterBlock(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options, final BlockSink sink, final BlockPlan plan, final int block) throws IOException {
		filterBlock(volume, kernel, options, sink, plan, block, new float[2][]);
	}

	/**
	 * As above, with {@code buffers} for the source and the result (null or
	 * too small: made here and left in {@code buffers} for the next block).
	 */
	private static void filterBlock(final VolumeSource volume, final Kernel kernel, final ConvolutionOptions options, final BlockSink sink, final BlockPlan plan, final int block, final float[][] buffers) throws IOException {
		final Interval target = plan.block(block);
		final Interval source = plan.sourceInterval(block);
		final long sourceValues = Intervals.numElements(source);
		if (sourceValues > Integer.MAX_VALUE - 8)
			throw new UsageException("A block with its halo would hold " + sourceValues + " values, more than an array can: give smaller blocks with --block X,Y,Z.");
		if (buffers[0] == null || buffers[0].length < sourceValues)
			buffers[0] = new float[(int) sourceValues];
		if (buffers[1] == null || buffers[1].length < Intervals.numElements(target))
			buffers[1] = new float[(int) Intervals.numElements(target)];
		// arrays longer than the block are fine: an ArrayImg reads only its own values
		final ArrayImg< FloatType, FloatArray > read = ArrayImgs.floats(buffers[0], source.dimensionsAsLongArray());
		volume.readExtended(source, options.boundary(), options.fillValue(), buffers[0]);
		// the box read is all the block needs: nothing beyond it is ever asked for (NaN would show if it were)
		final var extended = Views.extendValue(Views.translate(read, source.minAsLongArray()), Float.NaN);
		final ArrayImg< FloatType, FloatArray > result = ArrayImgs.floats(buffers[1], target.dimensionsAsLongArray());
		Convolution.compute(extended, kernel.withDimensions(3), Views.translate(result, target.minAsLongArray()), null, options);
		sink.write(plan.blockInOutput(block), buffers[1]);
	}
}
