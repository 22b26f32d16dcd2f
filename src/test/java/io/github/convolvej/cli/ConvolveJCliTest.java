package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.GoldenCase;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.Kernel;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** The command-line tool on small files: numbers, output formats, errors. */
class ConvolveJCliTest {

	@TempDir
	Path dir;

	/**
	 * Every 1-D to 3-D convolution case of the golden file (SciPy's numbers),
	 * through files: TIFF in, options string, TIFF out. Complex kernels are
	 * checked part by part (complex=Real, complex=Imaginary). Tolerance
	 * 1e-4 relative, as the automatic engine choice may take the FFT path.
	 */
	@Test
	void goldenCasesThroughFiles() throws IOException {
		int checked = 0;
		for (final GoldenCase c : GoldenCase.all()) {
			if (c.isMatch())
				continue;
			final int[] imageDims = c.image.dims;
			final int[] kernelDims = c.kernel.dims;
			// A one-plane stack is a 2-D image in a file: no Z axis for a 3-D kernel.
			final boolean flatStack = imageDims.length == 3 && imageDims[2] == 1 && kernelDims.length == 3 && kernelDims[2] > 1;
			if (imageDims.length > 3 || flatStack)
				continue;
			final Path in = ImageIo.writeTiff(dir.resolve(c.id + ".tif"), imageDims, c.image.re);
			final String command = c.operation() == Operation.CONVOLVE ? "convolve-nd" : "correlate-nd";
			final boolean complex = c.kernel.isComplex();
			final Path real = dir.resolve(c.id + "-re.tif");
			assertRun(0, command, in.toString(), real.toString(), options(c) + (complex ? " complex=Real" : ""));
			assertClose(c.id, c.expected.re, ImageIo.readFlat(real));
			assertArrayEquals(padded(c.expected.dims), ImageIo.size(real), c.id + " size");
			if (complex) {
				final Path imaginary = dir.resolve(c.id + "-im.tif");
				assertRun(0, command, in.toString(), imaginary.toString(), options(c) + " complex=Imaginary");
				assertClose(c.id + " imaginary", c.expected.im, ImageIo.readFlat(imaginary));
			}
			checked++;
		}
		assertTrue(checked >= 140, "golden cases checked: " + checked);
	}

	/** The macro options of a golden case: kernel as text (x along rows, ';' rows, '|' planes), anchor given. */
	private static String options(final GoldenCase c) {
		final int[] dims = c.kernel.dims;
		final int w = dims[0];
		final int h = dims.length > 1 ? dims[1] : 1;
		final StringBuilder kernel = new StringBuilder();
		for (int i = 0; i < c.kernel.re.length; i++) {
			if (i > 0)
				kernel.append(i % (w * h) == 0 ? " | " : i % w == 0 ? "; " : " ");
			final double im = c.kernel.im == null ? 0 : c.kernel.im[i];
			kernel.append(c.kernel.re[i]);
			if (im != 0)
				kernel.append(im < 0 ? "-" : "+").append(Math.abs(im)).append('i');
		}
		final StringBuilder anchor = new StringBuilder();
		for (final int a : c.anchor)
			anchor.append(anchor.length() == 0 ? "" : ",").append(a);
		return "kernel=[" + kernel + "] mode=" + c.mode + " boundary=" + c.boundary + " value=" + c.value + " anchor=[" + anchor + "]";
	}

	/** The file round trip gives the core's own numbers. */
	@Test
	void sameNumbersAsTheCore() {
		final int w = 37, h = 23;
		final double[] pixels = new double[w * h];
		final Random random = new Random(3);
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = Math.round(random.nextDouble() * 255);
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { w, h }, pixels);
		final Path out = dir.resolve("out.tif");
		assertRun(0, "convolve-nd", in.toString(), out.toString(), "kernel=[gaussian(1.5)] mode=valid boundary=wrap");

		final float[] data = new float[pixels.length];
		for (int i = 0; i < data.length; i++)
			data[i] = (float) pixels[i];
		final Img< FloatType > expected = Convolution.apply(ArrayImgs.floats(data, w, h), Kernel.parse("gaussian(1.5)"),
				io.github.convolvej.core.ConvolutionOptions.convolve().mode(io.github.convolvej.core.OutputMode.VALID)
						.boundary(io.github.convolvej.core.Boundary.WRAP)).real();
		final float[] got = ImageIo.readFlat(out);
		assertEquals(expected.size(), got.length);
		final Cursor< FloatType > cursor = Views.flatIterable(expected).cursor();
		for (int i = 0; i < got.length; i++)
			assertEquals(cursor.next().get(), got[i], 1e-4, "pixel " + i);
	}

	/** Split options (no quotes in the shell) are joined back into one string. */
	@Test
	void optionsMayComeInSeveralArguments() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 5, 4 }, ramp(20));
		final Path joined = dir.resolve("joined.tif");
		final Path split = dir.resolve("split.tif");
		assertRun(0, "correlate-nd", in.toString(), joined.toString(), "kernel=[1 2; 3 4] mode=full boundary=nearest");
		assertRun(0, "correlate-nd", in.toString(), split.toString(), "kernel=[1", "2;", "3", "4]", "mode=full", "boundary=nearest");
		assertArrayEquals(ImageIo.readFlat(joined), ImageIo.readFlat(split));
	}

	/** kernel_image= names a file on the command line; same numbers as the kernel as text. */
	@Test
	void kernelImageIsAFile() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 6, 5 }, ramp(30));
		final Path kernel = ImageIo.writeTiff(dir.resolve("kernel.tif"), new int[] { 3, 2 }, new double[] { 1, -2, 0.5, 4, 0, -1 });
		final Path fromFile = dir.resolve("file.tif");
		final Path fromText = dir.resolve("text.tif");
		assertRun(0, "convolve-nd", in.toString(), fromFile.toString(), "kernel_image=[" + kernel + "] mode=full boundary=fill value=2");
		assertRun(0, "convolve-nd", in.toString(), fromText.toString(), "kernel=[1 -2 0.5; 4 0 -1] mode=full boundary=fill value=2");
		assertArrayEquals(ImageIo.readFlat(fromText), ImageIo.readFlat(fromFile));
		assertArrayEquals(new int[] { 8, 6, 1 }, ImageIo.size(fromFile));
	}

	/** mask= names a file; certainty writes OUT-certainty beside OUT; numbers as the ImageJ filter gives them. */
	@Test
	void maskFileAndCertainty() {
		final double[] values = ramp(42);
		values[10] = Double.NaN;
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 7, 6 }, values);
		final double[] m = new double[42];
		java.util.Arrays.fill(m, 1);
		m[20] = 0;
		final Path mask = ImageIo.writeTiff(dir.resolve("mask.tif"), new int[] { 7, 6 }, m);
		final Path out = dir.resolve("out.tif");
		assertRun(0, "convolve-nd", in.toString(), out.toString(), "kernel=[box(3)] boundary=fill value=NaN nan=Interpolate mask=[" + mask + "] certainty");
		final double[] c = new double[42];
		for (int i = 0; i < 42; i++)
			c[i] = Double.isNaN(values[i]) || m[i] == 0 ? 0 : 1;
		final double[] expected = io.github.convolvej.core.MissingReference.compute(values, m, new int[] { 7, 6 }, io.github.convolvej.core.NamedKernels.box(3), io.github.convolvej.core.Operation.CONVOLVE,
				io.github.convolvej.core.OutputMode.SAME, io.github.convolvej.core.Boundary.FILL, Double.NaN, io.github.convolvej.core.MissingData.INTERPOLATE);
		final float[] result = ImageIo.readFlat(out);
		for (int i = 0; i < 42; i++)
			assertEquals(expected[i], result[i], 1e-4, "pixel " + i);
		final float[] certainty = ImageIo.readFlat(dir.resolve("out-certainty.tif"));
		// the corner pixel sees 4 of its 9 neighbours, none missing
		assertEquals(4 / 9.0, certainty[0], 1e-6);
		assertEquals("out-certainty.tif", java.nio.file.Paths.get(ConvolveJCli.certaintyPath(out.toString())).getFileName().toString());
	}

	/** scaled on a file without a pixel size: a message that says how to set one, and no output file. */
	@Test
	void scaledNeedsACalibratedImage() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 6, 5 }, ramp(30));
		final Path out = dir.resolve("out.tif");
		final CliRun run = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=[gaussian(1)] scaled");
		assertEquals(1, run.exitCode, run.toString());
		assertTrue(run.err.contains("Analyze > Set Scale"), run.err);
		assertFalse(java.nio.file.Files.exists(out));
		final CliRun bad = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=[box(3)] nan=sometimes");
		assertEquals(2, bad.exitCode, bad.toString());
		assertTrue(bad.err.contains("Propagate"), bad.err);
	}

	/** A 32-bit result in a PNG is rounded and clipped to 0..255, with a note when values were lost. */
	@Test
	void pngClipsThirtyTwoBitResults() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 4, 1 }, new double[] { 0, 100, 10, 250 });
		final Path png = dir.resolve("out.png");
		// pixel x-1 minus pixel x, zero fill: 0, -100, 90, -240
		final CliRun run = assertRun(0, "correlate-nd", in.toString(), png.toString(), "kernel=[1 -1] mode=same boundary=fill value=0 anchor=[1]");
		final ImagePlus image = IJ.openImage(png.toString());
		assertEquals(8, image.getBitDepth());
		assertArrayEquals(new float[] { 0, 0, 90, 0 }, ImageIo.readFlat(png));
		assertTrue(run.err.contains("2 of 4 values lay outside 0..255"), run.toString());
	}

	/** --scale stretches the result's min..max to 0..255. */
	@Test
	void pngScaleStretchesMinToMax() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 3, 1 }, new double[] { -50, 0, 150 });
		final Path png = dir.resolve("out.png");
		assertRun(0, "convolve-nd", in.toString(), png.toString(), "kernel=[2] mode=same", "--scale");
		// -100, 0, 300 -> 0, 255 * 100 / 400, 255
		assertArrayEquals(new float[] { 0, Math.round(255 * 100 / 400.0), 255 }, ImageIo.readFlat(png));
	}

	/** RGB in: "Same as input" gives RGB; 32-bit gives three channels, written to PNG as RGB. */
	@Test
	void rgbToPng() throws IOException {
		final ColorProcessor rgb = new ColorProcessor(3, 2);
		for (int i = 0; i < 6; i++)
			rgb.set(i, (10 * i << 16) | (20 * i << 8) | (40 * i));
		final Path in = dir.resolve("rgb.png");
		assertTrue(new FileSaver(new ImagePlus("rgb", rgb)).saveAsPng(in.toString()));
		for (final String output : new String[] { "[Same as input]", "32-bit" }) {
			final Path out = dir.resolve("out-" + output.length() + ".png");
			assertRun(0, "convolve-nd", in.toString(), out.toString(), "kernel=[2] output=" + output);
			final ImagePlus image = IJ.openImage(out.toString());
			assertEquals(ImagePlus.COLOR_RGB, image.getType());
			final int[] pixels = (int[]) image.getProcessor().getPixels();
			for (int i = 0; i < 6; i++) {
				final int expected = (Math.min(255, 20 * i) << 16) | (Math.min(255, 40 * i) << 8) | Math.min(255, 80 * i);
				assertEquals(expected, pixels[i] & 0xffffff, output + " pixel " + i);
			}
		}
	}

	/** A stack cannot go into a PNG: a clear failure that suggests .tif. */
	@Test
	void stackToPngFails() {
		final Path in = ImageIo.writeTiff(dir.resolve("stack.tif"), new int[] { 3, 3, 2 }, ramp(18));
		final CliRun run = assertRun(1, "convolve-nd", in.toString(), dir.resolve("out.png").toString(), "kernel=laplace");
		assertTrue(run.err.contains("Write it as .tif"), run.toString());
	}

	/** sample:NAME opens a bundled sample. */
	@Test
	void sampleInput() {
		final Path out = dir.resolve("cameraman.tif");
		assertRun(0, "convolve-nd", "sample:cameraman", out.toString(), "kernel=[box(3)] mode=valid");
		assertArrayEquals(new int[] { 510, 510, 1 }, ImageIo.size(out));
	}

	/** An 8-bit image blurred and written as PNG keeps the values the 32-bit result rounds to. */
	@Test
	void eightBitBlurToPngKeepsValues() {
		final ByteProcessor bp = new ByteProcessor(4, 3);
		for (int i = 0; i < 12; i++)
			bp.set(i, 20 * i);
		final Path in = dir.resolve("in.png");
		assertTrue(new FileSaver(new ImagePlus("in", bp)).saveAsPng(in.toString()));
		final Path tif = dir.resolve("out.tif");
		final Path png = dir.resolve("out.png");
		assertRun(0, "convolve-nd", in.toString(), tif.toString(), "kernel=[box(3)] boundary=mirror");
		assertRun(0, "convolve-nd", in.toString(), png.toString(), "kernel=[box(3)] boundary=mirror");
		final float[] exact = ImageIo.readFlat(tif);
		final float[] rounded = ImageIo.readFlat(png);
		for (int i = 0; i < exact.length; i++)
			assertEquals(Math.round(exact[i]), rounded[i], "pixel " + i);
	}

	@Test
	void noArgumentsIsAUsageError() {
		final CliRun run = CliRun.of();
		assertEquals(2, run.exitCode);
		assertTrue(run.err.contains("Usage: convolvej COMMAND"), run.toString());
	}

	@Test
	void helpForEveryCommand() {
		assertTrue(assertRun(0, "--help").out.contains("convolve-nd IN OUT"));
		assertTrue(assertRun(0, "help").out.contains("Exit codes"));
		for (final String command : CliHelp.COMMANDS) {
			assertTrue(assertRun(0, "help", command).out.startsWith("Usage: convolvej "), command);
			if (!command.equals("help"))
				assertTrue(assertRun(0, command, "--help").out.startsWith("Usage: convolvej " + command), command);
		}
	}

	/** Usage errors: exit code 2, one message naming the problem, nothing written, no stack trace. */
	@Test
	void usageErrors() {
		final Path in = ImageIo.writeTiff(dir.resolve("in.tif"), new int[] { 4, 4 }, ramp(16));
		final String out = dir.resolve("out.tif").toString();
		assertUsage("Unknown command 'frobnicate'", "frobnicate");
		assertUsage("Give an input and an output file", "convolve-nd", in.toString());
		assertUsage("Cannot tell the output format of", "convolve-nd", in.toString(), dir.resolve("out.jpg").toString(), "kernel=laplace");
		assertUsage("fulll", "convolve-nd", in.toString(), out, "kernel=laplace mode=fulll");
		assertUsage("kernel", "correlate-nd", in.toString(), out, "mode=same");
		assertUsage("Unknown flag '--fast'", "convolve-nd", in.toString(), out, "kernel=laplace", "--fast");
		assertUsage("Unknown flag '--slow'", "demo", "--slow");
		assertUsage("at most one output folder", "demo", "a", "b");
		assertUsage("Unknown command 'nope'", "help", "nope");
		final CliRun badKernel = assertUsage("", "convolve-nd", in.toString(), out, "kernel=[1 2; 3]");
		assertFalse(badKernel.err.trim().isEmpty());
		assertFalse(Files.exists(dir.resolve("out.tif")), "nothing written on a usage error");
		assertEquals(2, CliRun.of("bench", "--bogus").exitCode);
	}

	/** Failures while reading or computing: exit code 1, a message, no stack trace. */
	@Test
	void failures() throws IOException {
		final Path small = ImageIo.writeTiff(dir.resolve("small.tif"), new int[] { 2, 2 }, ramp(4));
		final String out = dir.resolve("out.tif").toString();
		assertFailure("No such image file", "convolve-nd", dir.resolve("missing.tif").toString(), out, "kernel=laplace");
		final Path text = Files.write(dir.resolve("notes.png"), "not an image".getBytes());
		assertFailure("Cannot read " + text, "convolve-nd", text.toString(), out, "kernel=laplace");
		assertFailure("kernel_image: No such image file", "convolve-nd", small.toString(), out, "kernel_image=[" + dir.resolve("nokernel.tif") + "]");
		final CliRun tooLarge = assertFailure("", "convolve-nd", small.toString(), out, "kernel=laplace mode=valid");
		assertTrue(tooLarge.err.toLowerCase().contains("valid"), tooLarge.toString());
		assertFalse(Files.exists(dir.resolve("out.tif")), "no output after a failure");
	}

	private static CliRun assertRun(final int code, final String... args) {
		final CliRun run = CliRun.of(args);
		assertEquals(code, run.exitCode, run::toString);
		assertNoStackTrace(run);
		return run;
	}

	private static CliRun assertUsage(final String message, final String... args) {
		final CliRun run = assertRun(2, args);
		assertTrue(run.err.startsWith("convolvej: ") && run.err.contains(message), run::toString);
		return run;
	}

	private static CliRun assertFailure(final String message, final String... args) {
		final CliRun run = assertRun(1, args);
		assertTrue(run.err.startsWith("convolvej: ") && run.err.contains(message), run::toString);
		return run;
	}

	private static void assertNoStackTrace(final CliRun run) {
		assertFalse(run.err.contains("\tat ") || run.err.contains("Exception in thread"), run::toString);
	}

	private static void assertClose(final String id, final double[] expected, final float[] got) {
		assertEquals(expected.length, got.length, id + " number of values");
		double scale = 1;
		for (final double e : expected)
			scale = Math.max(scale, Math.abs(e));
		for (int i = 0; i < expected.length; i++)
			assertEquals(expected[i], got[i], 1e-4 * scale, id + " value " + i);
	}

	/** Expected dims as width, height, planes. */
	private static int[] padded(final int[] dims) {
		final List< Integer > d = new ArrayList<>();
		for (final int v : dims)
			d.add(v);
		while (d.size() < 3)
			d.add(1);
		return new int[] { d.get(0), d.get(1), d.get(2) };
	}

	private static double[] ramp(final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = i;
		return v;
	}
}
