package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.cli.ConvolveJCli;

/**
 * {@code convolvej demo --quick}: every figure and result written, and the
 * results checked against direct sums written here (the article's formulas)
 * and against identities of convolution.
 */
class DemoTest {

	private static final String[] FILES = {
			"01-box-blur-and-laplace.png", "cameraman-box-blur.tif", "cameraman-laplace.tif",
			"02-rgb-emboss.png", "astronaut-emboss.tif",
			"03-scharr-magnitude.png", "astronaut-scharr-magnitude.tif",
			"04-nd-sharpen-and-emboss.png", "raccoon-sharpen.tif", "raccoon-emboss.tif",
			"05-correlation-vs-convolution.png", "ascent-convolved.tif", "ascent-correlated.tif",
			"ascent-correlated-flipped.tif", "ascent-difference.tif",
			"06-template-matching.png", "face-eye-scores.tif",
			"07-match-template.png", "face-match-scores.tif", "face-matches.csv",
			"11-output-modes.png", "cameraman-full.tif", "cameraman-same.tif", "cameraman-valid.tif",
			"12-boundaries.png", "cameraman-0-1.tif", "cameraman-boundary-fill.tif", "cameraman-boundary-wrap.tif", "cameraman-boundary-symm.tif",
			"cameraman-boundary-mirror.tif", "cameraman-boundary-nearest.tif",
			"13-rotated-copies.png", "rotated-copies-matches.csv" };

	@TempDir
	static Path dir;

	static Path folder;
	static String stdout;

	@BeforeAll
	static void runQuickDemo() {
		folder = dir.resolve("figures");
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code = ConvolveJCli.run(new String[] { "demo", folder.toString(), "--quick" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		stdout = out.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, stdout + err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void writesEveryFileAndEndsWithTheFolder() {
		for (final String name : FILES) {
			assertTrue(Files.isRegularFile(folder.resolve(name)), name);
			assertTrue(stdout.contains("  " + name + System.lineSeparator()), name + " announced");
		}
		final String[] lines = stdout.trim().split("\\R");
		assertEquals(folder.toAbsolutePath().normalize().toString(), lines[lines.length - 1]);
	}

	/**
	 * The output-mode results have the sizes the article gives (W + K - 1,
	 * W, W - K + 1 for the quick demo's 128 x 128 cameraman and 7 x 7 box),
	 * and the figures are drawn at one scale: full's panel is the widest.
	 */
	@Test
	void outputModesHaveTheirSizes() {
		final int[][] sizes = { { 134, 134 }, { 128, 128 }, { 122, 122 } };
		final String[] modes = { "full", "same", "valid" };
		for (int m = 0; m < 3; m++) {
			final ImagePlus result = IJ.openImage(folder.resolve("cameraman-" + modes[m] + ".tif").toString());
			assertEquals(sizes[m][0], result.getWidth(), modes[m]);
			assertEquals(sizes[m][1], result.getHeight(), modes[m]);
		}
		final ImagePlus figure = IJ.openImage(folder.resolve("11-output-modes.png").toString());
		assertTrue(figure.getWidth() > 4 * 96 && figure.getHeight() > 96, figure.getWidth() + "x" + figure.getHeight());
		final ImagePlus borders = IJ.openImage(folder.resolve("12-boundaries.png").toString());
		assertTrue(borders.getWidth() > 5 * 64 && borders.getHeight() > 64, borders.getWidth() + "x" + borders.getHeight());
	}

	/**
	 * Each boundary rule puts beyond the border what it should: the result is
	 * the image moved up and left by 4 pixels (the quick demo's 9 x 9 shift
	 * kernel), so its last rows hold the rule's extension, compared here with
	 * the rule written out on the image itself.
	 */
	@Test
	void boundariesPutWhatTheyShouldBeyondTheBorder() {
		final ImageProcessor original = IJ.openImage(folder.resolve("cameraman-0-1.tif").toString()).getProcessor();
		final int n = 128, shift = 4;
		assertEquals(n, original.getWidth());
		final String[] rules = { "fill", "wrap", "symm", "mirror", "nearest" };
		for (final String rule : rules) {
			final ImageProcessor r = IJ.openImage(folder.resolve("cameraman-boundary-" + rule + ".tif").toString()).getProcessor();
			for (int y = n - shift; y < n; y++)
				for (int x = 0; x < n - shift; x++) {
					final int sy = y + shift; // beyond the bottom border
					final int from = rule.equals("wrap") ? sy - n : rule.equals("symm") ? 2 * n - 1 - sy : rule.equals("mirror") ? 2 * n - 2 - sy : rule.equals("nearest") ? n - 1 : -1;
					final float expected = from < 0 ? 0 : original.getf(x + shift, from);
					assertEquals(expected, r.getf(x, y), 1e-6, rule + " at " + x + "," + y);
				}
		}
	}

	/** The rotated-copies figure's table: the camera and its three pasted copies, each with its turn and mirror. */
	@Test
	void rotatedCopiesAreFoundWithTheirTurns() throws IOException {
		final java.util.List< String > lines = Files.readAllLines(folder.resolve("rotated-copies-matches.csv"));
		assertEquals("X,Y,BX,BY,Width,Height,Score,Angle,Flip", lines.get(0));
		final java.util.Set< String > found = new java.util.HashSet<>();
		for (final String line : lines.subList(1, lines.size())) {
			final String[] f = line.split(",");
			found.add(f[2] + "," + f[3] + "," + f[7] + "," + f[8]);
		}
		// the quick demo's cameraman is a quarter the size: every place divided by 4
		assertEquals(java.util.Set.of("62,33,0,None", "5,5,90,None", "80,5,0,Horizontal", "105,30,180,None"), found);
		assertTrue(RotatedCopiesFigure.OPTIONS.length() > 0 && MacroFilesTest.read(java.nio.file.Paths.get("macros/rotated_copies.ijm")).contains(RotatedCopiesFigure.OPTIONS), "the figure's options are the macro's");
	}

	@Test
	void figuresAreRgbPngs() {
		for (final String name : FILES)
			if (name.endsWith(".png")) {
				final ImagePlus figure = IJ.openImage(folder.resolve(name).toString());
				assertNotNull(figure, name);
				assertEquals(ImagePlus.COLOR_RGB, figure.getType(), name);
				assertTrue(figure.getWidth() > 2 * 128 && figure.getHeight() > 64, name);
			}
	}

	/** Mode full with zero fill: the box (sum 1) keeps the image's sum, the Laplacian (sum 0) sums to 0. */
	@Test
	void boxBlurAndLaplaceKeepTheirSums() throws IOException {
		final FloatProcessor cameraman = unitRange(shrunk("cameraman"));
		final ImageProcessor box = open("cameraman-box-blur.tif");
		final ImageProcessor laplace = open("cameraman-laplace.tif");
		assertArrayEquals(new int[] { 130, 130 }, new int[] { box.getWidth(), box.getHeight() });
		assertArrayEquals(new int[] { 130, 130 }, new int[] { laplace.getWidth(), laplace.getHeight() });
		final double sum = sum(cameraman);
		assertEquals(sum, sum(box), 1e-5 * sum);
		assertEquals(0, sum(laplace), 1e-5 * sum);
		// full: output (x, y) is centred on input (x-1, y-1)
		assertEquals(reference(cameraman, LAPLACE, 3, 3, 40, 50, Outside.ZERO), laplace.getf(41, 51), 1e-5);
	}

	/** Scharr magnitude against the direct complex sum with symmetric extension. */
	@Test
	void scharrMagnitudeMatchesTheDirectSum() throws IOException {
		final FloatProcessor gray = unitRange(((ColorProcessor) shrunk("astronaut").getProcessor()).convertToByteProcessor());
		final ImageProcessor magnitude = open("astronaut-scharr-magnitude.tif");
		assertEquals(gray.getWidth(), magnitude.getWidth());
		for (int y = 0; y < gray.getHeight(); y++)
			for (int x = 0; x < gray.getWidth(); x++) {
				final double gx = reference(gray, SCHARR_RE, 3, 3, x, y, Outside.SYMM);
				final double gy = reference(gray, SCHARR_IM, 3, 3, x, y, Outside.SYMM);
				assertEquals(Math.hypot(gx, gy), magnitude.getf(x, y), 1e-4 * Math.max(1, Math.hypot(gx, gy)), x + "," + y);
			}
	}

	/** RGB results: each channel convolved alone, rounded and clipped to 0..255 ("Same as input"). */
	@Test
	void rgbResultsPerChannel() throws IOException {
		assertRgb(shrunk("astronaut"), open("astronaut-emboss.tif"), EMBOSS, Outside.SYMM);
		assertRgb(shrunk("raccoon-face"), open("raccoon-sharpen.tif"), SHARPEN, Outside.NEAREST);
		assertRgb(shrunk("raccoon-face"), open("raccoon-emboss.tif"), EMBOSS, Outside.NEAREST);
	}

	/** Correlating with the flipped kernel is convolving: the difference is exactly 0. */
	@Test
	void flippedCorrelationEqualsConvolution() throws IOException {
		final ImageProcessor difference = open("ascent-difference.tif");
		final ImageProcessor convolved = open("ascent-convolved.tif");
		final ImageProcessor correlated = open("ascent-correlated.tif");
		assertEquals(130, difference.getWidth());
		boolean differs = false;
		for (int i = 0; i < difference.getPixelCount(); i++) {
			assertEquals(0, difference.getf(i), 0, "pixel " + i);
			differs |= Math.abs(convolved.getf(i) - correlated.getf(i)) > 1e-3;
		}
		assertTrue(differs, "the ripple kernel is asymmetric: convolving and correlating with it differ");
	}

	/** The highest zero-mean correlation lies on the eye the template was cut from. */
	@Test
	void templateFoundWhereItWasCut() throws IOException {
		final ImageProcessor scores = open("face-eye-scores.tif");
		int best = 0;
		for (int i = 1; i < scores.getPixelCount(); i++)
			if (scores.getf(i) > scores.getf(best))
				best = i;
		final int[] eye = { Demo.EYE[0] / 4, Demo.EYE[1] / 4, Demo.EYE[2] / 4, Demo.EYE[3] / 4 };
		final int anchorX = eye[0] + (eye[2] - 1) / 2;
		final int anchorY = eye[1] + (eye[3] - 1) / 2;
		assertEquals(anchorX, best % scores.getWidth(), 2);
		assertEquals(anchorY, best / scores.getWidth(), 2);
	}

	/** The normalized correlation coefficient: scores within -1..1, the best match on the eye, three matches best first. */
	@Test
	void matchTemplateFindsTheEye() throws IOException {
		final ImageProcessor scores = open("face-match-scores.tif");
		for (int i = 0; i < scores.getPixelCount(); i++)
			assertTrue(Math.abs(scores.getf(i)) <= 1 + 1e-5, "score " + scores.getf(i));
		final List< String > lines = Files.readAllLines(folder.resolve("face-matches.csv"));
		assertEquals("X,Y,BX,BY,Width,Height,Score", lines.get(0));
		assertEquals(4, lines.size());
		final String[] best = lines.get(1).split(",");
		assertEquals(Demo.EYE[0] / 4, Integer.parseInt(best[2]), 2);
		assertEquals(Demo.EYE[1] / 4, Integer.parseInt(best[3]), 2);
		assertEquals(Demo.EYE[2] / 4, Integer.parseInt(best[4]));
		double previous = Double.POSITIVE_INFINITY;
		for (final String line : lines.subList(1, lines.size())) {
			final double score = Double.parseDouble(line.split(",")[6]);
			assertTrue(score <= previous, "best first");
			previous = score;
		}
	}

	private static final double[] LAPLACE = { 0, 1, 0, 1, -4, 1, 0, 1, 0 };
	private static final double[] EMBOSS = { -2, -1, 0, -1, 1, 1, 0, 1, 2 };
	private static final double[] SHARPEN = { 0, -1, 0, -1, 5, -1, 0, -1, 0 };
	private static final double[] SCHARR_RE = { -3, 0, 3, -10, 0, 10, -3, 0, 3 };
	private static final double[] SCHARR_IM = { -3, -10, -3, 0, 0, 0, 3, 10, 3 };

	/**
	 * out(x, y) = sum k(i, j) in(x - i + 1, y - j + 1) for a 3x3 kernel: the
	 * convolution at (x, y), the image extended by the given rule.
	 */
	private static double reference(final ImageProcessor in, final double[] k, final int kw, final int kh, final int x, final int y, final Outside outside) {
		double sum = 0;
		for (int j = 0; j < kh; j++)
			for (int i = 0; i < kw; i++) {
				final int sx = x - i + (kw - 1) / 2;
				final int sy = y - j + (kh - 1) / 2;
				sum += k[j * kw + i] * pixel(in, sx, sy, outside);
			}
		return sum;
	}

	/** The boundary rules the demo uses. */
	private enum Outside {
		ZERO, SYMM, NEAREST
	}

	private static double pixel(final ImageProcessor in, final int x, final int y, final Outside outside) {
		final int w = in.getWidth();
		final int h = in.getHeight();
		if (x >= 0 && y >= 0 && x < w && y < h)
			return in.getf(x, y);
		if (outside == Outside.ZERO)
			return 0;
		return in.getf(extend(x, w, outside), extend(y, h, outside));
	}

	private static int extend(final int i, final int n, final Outside outside) {
		if (outside == Outside.NEAREST)
			return Math.max(0, Math.min(n - 1, i));
		return i < 0 ? -i - 1 : i >= n ? 2 * n - 1 - i : i;
	}

	private static void assertRgb(final ImagePlus source, final ImageProcessor result, final double[] kernel, final Outside outside) {
		assertTrue(result instanceof ColorProcessor, "an RGB result");
		assertEquals(source.getWidth(), result.getWidth());
		final ColorProcessor src = (ColorProcessor) source.getProcessor();
		final ColorProcessor out = (ColorProcessor) result;
		for (int c = 0; c < 3; c++) {
			final FloatProcessor channel = src.toFloat(c, null);
			final FloatProcessor got = out.toFloat(c, null);
			for (int y = 0; y < channel.getHeight(); y++)
				for (int x = 0; x < channel.getWidth(); x++) {
					final double v = reference(channel, kernel, 3, 3, x, y, outside);
					final double expected = Math.max(0, Math.min(255, Math.floor(v + 0.5)));
					assertEquals(expected, got.getf(x, y), 0, "channel " + c + " at " + x + "," + y);
				}
		}
	}

	/** The sample as the demo shrinks it with --quick. */
	private static ImagePlus shrunk(final String name) throws IOException {
		final ImageProcessor ip = SampleImages.open(name).getProcessor();
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		return new ImagePlus(name, ip.resize(ip.getWidth() / 4, ip.getHeight() / 4, true));
	}

	private static FloatProcessor unitRange(final ImagePlus image) {
		return unitRange(image.getProcessor());
	}

	private static FloatProcessor unitRange(final ImageProcessor ip) {
		final FloatProcessor fp = ip.convertToFloatProcessor();
		fp.multiply(1 / 255.0);
		return fp;
	}

	private static ImageProcessor open(final String name) {
		final ImagePlus image = IJ.openImage(folder.resolve(name).toString());
		assertNotNull(image, name);
		return image.getProcessor();
	}

	private static double sum(final ImageProcessor ip) {
		double s = 0;
		for (int i = 0; i < ip.getPixelCount(); i++)
			s += ip.getf(i);
		return s;
	}
}
