package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --each}: many files in one run, each as if given alone; a damaged
 * file is listed at the end and does not stop the others; bad options stop
 * the run before any file is read.
 */
class EachFileTest {

	@TempDir
	Path dir;

	/** Five noise images data/img1.tif .. img5.tif (natural order), and one damaged file. */
	private Path folder() throws IOException {
		final Path data = Files.createDirectories(dir.resolve("data"));
		final Random random = new Random(3);
		for (int f = 1; f <= 5; f++) {
			final double[] v = new double[24 * 18];
			for (int i = 0; i < v.length; i++)
				v[i] = random.nextInt(200);
			ImageIo.writeTiff(data.resolve("img" + f + ".tif"), new int[] { 24, 18 }, v);
		}
		Files.write(data.resolve("img6.tif"), new byte[] { 'I', 'I', 42, 0, 1, 2, 3 });
		return data;
	}

	@Test
	void everyFileAsIfAloneAndADamagedOneListedAtTheEnd() throws IOException {
		final Path data = folder();
		final Path out = dir.resolve("out");
		final String options = "kernel=[1 2 1; 0 3 0; -1 0 1] mode=same boundary=symm";
		final CliRun run = CliRun.of("convolve-nd", "--each", data.resolve("*.tif").toString(), out.toString(), options);
		assertEquals(ConvolveJCli.FAILURE, run.exitCode, run::toString);
		assertTrue(run.err.contains("5 of 6 files done; 1 failed:"), run.err);
		assertTrue(run.err.contains("img6.tif: "), run.err);
		assertTrue(run.err.contains("file 6 / 6"), "a progress line: " + run.err);
		for (int f = 1; f <= 5; f++) {
			final Path alone = dir.resolve("alone" + f + ".tif");
			assertEquals(0, CliRun.of("convolve-nd", data.resolve("img" + f + ".tif").toString(), alone.toString(), options).exitCode);
			assertArrayEquals(ImageIo.readFlat(alone), ImageIo.readFlat(out.resolve("img" + f + ".tif")), "img" + f);
		}
		assertFalse(Files.exists(out.resolve("img6.tif")));
	}

	@Test
	void badOptionsOrPlacesStopTheRunBeforeAnyFile() throws IOException {
		final Path data = folder();
		final Path out = dir.resolve("out");
		CliRun run = CliRun.of("convolve-nd", "--each", data.resolve("*.tif").toString(), out.toString(), "kernel=[1 x]");
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run::toString);
		assertFalse(Files.exists(out), "nothing made");
		run = CliRun.of("convolve-nd", "--each", data.resolve("*.png").toString(), out.toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.USAGE, run.exitCode);
		assertTrue(run.err.contains("matches no file"), run.err);
		run = CliRun.of("convolve-nd", "--each", data.resolve("*.tif").toString(), data.toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.USAGE, run.exitCode);
		assertTrue(run.err.contains("never overwrites its input"), run.err);
		run = CliRun.of("convolve-nd", "--each", dir.resolve("d*").resolve("*.tif").toString(), out.toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.USAGE, run.exitCode);
		assertTrue(run.err.contains("in the file name only"), run.err);
	}

	@Test
	void aFolderGivenWholeTakesItsImages() throws IOException {
		final Path data = folder();
		Files.delete(data.resolve("img6.tif"));
		Files.writeString(data.resolve("notes.txt"), "not an image");
		final CliRun run = CliRun.of("correlate-nd", "--each", data.toString(), dir.resolve("o").toString(), "kernel=sobel-x");
		assertEquals(ConvolveJCli.OK, run.exitCode, run::toString);
		assertTrue(run.err.contains("5 of 5 files done."), run.err);
		try (var list = Files.list(dir.resolve("o"))) {
			assertEquals(5, list.count());
		}
	}

	@Test
	void matchTemplateWritesOneTableWithAFileColumn() throws IOException {
		final Path data = folder();
		Files.delete(data.resolve("img6.tif"));
		// the template cut from img3 at (9, 5), 7 x 6
		final float[] img3 = ImageIo.readFlat(data.resolve("img3.tif"));
		final double[] cut = new double[7 * 6];
		for (int y = 0; y < 6; y++)
			for (int x = 0; x < 7; x++)
				cut[y * 7 + x] = img3[(5 + y) * 24 + 9 + x];
		final Path template = ImageIo.writeTiff(dir.resolve("t.tif"), new int[] { 7, 6 }, cut);
		final Path csv = dir.resolve("all.csv");
		final CliRun run = CliRun.of("match-template", "--each", data.resolve("img*.tif").toString(), template.toString(), "--csv", csv.toString(), "matches=1");
		assertEquals(ConvolveJCli.OK, run.exitCode, run::toString);
		final List< String > lines = Files.readAllLines(csv);
		assertEquals("File,X,Y,BX,BY,Width,Height,Score", lines.get(0));
		assertEquals(6, lines.size(), "one best match per file");
		for (final String line : lines.subList(1, 6)) {
			final String[] f = line.split(",");
			if (f[0].equals("img3.tif")) {
				assertEquals("9", f[3]);
				assertEquals("5", f[4]);
				assertEquals(1, Double.parseDouble(f[7]), 1e-5);
			} else
				assertTrue(Double.parseDouble(f[7]) < 0.99, line);
		}
		assertTrue(lines.get(1).startsWith("img1.tif,") && lines.get(5).startsWith("img5.tif,"), "files in natural order");
	}
}
