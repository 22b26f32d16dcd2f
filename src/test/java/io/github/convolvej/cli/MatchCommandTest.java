package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import io.github.convolvej.core.GoldenCase;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.TemplateMatching;

/** match-template on files: OpenCV's and scikit-image's scores, the matches table as the menu command computes it, errors. */
class MatchCommandTest {

	@TempDir
	Path dir;

	/**
	 * Every match case of the golden file (OpenCV's six scores, same and
	 * valid), through files and the options string; the best match is where
	 * the template was cut. Tolerance 1e-4 relative (the FFT path).
	 */
	@Test
	void goldenScoreMaps() throws IOException {
		int checked = 0;
		for (final GoldenCase c : GoldenCase.family("match")) {
			final Path image = ImageIo.writeTiff(dir.resolve(c.id + ".tif"), c.image.dims, c.image.re);
			final Path template = ImageIo.writeTiff(dir.resolve(c.id + "-t.tif"), c.template.dims, c.template.re);
			final Path scores = dir.resolve(c.id + "-scores.tif");
			final String options = "method=" + c.method + " mode=" + c.mode + " boundary=" + c.boundary + " value=" + c.value
					+ " anchor=[" + c.anchor[0] + "," + c.anchor[1] + "]";
			final CliRun run = CliRun.of("match-template", image.toString(), template.toString(), "--scores", scores.toString(), options);
			assertEquals(0, run.exitCode, run::toString);
			final float[] got = ImageIo.readFlat(scores);
			assertEquals(c.expected.re.length, got.length, c.id);
			final double scale = Math.max(1, c.expected.maxAbs());
			for (int i = 0; i < got.length; i++)
				assertEquals(c.expected.re[i], got[i], 1e-4 * scale, c.id + " score " + i);
			checked++;
		}
		assertTrue(checked >= 30, "match cases: " + checked);
	}

	/** A template cut from a noisy image is found at its corner by every method; the table has SPEC's columns. */
	@Test
	void findsTheCutWithEveryMethod() throws IOException {
		final int w = 60, h = 45;
		final double[] pixels = noise(w, h, 11);
		final int bx = 31, by = 17, tw = 9, th = 6;
		final double[] cut = new double[tw * th];
		for (int y = 0; y < th; y++)
			for (int x = 0; x < tw; x++)
				cut[y * tw + x] = pixels[(by + y) * w + bx + x];
		final Path image = ImageIo.writeTiff(dir.resolve("image.tif"), new int[] { w, h }, pixels);
		final Path template = ImageIo.writeTiff(dir.resolve("template.tif"), new int[] { tw, th }, cut);
		for (final String method : new String[] { "[Square difference]", "[Normalized square difference]",
				"[Normalized cross correlation]", "[Correlation coefficient]", "[Normalized correlation coefficient]" }) {
			for (final String mode : new String[] { "same", "valid" }) {
				final CliRun run = CliRun.of("match-template", image.toString(), template.toString(), "method=" + method + " mode=" + mode);
				assertEquals(0, run.exitCode, run::toString);
				final String[] lines = run.out.split("\n");
				assertEquals("X,Y,BX,BY,Width,Height,Score", lines[0]);
				assertEquals(2, lines.length, run.out);
				final String[] best = lines[1].split(",");
				assertEquals(bx + "," + by + "," + tw + "," + th, String.join(",", best[2], best[3], best[4], best[5]), method + " " + mode);
				assertEquals(bx + (tw - 1) / 2, Double.parseDouble(best[0]), 0, "anchor x");
			}
		}
	}

	/**
	 * A threshold no window reaches gives an empty table and a note with the
	 * best score (the score map's maximum, or minimum for the square
	 * differences), so the user can set it; with matches there is no note.
	 */
	@Test
	void anEmptyTableSaysWhichScoreWouldHaveMatched() throws IOException {
		final int w = 40, h = 30;
		final double[] pixels = noise(w, h, 3);
		final Random random = new Random(3);
		final double[] cut = new double[7 * 5];
		for (int i = 0; i < cut.length; i++)
			cut[i] = pixels[(12 + i / 7) * w + 20 + i % 7] + 9 * random.nextGaussian();
		final Path image = ImageIo.writeTiff(dir.resolve("image.tif"), new int[] { w, h }, pixels);
		final Path template = ImageIo.writeTiff(dir.resolve("template.tif"), new int[] { 7, 5 }, cut);
		final Path scores = dir.resolve("scores.tif");
		for (final boolean lower : new boolean[] { false, true }) {
			final String method = lower ? "method=sqdiff_normed threshold=-0.5" : "method=ccoeff_normed threshold=0.9999";
			final CliRun run = CliRun.of("match-template", image.toString(), template.toString(), "--scores", scores.toString(), method);
			assertEquals(0, run.exitCode, run::toString);
			assertEquals("X,Y,BX,BY,Width,Height,Score\n", run.out);
			final float[] map = ImageIo.readFlat(scores);
			double best = lower ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
			for (final float v : map)
				best = lower ? Math.min(best, v) : Math.max(best, v);
			final String note = (lower ? "at most threshold=-0.5" : "at least threshold=0.9999") + "; the best score is ";
			assertTrue(run.err.contains("note: No window scored " + note), run::toString);
			final String given = run.err.substring(run.err.indexOf(note) + note.length()).split("\\. ")[0];
			assertEquals(best, Double.parseDouble(given), 1e-6 * Math.max(1, Math.abs(best)), run::toString);
			assertTrue(run.err.contains(lower ? "Raise the threshold" : "Lower the threshold"), run::toString);
		}
		final CliRun found = CliRun.of("match-template", image.toString(), template.toString(), "threshold=0.5");
		assertEquals(2, found.out.split("\n").length, found::toString);
		assertFalse(found.err.contains("note:"), found::toString);
	}

	/** A template with no variation scores 0 against every window under the correlation coefficient: the one match is arbitrary, and a note says so. */
	@Test
	void aFlatTemplateGetsANoteNotAMeaningfulMatch() throws IOException {
		final Path image = ImageIo.writeTiff(dir.resolve("image.tif"), new int[] { 30, 20 }, noise(30, 20, 8));
		final double[] flat = new double[5 * 4];
		java.util.Arrays.fill(flat, 7);
		final Path template = ImageIo.writeTiff(dir.resolve("flat.tif"), new int[] { 5, 4 }, flat);
		for (final String method : new String[] { "ccoeff_normed", "ccoeff" }) {
			final CliRun run = CliRun.of("match-template", image.toString(), template.toString(), "method=" + method);
			assertEquals(0, run.exitCode, run::toString);
			assertTrue(run.err.contains("note: Every window scored 0, so the matches are arbitrary"), run::toString);
		}
		final CliRun sqdiff = CliRun.of("match-template", image.toString(), template.toString(), "method=sqdiff");
		assertFalse(sqdiff.err.contains("note:"), sqdiff::toString);
	}

	/** --csv writes the table to a file; matches= and threshold= limit it; Slice on stacks. */
	@Test
	void csvFileMatchesAndSlices() throws IOException {
		final int w = 20, h = 16, d = 3;
		final double[] pixels = new double[w * h * d];
		final Random random = new Random(5);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = random.nextGaussian();
		// a 5x5 Gaussian spot, top-left corner at (5 + 3z, 4 + z) in plane z
		final double[] spot = new double[25];
		for (int j = 0; j < 25; j++)
			spot[j] = 30 * Math.exp(-((j % 5 - 2) * (j % 5 - 2) + (j / 5 - 2) * (j / 5 - 2)) / 2.0);
		for (int z = 0; z < d; z++)
			for (int j = 0; j < 25; j++)
				pixels[z * w * h + (4 + z + j / 5) * w + 5 + 3 * z + j % 5] += spot[j];
		final Path stack = ImageIo.writeTiff(dir.resolve("stack.tif"), new int[] { w, h, d }, pixels);
		final Path template = ImageIo.writeTiff(dir.resolve("spot.tif"), new int[] { 5, 5 }, spot);
		final Path csv = dir.resolve("out/matches.csv");
		final CliRun run = CliRun.of("match-template", stack.toString(), template.toString(), "--csv", csv.toString(), "matches=5 threshold=0.9");
		assertEquals(0, run.exitCode, run::toString);
		assertTrue(run.out.contains("3 matches written to"), run.out);
		final List< String > lines = Files.readAllLines(csv);
		assertEquals("X,Y,BX,BY,Width,Height,Score,Slice", lines.get(0));
		assertEquals(4, lines.size(), lines.toString());
		final boolean[] seen = new boolean[d];
		for (final String line : lines.subList(1, lines.size())) {
			final String[] f = line.split(",");
			final int z = Integer.parseInt(f[7]) - 1;
			seen[z] = true;
			assertEquals(7 + 3 * z, Double.parseDouble(f[0]), 0, line);
			assertEquals(6 + z, Double.parseDouble(f[1]), 0, line);
		}
		assertArrayEquals(new boolean[] { true, true, true }, seen);
	}

	@Test
	void usageErrors() {
		final Path image = ImageIo.writeTiff(dir.resolve("i.tif"), new int[] { 8, 8 }, new double[64]);
		final String i = image.toString();
		assertUsage("Give an image file and a template file", "match-template", i);
		assertUsage("Unknown matching method 'best'", "match-template", i, i, "method=best");
		assertUsage("not full", "match-template", i, i, "mode=full");
		assertUsage("matches= must be a whole number", "match-template", i, i, "matches=0");
		assertUsage("--csv needs a file name", "match-template", i, i, "--csv");
		assertUsage("Cannot tell the output format", "match-template", i, i, "--scores", "s.bmp");
	}

	@Test
	void templateLargerThanImageInValidFails() {
		final Path small = ImageIo.writeTiff(dir.resolve("small.tif"), new int[] { 4, 4 }, new double[16]);
		final Path big = ImageIo.writeTiff(dir.resolve("big.tif"), new int[] { 6, 3 }, new double[18]);
		final CliRun run = CliRun.of("match-template", small.toString(), big.toString(), "mode=valid");
		assertEquals(1, run.exitCode, run::toString);
		assertTrue(run.err.startsWith("convolvej: "), run::toString);
		assertFalse(run.err.contains("\tat "), run::toString);
	}

	private static void assertUsage(final String message, final String... args) {
		final CliRun run = CliRun.of(args);
		assertEquals(2, run.exitCode, run::toString);
		assertTrue(run.err.startsWith("convolvej: ") && run.err.contains(message), run::toString);
	}

	@Test
	void csvAndScoresAreWhatTheMenuCommandComputes() throws IOException {
		final ImagePlus image = noise("scene", 80, 60, 1);
		final FloatProcessor cut = (FloatProcessor) image.getProcessor().duplicate();
		cut.setRoi(50, 20, 11, 9);
		final ImagePlus template = new ImagePlus("object", cut.crop());
		final Path imageFile = save(image, "scene.tif"), templateFile = save(template, "object.tif");
		final String options = "method=[Normalized square difference] mode=valid matches=3 min_distance=4 subpixel score_map";
		final Path csv = dir.resolve("out/matches.csv"), scores = dir.resolve("out/scores.tif");

		final CliRun run = CliRun.of("match-template", imageFile.toString(), templateFile.toString(), "--csv", csv.toString(), "--scores", scores.toString(), options);
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		assertTrue(run.out.contains("3 matches written to"), run.out);

		final MatchResult expected = TemplateMatching.run(image, template, MatchSettings.fromMacroOptions(options), null);
		final ResultsTable rt = expected.toTable();
		final List< String > lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals("X,Y,BX,BY,Width,Height,Score", lines.get(0));
		assertEquals(1 + 3, lines.size());
		for (int row = 0; row < 3; row++) {
			final String[] v = lines.get(row + 1).split(",");
			assertEquals(rt.getValue("X", row), Double.parseDouble(v[0]), 0, "every digit of the subpixel position");
			assertEquals(rt.getValue("Y", row), Double.parseDouble(v[1]), 0);
			assertEquals(Long.toString((long) rt.getValue("BX", row)), v[2], "whole numbers without decimals");
			assertEquals(Long.toString((long) rt.getValue("BY", row)), v[3]);
			assertEquals("11", v[4]);
			assertEquals("9", v[5]);
			assertEquals(rt.getValue("Score", row), Double.parseDouble(v[6]), 0);
		}
		assertEquals("50", lines.get(1).split(",")[2], "the best is where the template was cut");
		final ImagePlus written = IJ.openImage(scores.toString());
		assertEquals(80 - 10, written.getWidth());
		assertArrayEquals((float[]) expected.scoreMap().getProcessor().getPixels(), (float[]) written.getProcessor().getPixels());
	}

	@Test
	void withoutCsvTheTableGoesToStandardOutputWithSliceOnStacks() throws IOException {
		final ImagePlus stack = IJ.createImage("stack", "32-bit black", 40, 30, 3);
		final Random random = new Random(2);
		for (int z = 1; z <= 3; z++) {
			final float[] v = (float[]) stack.getStack().getPixels(z);
			for (int i = 0; i < v.length; i++)
				v[i] = random.nextFloat();
		}
		final FloatProcessor cut = (FloatProcessor) stack.getStack().getProcessor(2).duplicate();
		cut.setRoi(7, 9, 6, 5);
		final Path stackFile = save(stack, "stack.tif"), templateFile = save(new ImagePlus("t", cut.crop()), "t.tif");
		final CliRun run = CliRun.of("match-template", stackFile.toString(), templateFile.toString(), "mode=valid");
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		final String[] lines = run.out.split("\\R");
		assertEquals("X,Y,BX,BY,Width,Height,Score,Slice", lines[0]);
		assertEquals(1 + 3, lines.length, "one match per plane");
		final String[] plane2 = lines[2].split(",");
		assertEquals("9,11,7,9,6,5", String.join(",", java.util.Arrays.copyOf(plane2, 6)), "anchor (6-1)/2, (5-1)/2 from the corner it was cut at");
		assertEquals(1, Double.parseDouble(plane2[6]), 1e-6);
		assertEquals("2", plane2[7]);
	}

	@Test
	void theHelpListsTheCommand() {
		final CliRun run = CliRun.of("help", "match-template");
		assertEquals(ConvolveJCli.OK, run.exitCode);
		assertTrue(run.out.contains("match-template IMAGE TEMPLATE"), run.out);
		assertTrue(CliRun.of("help").out.contains("match-template"));
	}

	private Path save(final ImagePlus imp, final String name) {
		final Path p = dir.resolve(name);
		assertTrue(imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(p.toString()) : new FileSaver(imp).saveAsTiff(p.toString()));
		return p;
	}

	private static ImagePlus noise(final String title, final int w, final int h, final long seed) {
		final Random random = new Random(seed);
		final float[] v = new float[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = 100 * random.nextFloat();
		return new ImagePlus(title, new FloatProcessor(w, h, v));
	}

	/**
	 * Several template files, turned and mirrored copies and a mask file
	 * through the options: one table with Template, Angle and Flip columns,
	 * the planted copies at their corners with their turn and mirror.
	 */
	@Test
	void severalTurnedAndMaskedTemplatesFromFiles() throws IOException {
		final int w = 90, h = 70;
		final double[] pixels = new double[w * h];
		final Random random = new Random(5);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = random.nextInt(256);
		final int tw = 11, th = 7;
		final double[] a = new double[tw * th], b = new double[tw * th];
		for (int i = 0; i < a.length; i++) {
			a[i] = random.nextInt(256);
			b[i] = random.nextInt(256);
		}
		// a as it is at (5, 8); a turned a quarter left (7 wide, 11 high) at (40, 30); b mirrored left to right at (60, 10)
		for (int y = 0; y < th; y++)
			for (int x = 0; x < tw; x++) {
				pixels[(8 + y) * w + 5 + x] = a[y * tw + x];
				pixels[(10 + y) * w + 60 + x] = b[y * tw + tw - 1 - x];
			}
		for (int y = 0; y < tw; y++)
			for (int x = 0; x < th; x++)
				pixels[(30 + y) * w + 40 + x] = a[x * tw + (tw - 1 - y)];
		final double[] mask = new double[tw * th];
		java.util.Arrays.fill(mask, 1);
		mask[0] = 0;
		final Path image = ImageIo.writeTiff(dir.resolve("scene.tif"), new int[] { w, h }, pixels);
		final Path ta = ImageIo.writeTiff(dir.resolve("a.tif"), new int[] { tw, th }, a);
		final Path tb = ImageIo.writeTiff(dir.resolve("b.tif"), new int[] { tw, th }, b);
		final Path m = ImageIo.writeTiff(dir.resolve("mask.tif"), new int[] { tw, th }, mask);
		final CliRun run = CliRun.of("match-template", image.toString(), "templates=[" + ta + "," + tb + "] mask=[" + m + "] rotations=[0,90,180,270] flip=Horizontal matches=3 threshold=0.99");
		assertEquals(0, run.exitCode, run::toString);
		final String[] lines = run.out.split("\n");
		assertEquals("X,Y,BX,BY,Width,Height,Score,Template,Angle,Flip", lines[0]);
		assertEquals(4, lines.length, run.out);
		final java.util.Set< String > rows = new java.util.HashSet<>();
		for (int i = 1; i < lines.length; i++) {
			final String[] f = lines[i].split(",");
			rows.add(f[2] + "," + f[3] + "," + f[4] + "," + f[5] + "," + f[7] + "," + f[8] + "," + f[9]);
		}
		assertEquals(java.util.Set.of("5,8,11,7,a.tif,0,None", "40,30,7,11,a.tif,90,None", "60,10,11,7,b.tif,0,Horizontal"), rows, run.out);
		final CliRun noTemplate = CliRun.of("match-template", image.toString(), "matches=3");
		assertEquals(2, noTemplate.exitCode, noTemplate::toString);
		assertTrue(noTemplate.err.contains("templates=[a.png,b.png]"), noTemplate.err);
	}

	/** Whole numbers 0..255 at random, w x h, x fastest. */
	private static double[] noise(final int w, final int h, final long seed) {
		final double[] pixels = new double[w * h];
		final Random random = new Random(seed);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = random.nextInt(256);
		return pixels;
	}
}
