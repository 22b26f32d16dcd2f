package io.github.convolvej.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * Cuts a target interval into blocks whose source, the block with the
 * kernel's halo, holds at most a given number of values, so that any target,
 * however large, is computed in bounded memory. The outermost axes are cut
 * first: blocks stay whole rows (and planes) as long as they can, which is
 * how images are stored and read fastest.
 */
final class TargetBlocks {

	private TargetBlocks() {}

	/** The blocks, in the target's coordinates, x fastest. */
	static List< Interval > cut(final Interval target, final int[] kernelDims, final long maxSourceValues) {
		final int n = target.numDimensions();
		final long[] size = target.dimensionsAsLongArray();
		final long[] block = size.clone();
		for (int d = n - 1; d >= 0; d--)
			while (block[d] > 1 && sourceValues(block, kernelDims) > maxSourceValues)
				block[d] = (block[d] + 1) / 2;
		final long[] counts = new long[n];
		long total = 1;
		for (int d = 0; d < n; d++) {
			counts[d] = (size[d] + block[d] - 1) / block[d];
			total *= counts[d];
		}
		final List< Interval > blocks = new ArrayList<>();
		final long[] min = new long[n], max = new long[n];
		for (long b = 0; b < total; b++) {
			long rest = b;
			for (int d = 0; d < n; d++) {
				final long i = rest % counts[d];
				rest /= counts[d];
				min[d] = target.min(d) + i * block[d];
				max[d] = Math.min(target.max(d), min[d] + block[d] - 1);
			}
			blocks.add(new FinalInterval(min, max));
		}
		return blocks;
	}

	private static double sourceValues(final long[] block, final int[] kernelDims) {
		double v = 1;
		for (int d = 0; d < block.length; d++)
			v *= block[d] + kernelDims[d] - 1;
		return v;
	}
}
