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
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.TemplateMatching;

/** {@code convolvej match-template}: files in, the Matches table as CSV and the score map out, as the menu command computes them. */
class MatchCommandTest {

	@TempDir
	Path dir;

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
	void badOptionsAreUsageErrorsAndBadImagesFailures() throws IOException {
		final Path image = save(noise("a", 20, 20, 3), "a.tif"), big = save(noise("b", 30, 5, 4), "b.tif");
		CliRun run = CliRun.of("match-template", image.toString(), big.toString(), "method=[best guess]");
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
		assertTrue(run.err.contains("Unknown matching method"), run.err);
		run = CliRun.of("match-template", image.toString());
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
		run = CliRun.of("match-template", image.toString(), big.toString(), "--csv");
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
		final Path csv = dir.resolve("never.csv");
		run = CliRun.of("match-template", image.toString(), big.toString(), "--csv", csv.toString(), "mode=valid");
		assertEquals(ConvolveJCli.FAILURE, run.exitCode, run.toString());
		assertTrue(run.err.contains("larger than the image"), run.err);
		assertFalse(Files.exists(csv), "nothing written");
		run = CliRun.of("match-template", dir.resolve("missing.png").toString(), big.toString());
		assertEquals(ConvolveJCli.FAILURE, run.exitCode, run.toString());
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
}
