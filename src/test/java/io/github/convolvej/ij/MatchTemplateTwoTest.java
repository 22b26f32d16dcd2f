package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.match.Flip;

/**
 * Several, turned, mirrored and masked templates through the ImageJ path:
 * macro options, the one merged {@code Matches} table with its
 * {@code Template}, {@code Angle} and {@code Flip} columns, the best-score
 * map and the overlay outlines. The templates are cut from noise and pasted
 * back turned and mirrored by hand (index arithmetic written here), so the
 * expected places, turns and mirrors are known.
 */
class MatchTemplateTwoTest {

	private static final int W = 160, H = 120;

	/** Noise with pieces of other noise pasted: the pieces are the templates. */
	private static float[] background() {
		return (float[]) MatchImages.noise("bg", W, H, 1, 11).getProcessor().getPixels();
	}

	private static float[] piece(final long seed, final int w, final int h) {
		return (float[]) MatchImages.noise("p", w, h, 1, seed).getProcessor().getPixels();
	}

	/** Pastes {@code p} (w x h) turned by quarter turns counter-clockwise and mirrored (before the turn) with its top-left at x0, y0. */
	private static void paste(final float[] image, final float[] p, final int w, final int h, final int quarterTurns, final boolean mirror, final int x0, final int y0) {
		float[] v = p.clone();
		int cw = w, ch = h;
		if (mirror) {
			final float[] m = new float[v.length];
			for (int y = 0; y < ch; y++)
				for (int x = 0; x < cw; x++)
					m[y * cw + x] = v[y * cw + cw - 1 - x];
			v = m;
		}
		for (int q = 0; q < quarterTurns; q++) {
			// a quarter turn left: the right column becomes the top row
			final float[] t = new float[v.length];
			for (int y = 0; y < cw; y++)
				for (int x = 0; x < ch; x++)
					t[y * ch + x] = v[x * cw + (cw - 1 - y)];
			v = t;
			final int s = cw;
			cw = ch;
			ch = s;
		}
		for (int y = 0; y < ch; y++)
			for (int x = 0; x < cw; x++)
				image[(y0 + y) * W + x0 + x] = v[y * cw + x];
	}

	private static Map< String, ImagePlus > open(final ImagePlus... images) {
		final java.util.HashMap< String, ImagePlus > m = new java.util.HashMap<>();
		for (final ImagePlus imp : images)
			m.put(imp.getTitle(), imp);
		return m;
	}

	private static MatchResult run(final Map< String, ImagePlus > images, final String options) {
		final MatchSettings s = MatchSettings.fromMacroOptions(options);
		return TemplateMatching.run(s.image(images::get, null), s.templates(images::get), s.mask(images::get), s, ProgressListener.NONE);
	}

	@Test
	void severalTemplatesGiveOneMergedTableWithTheirNames() {
		final float[] image = background();
		final float[] a = piece(1, 15, 11), b = piece(2, 9, 17);
		paste(image, a, 15, 11, 0, false, 20, 30);
		paste(image, b, 9, 17, 0, false, 100, 60);
		paste(image, a, 15, 11, 0, false, 60, 90);
		final ImagePlus scene = new ImagePlus("scene", new FloatProcessor(W, H, image));
		final ImagePlus ta = new ImagePlus("a", new FloatProcessor(15, 11, a)), tb = new ImagePlus("b", new FloatProcessor(9, 17, b));
		final float[] before = image.clone();
		final MatchResult r = run(open(scene, ta, tb), "image=scene templates=[a,b] matches=3 threshold=0.9");
		assertEquals(3, r.matches().size());
		final ResultsTable t = r.toTable();
		assertTrue(t.columnExists("Template"));
		assertFalse(t.columnExists("Angle"));
		assertFalse(t.columnExists("Flip"));
		int as = 0, bs = 0;
		for (int row = 0; row < t.size(); row++) {
			final String name = t.getStringValue("Template", row);
			final int bx = (int) t.getValue("BX", row), by = (int) t.getValue("BY", row);
			if (name.equals("a")) {
				as++;
				assertTrue(bx == 20 && by == 30 || bx == 60 && by == 90, "a at " + bx + "," + by);
			} else {
				bs++;
				assertEquals("b", name);
				assertEquals(100, bx);
				assertEquals(60, by);
			}
			assertEquals(1, t.getValue("Score", row), 1e-4);
		}
		assertEquals(2, as);
		assertEquals(1, bs);
		assertEquals("a, b", r.templateName());
		// the score map is the best of the two at each pixel
		final MatchResult onlyA = run(open(scene, ta), "image=scene template=a");
		final MatchResult onlyB = run(open(scene, tb), "image=scene template=b");
		final float[] best = (float[]) r.scoreMap().getProcessor().getPixels();
		final float[] sa = (float[]) onlyA.scoreMap().getProcessor().getPixels(), sb = (float[]) onlyB.scoreMap().getProcessor().getPixels();
		for (int i = 0; i < best.length; i++)
			assertEquals(Math.max(sa[i], sb[i]), best[i], 1e-5);
		assertTrue(java.util.Arrays.equals(before, (float[]) scene.getProcessor().getPixels()), "the image is not changed");
		final String csv = MatchTable.csv(r);
		assertTrue(csv.startsWith("X,Y,BX,BY,Width,Height,Score,Template\n"), csv);
		assertTrue(csv.contains(",a\n") && csv.contains(",b\n"), csv);
	}

	@Test
	void aTemplateStackOnAPlaneIsOneTemplatePerSlice() {
		final float[] image = background();
		final float[] a = piece(1, 12, 12), b = piece(2, 12, 12);
		paste(image, b, 12, 12, 0, false, 70, 40);
		final ImageStack stack = new ImageStack(12, 12);
		stack.addSlice(new FloatProcessor(12, 12, a));
		stack.addSlice(new FloatProcessor(12, 12, b));
		final MatchResult r = run(open(new ImagePlus("scene", new FloatProcessor(W, H, image)), new ImagePlus("pair", stack)), "image=scene template=pair");
		assertEquals(1, r.matches().size());
		assertEquals("pair:2", r.matches().get(0).templateName());
		assertEquals(70, r.matches().get(0).left());
		assertTrue(r.toTable().columnExists("Template"));
	}

	@Test
	void turnedAndMirroredCopiesAreFoundWithTheirAngleAndFlip() {
		final float[] image = background();
		final float[] a = piece(5, 15, 9);
		paste(image, a, 15, 9, 0, false, 10, 10);
		paste(image, a, 15, 9, 1, false, 60, 15);
		paste(image, a, 15, 9, 3, true, 110, 50);
		paste(image, a, 15, 9, 2, true, 30, 80);
		final MatchResult r = run(open(new ImagePlus("scene", new FloatProcessor(W, H, image)), new ImagePlus("a", new FloatProcessor(15, 9, a))),
				"image=scene template=a rotations=[0,90,180,270] flip=Horizontal matches=4 threshold=0.95");
		assertEquals(4, r.matches().size());
		final ResultsTable t = r.toTable();
		assertTrue(t.columnExists("Angle") && t.columnExists("Flip"));
		assertFalse(t.columnExists("Template"));
		final int[][] corners = { { 10, 10 }, { 60, 15 }, { 110, 50 }, { 30, 80 } };
		final double[] angles = { 0, 90, 270, 180 };
		final Flip[] flips = { Flip.NONE, Flip.NONE, Flip.HORIZONTAL, Flip.HORIZONTAL };
		for (int p = 0; p < 4; p++) {
			ImageMatch found = null;
			for (final ImageMatch m : r.matches())
				if (m.left() == corners[p][0] && m.top() == corners[p][1])
					found = m;
			assertTrue(found != null, "nothing at " + corners[p][0] + "," + corners[p][1] + ": " + r.matches());
			assertEquals(angles[p], found.angle(), 0);
			assertEquals(flips[p], found.flip());
			assertEquals(angles[p] % 180 == 0 ? 15 : 9, found.width());
		}
	}

	@Test
	void aTurnByAnAngleIsOutlinedTurned() {
		final float[] image = background();
		final float[] a = piece(6, 21, 13);
		paste(image, a, 21, 13, 0, false, 50, 50);
		final MatchResult r = run(open(new ImagePlus("scene", new FloatProcessor(W, H, image)), new ImagePlus("a", new FloatProcessor(21, 13, a))),
				"image=scene template=a angles=[0,30,30] matches=2 threshold=0.5");
		// the copy at 0 degrees is the planted one; any match of the 30 degree copy is outlined turned
		assertEquals(0, r.matches().get(0).angle(), 0);
		assertEquals(50, r.matches().get(0).left());
		for (final ImageMatch m : r.matches()) {
			final Roi outline = m.outline();
			if (m.angle() == 30) {
				assertTrue(outline instanceof PolygonRoi);
				assertEquals(21 * 13, outline.getStatistics().area, 21 * 13 * 0.02, "the turned rectangle keeps the template's area");
			} else
				assertEquals(Roi.RECTANGLE, outline.getType());
		}
	}

	@Test
	void aMaskIgnoresPixelsAndBadMasksAreRefused() {
		final float[] image = background();
		final float[] a = piece(7, 11, 11);
		paste(image, a, 11, 11, 0, false, 40, 40);
		// the template's corner holds garbage; the mask hides it
		final float[] spoiled = a.clone();
		final float[] mask = new float[a.length];
		java.util.Arrays.fill(mask, 255);
		for (int y = 0; y < 4; y++)
			for (int x = 0; x < 4; x++) {
				spoiled[y * 11 + x] = 1000;
				mask[y * 11 + x] = 0;
			}
		final ImagePlus scene = new ImagePlus("scene", new FloatProcessor(W, H, image));
		final ImagePlus template = new ImagePlus("t", new FloatProcessor(11, 11, spoiled));
		final ImagePlus m = new ImagePlus("m", new FloatProcessor(11, 11, mask));
		final MatchResult masked = run(open(scene, template, m), "image=scene template=t mask=m");
		assertEquals(40, masked.matches().get(0).left());
		assertEquals(1, masked.matches().get(0).score(), 1e-4);
		final MatchResult plain = run(open(scene, template), "image=scene template=t");
		assertTrue(plain.matches().get(0).score() < 0.9, "without the mask the garbage lowers the score: " + plain.matches().get(0).score());
		TemplateMatchingTest.expectError(() -> run(open(scene, template, new ImagePlus("small", new FloatProcessor(5, 5))), "image=scene template=t mask=small"), "not the size of the template", "11x11");
		TemplateMatchingTest.expectError(() -> run(open(scene, template, new ImagePlus("zero", new FloatProcessor(11, 11))), "image=scene template=t mask=zero"), "0 everywhere");
		TemplateMatchingTest.expectError(() -> run(open(scene, template), "image=scene template=t mask=gone"), "no open image titled 'gone'");
		TemplateMatchingTest.expectError(() -> run(open(scene, template), "image=scene template=t rotations=[0,45]"), "quarter turns", "angles=");
		TemplateMatchingTest.expectError(() -> run(open(scene, template), "image=scene template=t angles=[0,90]"), "[start,stop,step]");
		TemplateMatchingTest.expectError(() -> run(open(scene, template), "image=scene template=t flip=Sideways"), "Unknown flip", "Horizontal");
		TemplateMatchingTest.expectError(() -> run(open(scene, template), "image=scene templates=[t,nothere]"), "no open image titled 'nothere'");
		// on a Z stack a template stack is one 3-D template, which is not turned
		final ImagePlus volume = MatchImages.noise("volume", 30, 30, 6, 3), cube = MatchImages.noise("cube", 5, 5, 3, 4);
		TemplateMatchingTest.expectError(() -> run(open(volume, cube), "image=volume template=cube flip=Horizontal"), "'cube'", "3-D", "5x5x3");
	}

	@Test
	void newKeysRoundTripAndPlainSearchesRecordAsBefore() {
		final MatchSettings s = MatchSettings.fromMacroOptions("image=scene templates=[a,b c] mask=[m m] rotations=[0,90,180,270] flip=Both angles=[0,350,10] matches=5");
		assertEquals(List.of("a", "b c"), s.get(MatchSettings.TEMPLATES));
		assertEquals("m m", s.get(MatchSettings.MASK));
		assertEquals(Flip.BOTH, s.get(MatchSettings.FLIP));
		assertEquals(36, s.angleList().length);
		assertEquals(s, MatchSettings.fromMacroOptions(s.toMacroOptions()));
		final String plain = MatchSettings.fromMacroOptions("image=scene template=a").toMacroOptions();
		for (final String key : new String[] { "templates=", "mask=", "rotations=", "flip=", "angles=" })
			assertFalse(plain.contains(key), plain);
		assertTrue(MatchSettings.keyProblems("templates=[a] mask=m rotations=[0] flip=None angles=none").isEmpty());
	}
}
