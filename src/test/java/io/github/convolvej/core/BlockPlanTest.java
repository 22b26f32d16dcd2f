package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.ExtendedRandomAccessibleInterval;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The block plan: blocks tile the output once (whole planes, or tiles along
 * every axis), and each block's source interval is all it reads. A block
 * computed from a source that holds only that interval (NaN everywhere else)
 * equals the whole image's result.
 */
class BlockPlanTest {

	@Test
	void blocksTileTheOutputAndTheirSourcesAreAllTheyRead() {
		final Img< FloatType > img = ArrayImgs.floats(11, 9, 13);
		final Random random = new Random(5);
		for (final FloatType t : img)
			t.set(random.nextInt(50));
		final double[] w = new double[3 * 4 * 5];
		for (int i = 0; i < w.length; i++)
			w[i] = random.nextInt(7) - 3;
		final Kernel kernel = Kernel.of(w, 3, 4, 5).withAnchor(0, 3, 1);
		for (final OutputMode mode : OutputMode.values())
			for (final Boundary boundary : Boundary.values())
				for (final long[] size : new long[][] { { 0, 0, 1 }, { 0, 0, 5 }, { 4, 3, 2 }, { 2, 5, 0 } }) {
					final ConvolutionOptions options = ConvolutionOptions.convolve().mode(mode).boundary(boundary).fillValue(1.5).algorithm(Algorithm.DIRECT);
					final Img< FloatType > whole = Convolution.apply(img, kernel, options).real();
					final BlockPlan plan = BlockPlan.of(img, kernel, options, size);
					final Interval out = plan.output();
					assertEquals(whole.dimension(2), out.dimension(2));
					final Img< IntType > covered = ArrayImgs.ints(out.dimensionsAsLongArray());
					for (int b = 0; b < plan.blocks(); b++) {
						final Interval block = plan.block(b);
						for (int d = 0; d < 3; d++)
							assertTrue(block.dimension(d) <= (size[d] == 0 ? out.dimension(d) : size[d]), "block " + b + " fits the size asked for");
						for (final IntType t : Views.interval(Views.translate(covered, out.minAsLongArray()), block))
							t.inc();
						// the source as the block sees it: its interval of the extended image, NaN beyond
						final Interval source = plan.sourceInterval(b);
						final ExtendedRandomAccessibleInterval< FloatType, Img< FloatType > > extended = Views.extend(img, boundary.outOfBoundsFactory(new FloatType(1.5f)));
						final Img< FloatType > only = ArrayImgs.floats(source.dimensionsAsLongArray());
						final Cursor< FloatType > c = Views.flatIterable(Views.interval(extended, source)).cursor();
						for (final FloatType t : Views.flatIterable(only))
							t.set(c.next());
						final Img< FloatType > target = ArrayImgs.floats(block.dimensionsAsLongArray());
						Convolution.compute(Views.extendValue(Views.translate(only, source.minAsLongArray()), Float.NaN), kernel, Views.translate(target, block.minAsLongArray()), null, options);
						final RandomAccess< FloatType > expected = Views.translate(whole, out.minAsLongArray()).randomAccess();
						final Cursor< FloatType > got = Views.translate(target, block.minAsLongArray()).localizingCursor();
						while (got.hasNext()) {
							got.fwd();
							expected.setPosition(got);
							assertEquals(expected.get().get(), got.get().get(), 1e-4, mode + " " + boundary + " blocks " + java.util.Arrays.toString(size) + " at " + java.util.Arrays.toString(got.positionAsLongArray()));
						}
					}
					for (final IntType t : covered)
						assertEquals(1, t.get(), "every output value in one block");
				}
	}

	@Test
	void badPlansAreRefused() {
		final Img< FloatType > img = ArrayImgs.floats(4, 4, 4);
		assertThrows(IllegalArgumentException.class, () -> BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 0, 0, -1));
		assertThrows(IllegalArgumentException.class, () -> BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 1, 1, 1, 1));
		final BlockPlan plan = BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 0, 0, 3);
		assertEquals(2, plan.blocks());
		assertThrows(IllegalArgumentException.class, () -> plan.block(2));
		final BlockPlan tiles = BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 3, 2, 4);
		assertEquals(4, tiles.blocks());
		assertTrue(Intervals.equals(new FinalInterval(new long[] { 3, 2, 0 }, new long[] { 3, 3, 3 }), tiles.block(3)), "the first axis fastest");
	}
}
