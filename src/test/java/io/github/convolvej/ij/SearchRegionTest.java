package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;

/**
 * A selection on the searched image restricts the search on every plane of a
 * stack: a better copy outside it is not found, the copy inside is, and the
 * image and its selection stay as they were.
 */
class SearchRegionTest {

	private static final int W = 12, H = 9;

	private static float[] pattern(final Random rnd) {
		final float[] t = new float[W * H];
		for (int i = 0; i < t.length; i++)
			t[i] = rnd.nextInt(200);
		return t;
	}

	private static void paste(final FloatProcessor fp, final float[] t, final int x0, final int y0, final float gain) {
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				fp.setf(x0 + x, y0 + y, t[y * W + x] * gain);
	}

	@Test
	void aSelectionRestrictsTheSearchOnEveryPlane() {
		final Random rnd = new Random(21);
		final float[] t = pattern(rnd);
		final ImageStack stack = new ImageStack(100, 80);
		// per plane: an exact copy outside the region, a dimmed (still correlated) copy inside it
		final int[][] inside = { { 60, 50 }, { 65, 45 }, { 58, 55 } };
		for (int z = 0; z < 3; z++) {
			final FloatProcessor fp = new FloatProcessor(100, 80);
			for (int i = 0; i < 100 * 80; i++)
				fp.setf(i, rnd.nextInt(20));
			paste(fp, t, 5 + 3 * z, 7, 1);
			paste(fp, t, inside[z][0], inside[z][1], 0.8f);
			stack.addSlice(fp);
		}
		final ImagePlus image = new ImagePlus("image", stack);
		final ImagePlus template = new ImagePlus("template", new FloatProcessor(W, H, t));
		final MatchSettings settings = MatchSettings.fromMacroOptions("method=[Normalized correlation coefficient] mode=valid matches=1");

		final List< ImageMatch > everywhere = TemplateMatching.run(image, template, settings, null).matches();
		for (int z = 0; z < 3; z++)
			assertEquals(5L + 3 * z, everywhere.get(z).left(), "without a selection the exact copy wins on plane " + (z + 1));

		for (final Roi region : new Roi[] { new Roi(50, 40, 40, 35), new OvalRoi(45, 35, 50, 42) }) {
			image.setRoi(region);
			final List< ImageMatch > within = TemplateMatching.run(image, template, settings, null).matches();
			assertEquals(3, within.size(), region.getTypeAsString());
			for (int z = 0; z < 3; z++) {
				assertEquals(z + 1, within.get(z).slice());
				assertEquals((long) inside[z][0], within.get(z).left(), region.getTypeAsString() + " plane " + (z + 1));
				assertTrue(within.get(z).score() > 0.99, "the dimmed copy still correlates fully");
			}
			assertTrue(image.getRoi() == region, "the selection is left as it was");
		}
	}
}
