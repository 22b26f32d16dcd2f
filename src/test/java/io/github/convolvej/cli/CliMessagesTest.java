package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.io.FileSaver;

/**
 * What the command line says when something is wrong: one line on standard
 * error that names what the user gave, never a temporary name or a bare
 * path, and nothing from ImageJ on standard output.
 */
class CliMessagesTest {

	@TempDir
	Path dir;

	private Path image() {
		final Path in = dir.resolve("in.tif");
		new FileSaver(IJ.createImage("ramp", "32-bit ramp", 32, 24, 1)).saveAsTiff(in.toString());
		return in;
	}

	@Test
	void anUnwritableOutputIsNamedAsGivenWithTheReason() {
		final Path in = image();
		// /proc takes no new files, not even from root
		final CliRun image = CliRun.of("convolve-nd", in.toString(), "/proc/convolvej-out.tif", "kernel=laplace");
		assertEquals(ConvolveJCli.FAILURE, image.exitCode, image.toString());
		assertTrue(image.err.startsWith("convolvej: Could not write /proc/convolvej-out.tif: "), image.toString());
		assertFalse(image.err.contains(".partial"), "the temporary name stays hidden: " + image);
		final CliRun csv = CliRun.of("match-template", in.toString(), in.toString(), "--csv", "/proc/convolvej.csv");
		assertEquals(ConvolveJCli.FAILURE, csv.exitCode, csv.toString());
		assertTrue(csv.err.startsWith("convolvej: Could not write /proc/convolvej.csv: "), csv.toString());
	}

	@Test
	void benchRefusesFewerThanOneThread() {
		for (final String threads : Arrays.asList("-1", "0")) {
			final CliRun run = CliRun.of("bench", "--threads", threads, "--only", "W1");
			assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
			assertTrue(run.err.contains("--threads needs a whole number of at least 1, got " + threads), run.toString());
			assertEquals("", run.out, "nothing measured");
		}
	}

	@Test
	void threadsChangeNothingButTheThreads() throws IOException {
		final Path in = image();
		final Path one = dir.resolve("one.tif"), all = dir.resolve("all.tif");
		assertEquals(ConvolveJCli.OK, CliRun.of("convolve-nd", in.toString(), one.toString(), "kernel=[gaussian(2)]", "--threads", "1").exitCode);
		assertEquals(ConvolveJCli.OK, CliRun.of("convolve-nd", in.toString(), all.toString(), "kernel=[gaussian(2)]").exitCode);
		assertArrayEquals((float[]) IJ.openImage(all.toString()).getProcessor().getPixels(), (float[]) IJ.openImage(one.toString()).getProcessor().getPixels());
		final CliRun zero = CliRun.of("convolve-nd", in.toString(), dir.resolve("z.tif").toString(), "kernel=laplace", "--threads", "0");
		assertEquals(ConvolveJCli.USAGE, zero.exitCode, zero.toString());
		assertTrue(zero.err.contains("--threads needs a whole number of at least 1"), zero.toString());
		final CliRun missing = CliRun.of("convolve-nd", "/no/such.tif", dir.resolve("m.tif").toString(), "kernel=laplace", "--threads", "2");
		assertEquals(ConvolveJCli.FAILURE, missing.exitCode, missing.toString());
		assertTrue(missing.err.contains("No such image file"), missing.toString());
		// match-template takes --threads too, anywhere among its arguments
		final CliRun matchOne = CliRun.of("match-template", "--threads", "1", in.toString(), in.toString(), "mode=valid");
		final CliRun matchAll = CliRun.of("match-template", in.toString(), in.toString(), "mode=valid");
		assertEquals(ConvolveJCli.OK, matchOne.exitCode, matchOne.toString());
		assertEquals(matchAll.out, matchOne.out);
		final CliRun matchZero = CliRun.of("match-template", in.toString(), in.toString(), "--threads", "0");
		assertEquals(ConvolveJCli.USAGE, matchZero.exitCode, matchZero.toString());
		assertTrue(matchZero.err.contains("--threads needs a whole number of at least 1"), matchZero.toString());
	}

	@Test
	void anUnclosedBracketIsNamedNotTheKeyAfterIt() {
		final CliRun run = CliRun.of("convolve-nd", image().toString(), dir.resolve("out.tif").toString(), "kernel=[1 2 mode=valid");
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
		assertTrue(run.err.contains("opens a bracket '[' that is never closed"), run.toString());
		assertFalse(Files.exists(dir.resolve("out.tif")));
	}

	@Test
	void whatImageJPrintsGoesToStandardError() throws IOException, InterruptedException {
		// ImageJ prints its reader's exception for a cut PNG, and a FileInfo error for a TIFF of height 0
		final byte[] png = Files.readAllBytes(Path.of("src/main/resources/samples").resolve(firstPng()));
		final Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, 300));
		final Path flat = Files.write(dir.resolve("flat.tif"), new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0, 1, 3, 0, 1, 0, 0, 0, 16, 0 });
		for (final Path bad : Arrays.asList(cut, flat)) {
			final CliRun run = CliRun.inChildJvm(dir, 60, "convolve-nd", bad.toString(), dir.resolve("out.tif").toString(), "kernel=laplace");
			assertEquals(ConvolveJCli.FAILURE, run.exitCode, run.toString());
			assertEquals("", run.out, "standard output holds only what the command gives");
			assertTrue(run.err.contains("convolvej: Cannot read " + bad), run.toString());
		}
	}

	private static String firstPng() throws IOException {
		try (var files = Files.list(Path.of("src/main/resources/samples"))) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().findFirst().orElseThrow();
		}
	}
}
