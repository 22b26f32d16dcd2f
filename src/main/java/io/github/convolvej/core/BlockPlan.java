package io.github.convolvej.core;

import java.util.Arrays;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * The block plan of a filter too large for memory: the output interval cut
 * into blocks (tiles along every axis, or whole planes), and for each block
 * the source interval it reads (the block plus the halo the kernel, anchor
 * and mode need). Pure geometry, free of threads and of reading and writing:
 * an executor (threads here, Spark tasks elsewhere) computes each block with
 * {@link Convolution#compute} into a target of the block's interval, reading
 * the source through the boundary rule of the whole image, so block borders
 * never see it.
 *
 * <pre>
 * BlockPlan plan = BlockPlan.of(image, kernel, options, 256, 256, 32); // x, y, z
 * for (int b = 0; b &lt; plan.blocks(); b++)
 *     read(plan.sourceInterval(b)); compute into plan.block(b); write;
 * </pre>
 *
 * Blocks are numbered with the first axis fastest and the last slowest, so
 * blocks that follow each other share most of what they read.
 */
public final class BlockPlan {

	private final Interval output;
	private final long[] size;
	private final long[] grid;
	private final int blocks;
	private final Kernel kernel;
	private final ConvolutionOptions options;

	private BlockPlan(final Interval output, final long[] size, final Kernel kernel, final ConvolutionOptions options) {
		this.output = output;
		this.size = size;
		this.kernel = kernel;
		this.options = options;
		grid = new long[size.length];
		for (int d = 0; d < size.length; d++)
			grid[d] = Math.max(1, (output.dimension(d) + size[d] - 1) / size[d]);
		final long count = Arrays.stream(grid).reduce(1, Math::multiplyExact);
		if (count > Integer.MAX_VALUE)
			throw new IllegalArgumentException("Blocks of " + Arrays.toString(size) + " cut this image into more than 2^31 blocks: give larger blocks.");
		blocks = (int) count;
	}

	/**
	 * The plan for filtering an image of this interval.
	 *
	 * @param blockSize output values per block along each axis (first axis
	 *            first); 0 (or an axis not given) takes the whole axis, so
	 *            {@code 0, 0, 16} cuts a volume into blocks of 16 whole planes
	 */
	public static BlockPlan of(final Interval image, final Kernel kernel, final ConvolutionOptions options, final long... blockSize) {
		final int n = image.numDimensions();
		if (blockSize.length > n)
			throw new IllegalArgumentException("A block of " + blockSize.length + " sizes does not fit an image of " + n + " axes.");
		final Kernel k = kernel.withDimensions(n);
		final Interval output = options.mode().outputInterval(image, k, options.operation());
		final long[] size = new long[n];
		for (int d = 0; d < n; d++) {
			final long s = d < blockSize.length ? blockSize[d] : 0;
			if (s < 0)
				throw new IllegalArgumentException("A block size is a whole number of at least 1 (or 0 for the whole axis), not " + s + ".");
			size[d] = Math.max(1, s == 0 ? output.dimension(d) : Math.min(s, output.dimension(d)));
		}
		return new BlockPlan(output, size, k, options);
	}

	/** The whole output, in image coordinates. */
	public Interval output() {
		return output;
	}

	public int blocks() {
		return blocks;
	}

	/** Block {@code b}: its output interval, in image coordinates. */
	public Interval block(final int b) {
		if (b < 0 || b >= blocks())
			throw new IllegalArgumentException("Block " + b + " is not in the plan of " + blocks() + " blocks.");
		final long[] min = new long[size.length], max = new long[size.length];
		long rest = b;
		for (int d = 0; d < size.length; d++) {
			final long cell = rest % grid[d];
			rest /= grid[d];
			min[d] = output.min(d) + cell * size[d];
			max[d] = Math.min(output.max(d), min[d] + size[d] - 1);
		}
		return new FinalInterval(min, max);
	}

	/** Block {@code b} counted from the output's first value: the block moved so that the output starts at 0. */
	public Interval blockInOutput(final int b) {
		final Interval block = block(b);
		final long[] min = block.minAsLongArray(), max = block.maxAsLongArray();
		for (int d = 0; d < min.length; d++) {
			min[d] -= output.min(d);
			max[d] -= output.min(d);
		}
		return new FinalInterval(min, max);
	}

	/** The source interval block {@code b} reads: the block and its halo, in image coordinates (may reach outside the image). */
	public Interval sourceInterval(final int b) {
		return Convolution.requiredSourceInterval(block(b), kernel, options);
	}
}
