package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import io.github.convolvej.core.Kernel;

/**
 * Seeded random input, as a hostile user would type it: kernel text, options
 * strings and damaged TIFF headers, over 10,000 cases. Each either works or
 * ends with a one-line message; none hangs, prints a stack trace, leaves an
 * output behind on failure or changes its input. A failing case prints its
 * seed and text, so it can be replayed.
 */
class FuzzTest {

	private static final String[] KERNEL_PIECES = { "0", "1", "-1", "2.5", "1e3", "1e-300", "1e308", "-0", "3i", "-2i", "1+2i", "nan", "inf",
			"-inf", " ", " ", ";", ";", ",", "[", "]", "[[", "]]", "(", ")", "box(3)", "box(", "gaussian(1.5)", "gaussian(2,1)", "gaussian(0)",
			"gaussian(-1)", "laplace", "sobel-x", "scharr", "ripple", "box(1e9)", "e", "i", "+", "-", "..", "1.2.3", "\t", "\n", "\"", "'", "#",
			"0x10", "1_000", "٣", "∞" };

	private static final String[] OPTION_PIECES = { "kernel=", "kernel=[", "kernel=laplace", "kernel=[1 2; 3 4]", "kernel=[[1,2],[3,4]]", "kernel=box(3)",
			"mode=", "mode=full", "mode=same", "mode=valid", "mode=[valid", "modee=full", "boundary=symm", "boundary=wrap", "boundary=fill",
			"boundary=mirror", "boundary=nearest", "boundary=reflect", "boundary=bogus", "value=0", "value=NaN", "value=1e400", "value=abc",
			"anchor=center", "anchor=[0,0]", "anchor=[-1,5]", "anchor=[1,2,3]", "anchor=[x", "normalize", "output=32-bit",
			"output=[Same as input]", "output=[Same", "complex=Magnitude", "complex=All", "complex=Real", "algorithm=FFT",
			"algorithm=Direct", "algorithm=Separable", "algorithm=Auto", "algorithm=GPU", "nan=Interpolate", "nan=Fill", "nan=Propagate",
			"nan=bogus", "preserve_nan", "certainty", "scaled", " ", " ", "[", "]", "=", "==", "\"", "'", "kernel_image=nosuch.tif",
			"mask=nosuch.tif" };

	private static final String[] MATCH_PIECES = { "method=[Correlation coefficient]", "method=sqdiff", "method=ccoeff_normed", "method=[Bogus]",
			"method=[Normalized", "mode=valid", "mode=same", "mode=full", "matches=0", "matches=-3", "matches=5", "matches=1e9", "matches=x",
			"threshold=0.5", "threshold=NaN", "threshold=-1e300", "min_distance=0", "min_distance=-2", "min_distance=3", "max_overlap=0.3",
			"max_overlap=2", "anchor=[1,1]", "anchor=[99,99]", "anchor=center", "subpixel", "score_map", "boundary=wrap", "boundary=fill",
			"value=3", "value=", "templat=x", "[", "]", " ", "=" };

	private static final long SEED = 20261203L;

	@TempDir
	Path dir;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void kernelText() {
		final Random rnd = new Random(SEED);
		for (int i = 0; i < 5000; i++) {
			final String text = pieces(rnd, KERNEL_PIECES, 1 + rnd.nextInt(12));
			try {
				final Kernel k = Kernel.parse(text);
				assertNotNull(k);
				assertTrue(k.size() > 0, "an empty kernel was accepted: " + text);
			}
			catch (final IllegalArgumentException e) {
				assertOneCleanLine(e.getMessage(), "kernel case " + i + ": '" + text + "'");
			}
			catch (final RuntimeException | Error e) {
				throw new AssertionError("kernel case " + i + ": '" + text + "' threw " + e, e);
			}
		}
	}

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void optionStrings() throws IOException {
		final Path in = dir.resolve("in.tif");
		new FileSaver(IJ.createImage("ramp", "16-bit ramp", 12, 9, 1)).saveAsTiff(in.toString());
		final byte[] before = Files.readAllBytes(in);
		final Path out = dir.resolve("out.tif");
		final Random rnd = new Random(SEED + 1);
		for (int i = 0; i < 3000; i++) {
			final String options = pieces(rnd, OPTION_PIECES, 1 + rnd.nextInt(6));
			final String command = rnd.nextBoolean() ? "convolve-nd" : "correlate-nd";
			final CliRun run = CliRun.of(command, in.toString(), out.toString(), options);
			checkRun(run, out, "options case " + i + ": " + command + " '" + options + "'");
			Files.deleteIfExists(out);
		}
		final Path template = dir.resolve("template.tif"), csv = dir.resolve("matches.csv");
		final ij.ImagePlus patch = IJ.openImage(in.toString());
		patch.setRoi(2, 2, 5, 4);
		new FileSaver(patch.crop()).saveAsTiff(template.toString());
		for (int i = 0; i < 1000; i++) {
			final String options = pieces(rnd, MATCH_PIECES, 1 + rnd.nextInt(5));
			final CliRun run = CliRun.of("match-template", in.toString(), template.toString(), "--csv", csv.toString(), options);
			checkRun(run, csv, "match case " + i + ": '" + options + "'");
			Files.deleteIfExists(csv);
		}
		assertArrayEquals(before, Files.readAllBytes(in), "the input is never changed");
	}

	/**
	 * In a headless JVM of its own, as the command line runs: in a JVM where
	 * ImageJ has a window, ImageJ's reader answers some damaged files with a
	 * dialog that waits for a click.
	 */
	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void damagedTiffHeaders() throws IOException, InterruptedException {
		final CliRun run = CliRun.mainInChildJvm(FuzzTest.class, dir, 110, dir.toString(), String.valueOf(SEED + 2), "2500");
		assertTrue(run.exitCode == 0 && run.out.contains("2500 damaged TIFF files"), run.toString());
	}

	/** Runs {@code count} damaged TIFF cases in folder {@code args[0]} from seed {@code args[1]}; exit 1 at the first failure. */
	public static void main(final String[] args) throws IOException {
		try {
			damagedTiffHeaders(Path.of(args[0]), Long.parseLong(args[1]), Integer.parseInt(args[2]));
			System.out.println(args[2] + " damaged TIFF files: none hung, each read or refused cleanly.");
			System.exit(0);
		}
		catch (final AssertionError e) {
			System.out.println(e.getMessage());
			System.exit(1);
		}
	}

	private static void damagedTiffHeaders(final Path dir, final long seed, final int count) throws IOException {
		final ImageStack stack = new ImageStack(10, 7);
		for (int z = 0; z < 3; z++)
			stack.addSlice(IJ.createImage("s", "16-bit ramp", 10, 7, 1).getProcessor());
		final byte[][] originals = { tiffBytes(dir, new ImagePlus("stack", stack)), tiffBytes(dir, IJ.createImage("plane", "32-bit ramp", 9, 5, 1)) };
		final Path in = dir.resolve("damaged.tif"), out = dir.resolve("out.tif");
		final Random rnd = new Random(seed);
		for (int i = 0; i < count; i++) {
			final byte[] bytes = originals[i % 2].clone();
			final byte[] damaged = damage(rnd, bytes);
			Files.write(in, damaged);
			final CliRun run = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=box(3) normalize");
			checkRun(run, out, "TIFF case " + i);
			assertArrayEquals(damaged, Files.readAllBytes(in), "TIFF case " + i + ": the input is never changed");
			Files.deleteIfExists(out);
		}
	}

	/** Some bytes of the header or the IFD replaced, or the file cut short, or both. */
	private static byte[] damage(final Random rnd, final byte[] bytes) {
		byte[] b = bytes;
		final int edits = rnd.nextInt(4);
		for (int e = 0; e < edits; e++) {
			// the header and first IFD are near the start; ImageJ's description may sit at the end
			final int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(Math.min(b.length, 200));
			b[at] = rnd.nextInt(3) == 0 ? (byte) 0xFF : (byte) rnd.nextInt(256);
		}
		if (edits == 0 || rnd.nextInt(3) == 0)
			b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
		return b;
	}

	private static byte[] tiffBytes(final Path dir, final ImagePlus image) throws IOException {
		final Path p = dir.resolve("original.tif");
		assertTrue(new FileSaver(image).saveAsTiff(p.toString()));
		return Files.readAllBytes(p);
	}

	/** Done with an output, or failed with a clean message and no output. */
	private static void checkRun(final CliRun run, final Path out, final String what) {
		switch (run.exitCode) {
			case ConvolveJCli.OK:
				assertTrue(Files.exists(out), what + ": exit 0 without an output\n" + run);
				break;
			case ConvolveJCli.FAILURE:
			case ConvolveJCli.USAGE:
				assertFalse(Files.exists(out), what + ": an output was left after a failure\n" + run);
				assertTrue(run.err.startsWith("convolvej: "), what + "\n" + run);
				assertFalse(run.err.matches("(?s)convolvej: Unexpected [a-z]+\\..*"), what + ": a defect\n" + run);
				assertOneCleanLine(run.err.split("\n")[0], what);
				break;
			default:
				fail(what + ": exit code " + run.exitCode + "\n" + run);
		}
	}

	private static void assertOneCleanLine(final String message, final String what) {
		assertNotNull(message, what + ": no message");
		assertFalse(message.isBlank(), what + ": an empty message");
		assertFalse(message.contains("\tat ") || message.matches("(?s).*\\bat [a-z]+\\.[a-z.]+\\.[A-Z]\\w*\\.\\w+\\(.*"), what + ": a stack trace: " + message);
		assertFalse(message.matches("(?s)^(java|javax|ij)\\.[\\w.]+(Exception|Error).*"), what + ": a raw exception: " + message);
	}

	private static String pieces(final Random rnd, final String[] from, final int count) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0 && rnd.nextBoolean())
				sb.append(' ');
			sb.append(from[rnd.nextInt(from.length)]);
		}
		return sb.toString();
	}
}
