package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.ExtendedRandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The block plan: blocks tile the output once along Z, and each block's
 * source interval is all it reads. A block computed from a source that holds
 * only that interval (NaN everywhere else) equals the whole image's result.
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
				for (final int planes : new int[] { 1, 2, 5 }) {
					final ConvolutionOptions options = ConvolutionOptions.convolve().mode(mode).boundary(boundary).fillValue(1.5).algorithm(Algorithm.DIRECT);
					final Img< FloatType > whole = Convolution.apply(img, kernel, options).real();
					final BlockPlan plan = BlockPlan.of(img, kernel, options, planes);
					final Interval out = plan.output();
					assertEquals(whole.dimension(2), out.dimension(2));
					long covered = 0;
					for (int b = 0; b < plan.blocks(); b++) {
						final Interval block = plan.block(b);
						assertEquals(out.min(2) + covered, block.min(2), "blocks follow each other");
						covered += block.dimension(2);
						assertEquals(Math.min(planes, out.dimension(2) - plan.firstPlane(b)), block.dimension(2));
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
							assertEquals(expected.get().get(), got.get().get(), 1e-4, mode + " " + boundary + " planes " + planes + " at " + java.util.Arrays.toString(got.positionAsLongArray()));
						}
					}
					assertEquals(out.dimension(2), covered, "every plane once");
				}
	}

	@Test
	void badPlansAreRefused() {
		final Img< FloatType > img = ArrayImgs.floats(4, 4, 4);
		assertThrows(IllegalArgumentException.class, () -> BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 0));
		final BlockPlan plan = BlockPlan.of(img, Kernel.parse("1 2 1"), ConvolutionOptions.convolve(), 3);
		assertEquals(2, plan.blocks());
		assertThrows(IllegalArgumentException.class, () -> plan.block(2));
	}
}
