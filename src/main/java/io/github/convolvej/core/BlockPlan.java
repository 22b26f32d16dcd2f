package io.github.convolvej.core;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * The block plan of a filter too large for memory: the output interval cut
 * along its last axis (Z planes of a volume) into blocks of a few planes,
 * and for each block the source interval it reads (the block plus the halo
 * the kernel, anchor and mode need). Pure geometry, free of threads and of
 * reading and writing: an executor (threads here, Spark tasks elsewhere)
 * computes each block with {@link Convolution#compute} into a target of the
 * block's interval, reading the source through the boundary rule of the
 * whole image, so block borders never see it.
 *
 * <pre>
 * BlockPlan plan = BlockPlan.of(image, kernel, options, 16);
 * for (int b = 0; b &lt; plan.blocks(); b++)
 *     read(plan.sourceInterval(b)); compute into plan.block(b); write;
 * </pre>
 */
public final class BlockPlan {

	private final Interval output;
	private final int planes;
	private final Kernel kernel;
	private final ConvolutionOptions options;

	private BlockPlan(final Interval output, final int planes, final Kernel kernel, final ConvolutionOptions options) {
		this.output = output;
		this.planes = planes;
		this.kernel = kernel;
		this.options = options;
	}

	/**
	 * The plan for filtering an image of this interval.
	 *
	 * @param planes output planes (along the last axis) per block, at least 1
	 */
	public static BlockPlan of(final Interval image, final Kernel kernel, final ConvolutionOptions options, final int planes) {
		if (planes < 1)
			throw new IllegalArgumentException("A block needs at least one plane, not " + planes + ".");
		final Kernel k = kernel.withDimensions(image.numDimensions());
		return new BlockPlan(options.mode().outputInterval(image, k, options.operation()), planes, k, options);
	}

	/** The whole output, in image coordinates. */
	public Interval output() {
		return output;
	}

	/** Output planes per block (the last block may have fewer). */
	public int planesPerBlock() {
		return planes;
	}

	public int blocks() {
		final long depth = output.dimension(output.numDimensions() - 1);
		return Math.toIntExact((depth + planes - 1) / planes);
	}

	/** Block {@code b}'s first output plane, counted from 0 at the output's first. */
	public long firstPlane(final int b) {
		return (long) b * planes;
	}

	/** Block {@code b}'s last output plane, counted from 0. */
	public long lastPlane(final int b) {
		return Math.min(output.dimension(output.numDimensions() - 1), firstPlane(b) + planes) - 1;
	}

	/** Block {@code b}: its output interval, in image coordinates. */
	public Interval block(final int b) {
		if (b < 0 || b >= blocks())
			throw new IllegalArgumentException("Block " + b + " is not in the plan of " + blocks() + " blocks.");
		final int last = output.numDimensions() - 1;
		final long[] min = output.minAsLongArray(), max = output.maxAsLongArray();
		min[last] = output.min(last) + firstPlane(b);
		max[last] = output.min(last) + lastPlane(b);
		return new FinalInterval(min, max);
	}

	/** The source interval block {@code b} reads: the block and its halo, in image coordinates (may reach outside the image). */
	public Interval sourceInterval(final int b) {
		return Convolution.requiredSourceInterval(block(b), kernel, options);
	}
}
