package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.BlockPlan;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import net.imglib2.FinalInterval;

/** Fewer blocks are in flight than threads when the heap left beside the chunk cache holds fewer. */
class BlocksInFlightTest {

	@Test
	void asManyAsThreadsUnlessTheHeapHoldsFewer() {
		// blocks of 100 x 100 x 10 planes, a kernel 5 deep along z: each reads 100 x 100 x 14 source values
		final BlockPlan plan = BlockPlan.of(new FinalInterval(100, 100, 100), Kernel.of(new double[] { 1, 1, 1, 1, 1 }, 1, 1, 5), ConvolutionOptions.convolve(), 0, 0, 10);
		assertEquals(100 * 100 * 14, net.imglib2.util.Intervals.numElements(plan.sourceInterval(3)));
		final long perBlock = 12L * (100 * 100 * 14 + 100 * 100 * 10);
		assertEquals(4, BlockRun.blocksInFlight(4, plan, 1L << 30), "room for many");
		assertEquals(2, BlockRun.blocksInFlight(4, plan, (2 * perBlock + perBlock / 2) * 8 / 5), "room for two and a half beside the cache");
		assertEquals(3, BlockRun.blocksInFlight(4, plan, 3 * perBlock * 8 / 5 + 8), "room for three");
		assertEquals(1, BlockRun.blocksInFlight(4, plan, perBlock / 2), "always one");
		assertEquals(10, BlockRun.blocksInFlight(64, plan, 1L << 40), "never more than blocks");
	}
}
