package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.GoldenCase;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.match.MatchMethod;

/**
 * Match Template through the bridge: the options string parsed by
 * {@link MatchSettings}, {@link TemplateMatching#run} on ImagePlus images,
 * and the table, overlay, ROI Manager entries and score map built from the
 * result. Numbers are checked against the golden file (OpenCV's formulas in
 * float64) and, for stacks and volumes, against the normalized correlation
 * coefficient computed window by window in the test.
 */
class TemplateMatchingTest {

	// ---- the golden cases, through the macro options

	@TestFactory
	Stream< DynamicTest > everyGoldenMatchCaseThroughTheMacroOptions() {
		return GoldenCase.family("match").stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> goldenCase(c)));
	}

	private static void goldenCase(final GoldenCase c) {
		final ImagePlus image = image("image " + c.id, c.image);
		final ImagePlus template = image("template " + c.id, c.template);
		final float[] before = ((float[]) image.getProcessor().getPixels()).clone();
		final MatchMethod method = MatchMethod.fromLabel(c.method);
		final String options = "image=[" + image.getTitle() + "] template=[" + template.getTitle() + "] method=[" + method.label() + "] mode=" + c.mode + " boundary=" + c.boundary + " value=" + c.value + " matches=1 score_map";
		final MatchSettings settings = MatchSettings.fromMacroOptions(options);
		final Map< String, ImagePlus > open = new HashMap<>();
		open.put(image.getTitle(), image);
		open.put(template.getTitle(), template);
		assertEquals(c.anchor[0], (c.template.dims[0] - 1) / 2, c.id + ": the file's anchor is the default");
		assertEquals(c.anchor[1], (c.template.dims[1] - 1) / 2, c.id + ": the file's anchor is the default");

		final MatchResult r = TemplateMatching.run(settings.image(open::get, null), settings.template(open::get), settings, ProgressListener.NONE);

		// the score map, value by value
		final ImagePlus map = r.scoreMap();
		assertEquals(c.expected.dims[0], map.getWidth(), c.id + ": score map width");
		assertEquals(c.expected.dims[1], map.getHeight(), c.id + ": score map height");
		assertEquals(ImagePlus.GRAY32, map.getType());
		double scale = 1;
		for (final double e : c.expected.re)
			scale = Math.max(scale, Math.abs(e));
		final float[] scores = (float[]) map.getProcessor().getPixels();
		for (int i = 0; i < scores.length; i++)
			assertEquals(c.expected.re[i], scores[i], 1e-4 * scale, c.id + ": score " + i);

		// the best match: the reference's best score, at the anchor of its window
		int bestIndex = 0;
		for (int i = 1; i < c.expected.re.length; i++)
			if (method.lowerIsBetter() ? c.expected.re[i] < c.expected.re[bestIndex] : c.expected.re[i] > c.expected.re[bestIndex])
				bestIndex = i;
		final boolean valid = c.mode.equals("valid");
		final long w = c.expected.dims[0];
		final long ax = bestIndex % w + (valid ? c.anchor[0] : 0), ay = bestIndex / w + (valid ? c.anchor[1] : 0);
		assertEquals(1, r.matches().size());
		final ImageMatch best = r.matches().get(0);
		assertEquals(ax, best.x(), 0, c.id + ": best X");
		assertEquals(ay, best.y(), 0, c.id + ": best Y");
		assertEquals(ax - c.anchor[0], best.left(), c.id + ": best BX");
		assertEquals(ay - c.anchor[1], best.top(), c.id + ": best BY");
		if (method != MatchMethod.CCORR && method != MatchMethod.CCOEFF) {
			assertEquals(c.best[0], best.left(), c.id + ": where the template was cut from");
			assertEquals(c.best[1], best.top(), c.id + ": where the template was cut from");
		}

		// the table row says the same
		final ResultsTable rt = r.toTable();
		assertEquals(1, rt.size());
		assertEquals(ax, rt.getValue("X", 0), 0);
		assertEquals(ay, rt.getValue("Y", 0), 0);
		assertEquals(ax - c.anchor[0], rt.getValue("BX", 0), 0);
		assertEquals(ay - c.anchor[1], rt.getValue("BY", 0), 0);
		assertEquals(c.template.dims[0], rt.getValue("Width", 0), 0);
		assertEquals(c.template.dims[1], rt.getValue("Height", 0), 0);
		assertEquals(c.expected.re[bestIndex], rt.getValue("Score", 0), 1e-4 * Math.max(1, Math.abs(c.expected.re[bestIndex])));
		assertArrayEquals(before, (float[]) image.getProcessor().getPixels(), c.id + ": the image is unchanged");
		assertNull(image.getOverlay(), "run() itself draws nothing");
	}

	private static ImagePlus image(final String title, final GoldenCase.Array a) {
		final float[] v = new float[a.re.length];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) a.re[i];
		return new ImagePlus(title, new FloatProcessor(a.dims[0], a.dims[1], v));
	}

	// ---- the selection as the template

	@Test
	void theRectangleSelectionIsTheTemplateWhenNoneIsGiven() {
		final ImagePlus image = MatchImages.noise("field", 60, 50, 1, 1);
		image.setRoi(new Roi(31, 12, 9, 7));
		final float[] before = ((float[]) image.getProcessor().getPixels()).clone();
		final MatchSettings settings = MatchSettings.fromMacroOptions("matches=1 mode=valid");
		assertNull(settings.template(t -> null));
		final MatchResult r = TemplateMatching.run(settings.image(t -> null, image), null, settings, ProgressListener.NONE);
		final ImageMatch best = r.matches().get(0);
		assertEquals(31, best.left());
		assertEquals(12, best.top());
		assertEquals(31 + 4, best.x(), 0);
		assertEquals(12 + 3, best.y(), 0);
		assertEquals(1, best.score(), 1e-6, "the window the template was cut from scores 1");
		assertEquals("field selection", r.templateName());
		assertArrayEquals(before, (float[]) image.getProcessor().getPixels(), "cropping leaves the pixels alone");
		assertEquals(new Roi(31, 12, 9, 7).getBounds(), image.getRoi().getBounds(), "the selection stays");
		final ImagePlus template = TemplateMatching.selectionTemplate(image);
		assertEquals(9, template.getWidth());
		assertEquals(7, template.getHeight());
		assertEquals(image.getProcessor().getf(31, 12), template.getProcessor().getf(0, 0));
		assertEquals(image.getProcessor().getf(39, 18), template.getProcessor().getf(8, 6));
	}

	@Test
	void theSelectionIsCutFromTheCurrentPlaneOfAStack() {
		final ImagePlus stack = MatchImages.noise("stack", 40, 30, 3, 2);
		stack.setSlice(2);
		stack.setRoi(new Roi(10, 5, 7, 5));
		final MatchResult r = TemplateMatching.run(stack, null, MatchSettings.fromMacroOptions("mode=valid"), null);
		assertEquals(3, r.matches().size(), "one match per plane");
		final ImageMatch onPlane2 = r.matches().get(1);
		assertEquals(2, onPlane2.slice());
		assertEquals(10, onPlane2.left());
		assertEquals(5, onPlane2.top());
		assertEquals(1, onPlane2.score(), 1e-6);
		assertEquals(2, stack.getCurrentSlice(), "the plane shown stays");
	}

	// ---- the table

	@Test
	void theTableHasTheSpecColumnsWithTheMatchesValues() {
		final ImagePlus image = MatchImages.noise("cells", 80, 60, 1, 3);
		final ImagePlus template = MatchImages.crop(image, "cell", 10, 10, 7, 9, 0, 1);
		MatchImages.plant(image, template, 50, 30, 0);
		final MatchResult r = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions("matches=2 min_distance=3"), null);
		final ResultsTable rt = r.toTable();
		assertEquals(Arrays.asList("X", "Y", "BX", "BY", "Width", "Height", "Score"), Arrays.asList(rt.getHeadings()));
		assertEquals(2, rt.size());
		final List< long[] > corners = new ArrayList<>();
		for (int row = 0; row < 2; row++) {
			final ImageMatch m = r.matches().get(row);
			assertEquals(row + 1, m.rank());
			assertEquals(m.x(), rt.getValue("X", row), 0);
			assertEquals(m.y(), rt.getValue("Y", row), 0);
			assertEquals(m.left(), rt.getValue("BX", row), 0);
			assertEquals(m.top(), rt.getValue("BY", row), 0);
			assertEquals(7, rt.getValue("Width", row), 0);
			assertEquals(9, rt.getValue("Height", row), 0);
			assertEquals(m.score(), rt.getValue("Score", row), 0);
			assertEquals(1, m.score(), 1e-6);
			assertEquals(m.x() - 3, m.left(), 0, "anchor (K-1)/2");
			assertEquals(m.y() - 4, m.top(), 0, "anchor (K-1)/2");
			corners.add(new long[] { m.left(), m.top() });
		}
		corners.sort((a, b) -> Long.compare(a[0], b[0]));
		assertArrayEquals(new long[] { 10, 10 }, corners.get(0));
		assertArrayEquals(new long[] { 50, 30 }, corners.get(1));
		assertFalse(rt.columnExists("Slice"), "no Slice column for a single plane");
		assertEquals(Long.toString(r.matches().get(0).left()), rt.getStringValue("BX", 0), "integral columns print without decimals");
	}

	@Test
	void subpixelPositionsReachTheTableAndTheMarkers() {
		// a Gaussian blob centred between pixels, found with a centred blob
		final double cx = 30.3, cy = 20.65, sigma = 3;
		final float[] v = new float[64 * 48];
		for (int y = 0; y < 48; y++)
			for (int x = 0; x < 64; x++)
				v[y * 64 + x] = (float) (100 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma)));
		final float[] t = new float[15 * 15];
		for (int y = 0; y < 15; y++)
			for (int x = 0; x < 15; x++)
				t[y * 15 + x] = (float) (100 * Math.exp(-((x - 7) * (x - 7) + (y - 7) * (y - 7)) / (2 * sigma * sigma)));
		final ImagePlus image = new ImagePlus("blob", new FloatProcessor(64, 48, v));
		final ImagePlus template = new ImagePlus("spot", new FloatProcessor(15, 15, t));
		final MatchResult r = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions("method=[Cross correlation] subpixel"), null);
		final ImageMatch m = r.matches().get(0);
		assertEquals(cx, m.x(), 0.1);
		assertEquals(cy, m.y(), 0.1);
		final ResultsTable rt = r.toTable();
		assertEquals(m.x(), rt.getValue("X", 0), 0);
		assertNotEquals(Math.rint(m.x()), rt.getValue("X", 0), "with decimals");
		assertEquals(30, rt.getValue("X", 0), 0.5);
		final PointRoi marker = (PointRoi) MatchOverlay.rois(r).get(1);
		assertEquals(m.x(), marker.getFloatPolygon().xpoints[0], 1e-4);
		assertEquals(m.y(), marker.getFloatPolygon().ypoints[0], 1e-4);
	}

	// ---- the overlay and the ROI Manager entries

	@Test
	void eachMatchAddsARectangleAMarkerAndALabelAndANewRunReplacesThem() {
		final ImagePlus image = MatchImages.noise("spots", 90, 70, 1, 4);
		final ImagePlus template = MatchImages.crop(image, "spot", 5, 5, 9, 9, 0, 1);
		MatchImages.plant(image, template, 60, 40, 0);
		MatchImages.plant(image, template, 30, 50, 0);
		final Roi mine = new OvalRoi(1, 1, 5, 5);
		image.setOverlay(new Overlay(mine));
		final MatchResult r = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions("matches=3 threshold=0.99"), null);
		assertEquals(3, r.matches().size(), "the three copies, nothing else above 0.99");
		r.addToOverlay();
		final Overlay overlay = image.getOverlay();
		assertEquals(1 + 3 * 3, overlay.size());
		assertSame(mine, overlay.get(0), "what was there stays");
		for (int i = 0; i < 3; i++) {
			final ImageMatch m = r.matches().get(i);
			final Roi box = overlay.get(1 + 3 * i), marker = overlay.get(2 + 3 * i), label = overlay.get(3 + 3 * i);
			assertEquals(Roi.RECTANGLE, box.getType());
			assertEquals(new java.awt.Rectangle((int) m.left(), (int) m.top(), 9, 9), box.getBounds());
			assertTrue(marker instanceof PointRoi);
			assertEquals(m.x(), marker.getFloatPolygon().xpoints[0], 0);
			assertTrue(label instanceof TextRoi);
			assertEquals((i + 1) + ": " + String.format(java.util.Locale.ROOT, "%.4g", m.score()), ((TextRoi) label).getText().trim());
		}
		// a second run with one match replaces the matches, not the oval
		TemplateMatching.run(image, template, MatchSettings.fromMacroOptions("matches=1"), null).addToOverlay();
		assertEquals(1 + 3, image.getOverlay().size());
		assertSame(mine, image.getOverlay().get(0));
	}

	@Test
	void managerEntriesAreNamedAfterTheTemplateWithTheirScore() {
		final ImagePlus stack = MatchImages.noise("planes", 50, 40, 2, 5);
		final ImagePlus template = MatchImages.crop(stack, "nucleus", 20, 10, 8, 6, 1, 1);
		final MatchResult r = TemplateMatching.run(stack, template, MatchSettings.fromMacroOptions("add_to_manager"), null);
		final List< Roi > rois = r.managerRois();
		assertEquals(2, rois.size());
		for (int i = 0; i < 2; i++) {
			final Roi roi = rois.get(i);
			assertEquals("nucleus", roi.getName());
			assertEquals(r.matches().get(i).score(), Double.parseDouble(roi.getProperty("Score")), 0);
			assertEquals(i + 1, roi.getPosition(), "on its plane");
		}
		assertEquals(1, Double.parseDouble(rois.get(1).getProperty("Score")), 1e-6);
		assertEquals(new java.awt.Rectangle(20, 10, 8, 6), rois.get(1).getBounds());
	}

	// ---- stacks and volumes

	@Test
	void aTwoDTemplateOnAStackIsMatchedPlaneByPlane() {
		final ImagePlus stack = MatchImages.noise("z-stack", 48, 36, 4, 6);
		final ImagePlus template = MatchImages.crop(MatchImages.noise("t", 9, 7, 1, 7), "t", 0, 0, 9, 7, 0, 1);
		final int[][] planted = { { 3, 4 }, { 30, 20 }, { 12, 25 }, { 38, 2 } };
		for (int z = 0; z < 4; z++)
			MatchImages.plant(stack, template, planted[z][0], planted[z][1], z);
		final MatchResult r = TemplateMatching.run(stack, template, MatchSettings.fromMacroOptions("mode=valid matches=2 min_distance=2"), null);
		final ResultsTable rt = r.toTable();
		assertEquals(8, rt.size(), "two rows per plane");
		assertTrue(rt.columnExists("Slice"));
		assertFalse(rt.columnExists("Z"), "Z belongs to 3-D templates");
		final ImagePlus map = r.scoreMap();
		assertEquals(4, map.getStackSize());
		assertEquals(48 - 8, map.getWidth());
		assertEquals(36 - 6, map.getHeight());
		final double[] t = MatchImages.values(template);
		for (int z = 0; z < 4; z++) {
			assertEquals(z + 1, rt.getValue("Slice", 2 * z), 0);
			assertEquals(z + 1, rt.getValue("Slice", 2 * z + 1), 0);
			assertEquals(planted[z][0], rt.getValue("BX", 2 * z), 0, "plane " + (z + 1));
			assertEquals(planted[z][1], rt.getValue("BY", 2 * z), 0, "plane " + (z + 1));
			assertEquals(1, r.matches().get(2 * z).rank());
			assertEquals(2, r.matches().get(2 * z + 1).rank(), "ranks restart on each plane");
			// the plane's scores are the plane's own: the formula on its pixels
			final double[] plane = MatchImages.values(MatchImages.crop(stack, "p", 0, 0, 48, 36, z, 1));
			final FloatProcessor scores = (FloatProcessor) map.getStack().getProcessor(z + 1);
			for (final int[] p : new int[][] { { 0, 0 }, { 17, 11 }, { 39, 29 }, planted[z] })
				assertEquals(MatchImages.ccoeffNormed(plane, 48, 36, t, 9, 7, 1, p[0], p[1], 0), scores.getf(p[0], p[1]), 1e-5, "plane " + (z + 1) + " at " + Arrays.toString(p));
		}
		r.addToOverlay();
		for (int i = 0; i < stack.getOverlay().size(); i++)
			assertEquals(r.matches().get(i / 3).slice(), stack.getOverlay().get(i).getPosition(), "overlay elements on their plane");
	}

	@Test
	void aThreeDTemplateIsMatchedInThreeD() {
		final ImagePlus volume = MatchImages.noise("volume", 24, 20, 10, 8);
		final ImagePlus template = MatchImages.crop(volume, "blob", 6, 4, 5, 4, 3, 3);
		MatchImages.plant(volume, template, 15, 12, 6);
		final MatchResult r = TemplateMatching.run(volume, template, MatchSettings.fromMacroOptions("matches=2 mode=valid"), null);
		assertEquals(2, r.matches().size(), "two matches in the whole volume");
		final ResultsTable rt = r.toTable();
		final List< String > headings = Arrays.asList(rt.getHeadings());
		assertTrue(headings.containsAll(Arrays.asList("X", "Y", "BX", "BY", "Width", "Height", "Score", "Slice", "Z", "BZ", "Depth")), headings.toString());
		final double[][] expected = { { 6, 4, 3 }, { 15, 12, 6 } };
		final List< double[] > found = new ArrayList<>();
		for (int row = 0; row < 2; row++) {
			assertEquals(1, rt.getValue("Score", row), 1e-6);
			assertEquals(3, rt.getValue("Depth", row), 0);
			assertEquals(rt.getValue("BZ", row) + 1, rt.getValue("Z", row), 0, "anchor (3-1)/2 = 1 below the front");
			assertEquals(rt.getValue("Z", row) + 1, rt.getValue("Slice", row), 0, "the anchor's plane");
			found.add(new double[] { rt.getValue("BX", row), rt.getValue("BY", row), rt.getValue("BZ", row) });
		}
		found.sort((a, b) -> Double.compare(a[0], b[0]));
		assertArrayEquals(expected[0], found.get(0), 0);
		assertArrayEquals(expected[1], found.get(1), 0);
		// the score map is 3-D: the formula at some windows
		final ImagePlus map = r.scoreMap();
		assertEquals(10 - 3 + 1, map.getStackSize());
		final double[] image = MatchImages.values(volume), t = MatchImages.values(template);
		for (final int[] p : new int[][] { { 0, 0, 0 }, { 6, 4, 3 }, { 19, 16, 7 }, { 10, 9, 2 } })
			assertEquals(MatchImages.ccoeffNormed(image, 24, 20, t, 5, 4, 3, p[0], p[1], p[2]), map.getStack().getProcessor(p[2] + 1).getf(p[0], p[1]), 1e-5, Arrays.toString(p));
		// a box drawn on each plane it covers, marker and label on the anchor's
		r.addToOverlay();
		assertEquals(2 * (3 + 2), volume.getOverlay().size());
	}

	@Test
	void hyperstackFramesAreMatchedOneByOneInTheCurrentChannel() {
		final ImagePlus hs = MatchImages.noise("hyper", 30, 24, 2 * 3, 9); // 2 channels, 3 frames
		hs.setDimensions(2, 1, 3);
		hs.setOpenAsHyperStack(true);
		hs.setPosition(2, 1, 1);
		final ImagePlus template = MatchImages.crop(hs, "t", 4, 6, 6, 5, hs.getStackIndex(2, 1, 3) - 1, 1);
		final MatchResult r = TemplateMatching.run(hs, template, MatchSettings.fromMacroOptions("mode=valid"), null);
		assertEquals(3, r.matches().size(), "one per frame");
		final ImageMatch last = r.matches().get(2);
		assertEquals(3, last.frame());
		assertEquals(2, last.channel());
		assertEquals(hs.getStackIndex(2, 1, 3), last.slice());
		assertEquals(4, last.left());
		assertEquals(1, last.score(), 1e-6);
		final ResultsTable rt = r.toTable();
		assertEquals(3, rt.getValue("Frame", 2), 0);
		assertEquals(3, r.scoreMap().getNFrames());
	}

	// ---- RGB, calibration, the score map image

	@Test
	void rgbIsMatchedOnTheMeanOfItsColours() {
		final ColorProcessor cp = new ColorProcessor(40, 30);
		final FloatProcessor mean = new FloatProcessor(40, 30);
		final java.util.Random random = new java.util.Random(11);
		for (int i = 0; i < 40 * 30; i++) {
			final int r = random.nextInt(256), g = random.nextInt(256), b = random.nextInt(256);
			cp.set(i, (r << 16) | (g << 8) | b);
			mean.setf(i, (r + g + b) / 3f);
		}
		final ImagePlus rgb = new ImagePlus("rgb", cp);
		rgb.setRoi(new Roi(22, 9, 7, 6));
		final ImagePlus reference = new ImagePlus("mean", mean);
		reference.setRoi(new Roi(22, 9, 7, 6));
		final MatchSettings s = MatchSettings.fromMacroOptions("method=[Normalized square difference]");
		final MatchResult fromRgb = TemplateMatching.run(rgb, null, s, null);
		final MatchResult fromMean = TemplateMatching.run(reference, null, s, null);
		assertArrayEquals((float[]) fromMean.scoreMap().getProcessor().getPixels(), (float[]) fromRgb.scoreMap().getProcessor().getPixels(), 1e-6f);
		assertEquals(22, fromRgb.matches().get(0).left());
		assertEquals(9, fromRgb.matches().get(0).top());
		assertEquals(0, fromRgb.matches().get(0).score(), 1e-6, "square difference 0 where it was cut");
	}

	@Test
	void positionsAreInPixelsAndTheScoreMapKeepsTheCalibration() {
		final ImagePlus image = MatchImages.noise("calibrated", 40, 30, 1, 12);
		final Calibration cal = image.getCalibration();
		cal.pixelWidth = 0.25;
		cal.pixelHeight = 0.5;
		cal.setUnit("um");
		cal.xOrigin = 3;
		final ImagePlus template = MatchImages.crop(image, "t", 11, 7, 5, 3, 0, 1);
		final MatchResult r = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions("mode=valid"), null);
		assertEquals(11 + 2, r.toTable().getValue("X", 0), 0, "pixels, not microns");
		final Calibration mapCal = r.scoreMap().getCalibration();
		assertEquals(0.25, mapCal.pixelWidth, 0);
		assertEquals(0.5, mapCal.pixelHeight, 0);
		assertEquals(cal.getUnit(), mapCal.getUnit());
		// score pixel i is the window anchored at image pixel i + anchor: same physical place
		assertEquals(cal.getX(11 + 2), mapCal.getX(11), 1e-12);
		assertEquals(cal.getY(7 + 1), mapCal.getY(7), 1e-12);
	}

	@Test
	void theScoreMapIsTitledAfterTheImageWithTheAfmHotLut() {
		final ImagePlus image = MatchImages.noise("face", 30, 30, 1, 13);
		final MatchResult r = TemplateMatching.run(image, MatchImages.crop(image, "eye", 3, 3, 5, 5, 0, 1), MatchSettings.builder().build(), null);
		final ImagePlus map = r.scoreMap();
		assertEquals("face-scores", map.getTitle());
		assertEquals(32, map.getBitDepth());
		final LUT lut = map.getProcessor().getLut();
		final LUT expected = AfmHotLut.lut();
		for (int i = 0; i < 256; i++)
			assertEquals(expected.getRGB(i), lut.getRGB(i), "LUT entry " + i);
		final float[] v = (float[]) map.getProcessor().getPixels();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final float f : v) {
			min = Math.min(min, f);
			max = Math.max(max, f);
		}
		assertEquals(min, map.getDisplayRangeMin(), 1e-6);
		assertEquals(max, map.getDisplayRangeMax(), 1e-6);
	}

	// ---- bad input: a message, nothing made, nothing changed

	@Test
	void badInputStopsBeforeAnythingIsMadeOrChanged() {
		final ImagePlus image = MatchImages.noise("img", 20, 16, 1, 14);
		final Overlay overlay = new Overlay(new OvalRoi(2, 2, 4, 4));
		image.setOverlay(overlay);
		final float[] before = ((float[]) image.getProcessor().getPixels()).clone();
		final ImagePlus big = MatchImages.noise("big", 25, 10, 1, 15);
		final ImagePlus volume = MatchImages.noise("vol", 5, 5, 3, 16);
		final float[] nan = new float[9];
		nan[4] = Float.NaN;
		final ImagePlus withNaN = new ImagePlus("holey", new FloatProcessor(3, 3, nan));

		expectError(() -> TemplateMatching.run(null, big, MatchSettings.builder().build(), null), "No image");
		expectError(() -> TemplateMatching.run(image, null, MatchSettings.builder().build(), null), "No template given", "rectangle selection");
		expectError(() -> TemplateMatching.run(image, big, MatchSettings.fromMacroOptions("mode=valid"), null), "'big' (25x10) is larger than the image 'img' (20x16) along x", "mode=same");
		// a stack on a plane is one template per slice
		assertEquals("vol:1, vol:2, vol:3", TemplateMatching.run(image, volume, MatchSettings.builder().build(), null).templateName());
		expectError(() -> TemplateMatching.run(image, withNaN, MatchSettings.builder().build(), null), "NaN");
		expectError(() -> TemplateMatching.run(image, big, MatchSettings.fromMacroOptions("anchor=[30,0]"), null), "anchor [30,0] lies outside the template 'big'");
		image.setRoi(new OvalRoi(1, 1, 6, 6));
		expectError(() -> TemplateMatching.run(image, null, MatchSettings.builder().build(), null), "is not a rectangle (it is of type oval)");
		image.setRoi(new Roi(1, 1, 30, 30));
		final MatchResult ok = TemplateMatching.run(image, null, MatchSettings.builder().build(), null);
		assertEquals(20 - 1, ok.matches().get(0).width(), "a selection reaching out of the image is cut to it");
		assertEquals(16 - 1, ok.matches().get(0).height());
		image.deleteRoi();
		// a title that is not open
		final MatchSettings named = MatchSettings.fromMacroOptions("image=img template=[no such eye]");
		expectError(() -> named.template(t -> null), "no open image titled 'no such eye'");
		expectError(() -> MatchSettings.fromMacroOptions("image=[gone]").image(t -> null, image), "no open image titled 'gone'");

		// in the large template above the template was smaller than the image along y: same mode is fine
		assertEquals(1, TemplateMatching.run(image, big, MatchSettings.builder().build(), null).matches().size());
		assertSame(overlay, image.getOverlay());
		assertEquals(1, image.getOverlay().size(), "the overlay is untouched");
		assertArrayEquals(before, (float[]) image.getProcessor().getPixels());
	}

	@Test
	void cancellingStopsWithNothingMade() {
		final ImagePlus image = MatchImages.noise("img", 64, 64, 3, 17);
		final ImagePlus template = MatchImages.crop(image, "t", 0, 0, 9, 9, 0, 1);
		final ProgressListener cancelled = ProgressListener.cancelledWhen(() -> true);
		assertThrows(CancelledException.class, () -> TemplateMatching.run(image, template, MatchSettings.builder().build(), cancelled));
		assertNull(image.getOverlay());
	}

	@Test
	void progressRunsOnceAcrossAllPlanes() {
		final ImagePlus image = MatchImages.noise("img", 40, 40, 4, 18);
		final ImagePlus template = MatchImages.crop(image, "t", 0, 0, 5, 5, 0, 1);
		final List< Double > seen = Collections.synchronizedList(new ArrayList<>());
		TemplateMatching.run(image, template, MatchSettings.builder().build(), ProgressListener.reporting(seen::add));
		for (int i = 1; i < seen.size(); i++)
			assertTrue(seen.get(i) >= seen.get(i - 1) - 1e-12, "never backwards: " + seen);
		assertEquals(1, seen.get(seen.size() - 1), 0);
	}

	static void expectError(final org.junit.jupiter.api.function.Executable call, final String... parts) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
	}
}
