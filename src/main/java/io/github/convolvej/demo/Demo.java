package io.github.convolvej.demo;

import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.match.Match;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.ScoreMap;
import io.github.convolvej.core.match.TemplateMatcher;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;
import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The walkthrough of the example macros ({@code macros/}), run with no display:
 * the same option strings on the bundled samples, through the same options
 * object and filter as the menu commands, written as side-by-side figures
 * (PNG) and the results themselves (TIFF) to one folder.
 */
public final class Demo {

	// The options below are the ones in macros/*.ijm, character for character.
	static final String BOX_BLUR = "kernel=[box(3)] mode=full boundary=fill value=0";
	static final String LAPLACE = "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=full boundary=fill value=0";
	static final String EMBOSS_RGB = "kernel=[-2 -1 0; -1 1 1; 0 1 2] mode=same boundary=symm value=0 output=[Same as input]";
	static final String SCHARR = "kernel=[-3-3i -10i 3-3i; -10 0 10; -3+3i 10i 3+3i] mode=same boundary=symm value=0 complex=Magnitude";
	static final String SHARPEN_ND = "kernel=[0 -1 0; -1 5 -1; 0 -1 0] mode=same boundary=nearest value=0 output=[Same as input]";
	static final String EMBOSS_ND = "kernel=[-2 -1 0; -1 1 1; 0 1 2] mode=same boundary=nearest value=0 output=[Same as input]";
	static final String RIPPLE = "kernel=[0 -1 1.4142135623730951; 1 0 -1; -1.4142135623730951 1 0] mode=full boundary=fill value=0";
	static final String RIPPLE_FLIPPED = "kernel=[0 1 -1.4142135623730951; -1 0 1; 1.4142135623730951 -1 0] mode=full boundary=fill value=0";
	static final String EYE_CORRELATION = "kernel_image=eye mode=same boundary=symm value=0";

	/** Every step of the walkthrough: an operation and its macro options. */
	static final List< Step > STEPS = Collections.unmodifiableList(Arrays.asList(
			new Step(Operation.CONVOLVE, BOX_BLUR),
			new Step(Operation.CONVOLVE, LAPLACE),
			new Step(Operation.CONVOLVE, EMBOSS_RGB),
			new Step(Operation.CONVOLVE, SCHARR),
			new Step(Operation.CONVOLVE, SHARPEN_ND),
			new Step(Operation.CONVOLVE, EMBOSS_ND),
			new Step(Operation.CONVOLVE, RIPPLE),
			new Step(Operation.CORRELATE, RIPPLE),
			new Step(Operation.CORRELATE, RIPPLE_FLIPPED),
			new Step(Operation.CORRELATE, EYE_CORRELATION)));

	/** One filter call of the walkthrough. */
	static final class Step {

		final Operation operation;
		final String options;

		Step(final Operation operation, final String options) {
			this.operation = operation;
			this.options = options;
		}
	}

	/** Where the raccoon's right eye is in the full-size gray face (x, y, width, height). */
	static final int[] EYE = { 670, 300, 80, 65 };

	/** Standard deviation of the noise added to the face, as in the article. */
	private static final double NOISE = 50;

	private final Path folder;
	private final int shrink;
	private final PrintStream out;
	private final List< Path > written = new ArrayList<>();

	/**
	 * @param folder where the figures and results go (created if missing)
	 * @param quick shrink the samples four times on each axis, for a fast check
	 * @param out where each file written is announced, one a line
	 */
	public Demo(final Path folder, final boolean quick, final PrintStream out) {
		this.folder = folder;
		this.shrink = quick ? 4 : 1;
		this.out = out;
	}

	/**
	 * Runs the whole walkthrough.
	 *
	 * @return the files written, in order
	 */
	public List< Path > run() throws IOException {
		Files.createDirectories(folder);
		boxBlurAndLaplace();
		rgbEmboss();
		scharrMagnitude();
		ndSharpenAndEmboss();
		correlationVersusConvolution();
		templateMatching();
		new MissingDataFigures(this, shrink, out).run();
		new ModesAndBoundariesFigures(this, shrink).run();
		new RotatedCopiesFigure(this, shrink, folder).run();
		return Collections.unmodifiableList(written);
	}

	private void boxBlurAndLaplace() throws IOException {
		final ImagePlus cameraman = unitRange(sample("cameraman"));
		final ImagePlus blurred = convolve(cameraman, BOX_BLUR);
		final ImagePlus laplace = convolve(cameraman, LAPLACE);
		saveTiff(blurred, "cameraman-box-blur.tif");
		saveTiff(laplace, "cameraman-laplace.tif");
		final Montage figure = new Montage("Box blur and Laplace (convolve2d defaults: mode full, fill 0)", 512 / shrink);
		figure.add(cameraman.getProcessor(), 0, 1, "cameraman, scaled to 0..1");
		figure.add(blurred.getProcessor(), 0, 1, "3x3 box blur");
		figure.add(laplace.getProcessor(), 0, 1, "Laplace, shown clipped to 0..1");
		saveFigure(figure, "01-box-blur-and-laplace.png");
	}

	private void rgbEmboss() throws IOException {
		final ImagePlus astronaut = sample("astronaut");
		final ImagePlus embossed = convolve(astronaut, EMBOSS_RGB);
		saveTiff(embossed, "astronaut-emboss.tif");
		final Montage figure = new Montage("Emboss, channel by channel (same, symm, clipped to 0..255)", 512 / shrink);
		figure.add(astronaut.getProcessor(), "astronaut");
		figure.add(embossed.getProcessor(), "embossed");
		saveFigure(figure, "02-rgb-emboss.png");
	}

	private void scharrMagnitude() throws IOException {
		final ImagePlus gray = unitRange(new ImagePlus("astronaut-gray",
				((ColorProcessor) sample("astronaut").getProcessor()).convertToByteProcessor()));
		final ImagePlus magnitude = convolve(gray, SCHARR);
		saveTiff(magnitude, "astronaut-scharr-magnitude.tif");
		final Montage figure = new Montage("Complex Scharr kernel: gradient magnitude (same, symm)", 512 / shrink);
		figure.add(gray.getProcessor(), 0, 1, "astronaut, gray");
		figure.add(magnitude.getProcessor(), 0, max(magnitude.getProcessor()), "|Gx + i Gy|");
		saveFigure(figure, "03-scharr-magnitude.png");
	}

	private void ndSharpenAndEmboss() throws IOException {
		final ImagePlus raccoon = sample("raccoon-face");
		final ImagePlus sharpened = convolve(raccoon, SHARPEN_ND);
		final ImagePlus embossed = convolve(raccoon, EMBOSS_ND);
		saveTiff(sharpened, "raccoon-sharpen.tif");
		saveTiff(embossed, "raccoon-emboss.tif");
		final Montage figure = new Montage("ndimage.convolve with mode 'nearest' on an RGB image", 384 / shrink);
		figure.add(raccoon.getProcessor(), "raccoon");
		figure.add(sharpened.getProcessor(), "sharpened");
		figure.add(embossed.getProcessor(), "embossed");
		saveFigure(figure, "04-nd-sharpen-and-emboss.png");
	}

	private void correlationVersusConvolution() throws IOException {
		final ImagePlus ascent = unitRange(sample("ascent"));
		final ImagePlus convolved = convolve(ascent, RIPPLE);
		final ImagePlus correlated = filter(ascent, Operation.CORRELATE, RIPPLE, noImages());
		final ImagePlus flipped = filter(ascent, Operation.CORRELATE, RIPPLE_FLIPPED, noImages());
		final FloatProcessor difference = difference(convolved.getProcessor(), flipped.getProcessor());
		final double largest = Math.max(Math.abs(difference.getMin()), Math.abs(difference.getMax()));
		saveTiff(convolved, "ascent-convolved.tif");
		saveTiff(correlated, "ascent-correlated.tif");
		saveTiff(flipped, "ascent-correlated-flipped.tif");
		saveTiff(new ImagePlus("convolved-minus-correlated-flipped", difference), "ascent-difference.tif");
		final Montage figure = new Montage("Correlation versus convolution: the ripple kernel (full, fill 0)", 320 / shrink);
		figure.add(ascent.getProcessor(), 0, 1, "ascent");
		addAutoRange(figure, convolved.getProcessor(), "convolved");
		addAutoRange(figure, correlated.getProcessor(), "correlated");
		addAutoRange(figure, flipped.getProcessor(), "correlated, flipped kernel");
		// magnified: a range of +-1e-6 would show any rounding as black or white; it is 0
		final double shown = largest > 0 ? largest : 1e-6;
		figure.add(difference, -shown, shown, String.format(Locale.ROOT, "difference, shown on [%.0e, %.0e]: max |d| = %s", -shown, shown, largest == 0 ? "0 exactly" : Double.toString(largest)));
		figure.add(ModesAndBoundariesFigures.kernelPanel(FilterSettings.fromMacroOptions(Operation.CONVOLVE, RIPPLE).kernel(title -> null)), "the ripple kernel");
		saveFigure(figure, "05-correlation-vs-convolution.png");
		out.println("  convolved - correlated with the flipped kernel: largest |difference| " + largest);
	}

	/**
	 * The article's template matching: zero-mean face and eye, noise added to
	 * the face, then correlate2d(face, eye, boundary='symm', mode='same'); the
	 * highest score marks the eye.
	 */
	private void templateMatching() throws IOException {
		final FloatProcessor face = sample("raccoon-face-gray").getProcessor().convertToFloatProcessor();
		subtractMean(face);
		final int[] eyeBox = scaled(EYE);
		face.setRoi(eyeBox[0], eyeBox[1], eyeBox[2], eyeBox[3]);
		final FloatProcessor eye = (FloatProcessor) face.crop();
		face.resetRoi();
		subtractMean(eye);
		final Random random = new Random(7);
		for (int i = 0; i < face.getPixelCount(); i++)
			face.setf(i, (float) (face.getf(i) + NOISE * random.nextGaussian()));
		face.resetMinAndMax();

		final ImagePlus faceImage = new ImagePlus("face", face);
		final ImagePlus eyeImage = new ImagePlus("eye", eye);
		final ImagePlus scores = filter(faceImage, Operation.CORRELATE, EYE_CORRELATION,
				title -> "eye".equals(title) ? eyeImage : null);
		saveTiff(scores, "face-eye-scores.tif");

		final int[] best = argmax(scores.getProcessor());
		// correlate2d puts the template's pixel ((w-1)/2, (h-1)/2) over the output pixel.
		final int left = best[0] - (eyeBox[2] - 1) / 2;
		final int top = best[1] - (eyeBox[3] - 1) / 2;
		final ColorProcessor marked = Montage.toRgb(face);
		marked.setColor(Color.RED);
		marked.setLineWidth(Math.max(1, 4 / shrink));
		marked.drawRect(left, top, eyeBox[2], eyeBox[3]);
		// the box's corner (a square) and the anchor, the pixel the score belongs to (a cross)
		final int mark = Math.max(3, 14 / shrink);
		marked.setColor(Color.YELLOW);
		marked.fillRect(left - mark / 2, top - mark / 2, mark, mark);
		marked.setColor(Color.CYAN);
		marked.drawLine(best[0] - mark, best[1], best[0] + mark, best[1]);
		marked.drawLine(best[0], best[1] - mark, best[0], best[1] + mark);
		final Montage figure = new Montage("Template matching by zero-mean correlation (same, symm)", 384 / shrink);
		figure.add(marked, "box corner (" + left + ", " + top + ") yellow square; anchor (" + best[0] + ", " + best[1] + ") cyan cross");
		figure.add(eye, "template: the right eye");
		final ImageProcessor scoreValues = scores.getProcessor();
		scoreValues.resetMinAndMax();
		final ColorProcessor scoreMap = Montage.grayscale(scoreValues, scoreValues.getMin(), scoreValues.getMax());
		final int radius = Math.max(3, 24 / shrink);
		scoreMap.setColor(Color.RED);
		scoreMap.setLineWidth(Math.max(1, 4 / shrink));
		scoreMap.drawOval(best[0] - radius, best[1] - radius, 2 * radius, 2 * radius);
		figure.add(scoreMap, "correlation, highest at (" + best[0] + ", " + best[1] + ")");
		saveFigure(figure, "06-template-matching.png");
		out.println("  eye found at x " + left + ", y " + top + " (cut from x " + eyeBox[0] + ", y " + eyeBox[1] + ")");
		normalizedMatching(face, eye);
	}

	/**
	 * The same search with the template matcher: the normalized correlation
	 * coefficient (scikit-image's match_template with pad_input=True), the
	 * three best peaks, their table as the Matches table's columns.
	 */
	private void normalizedMatching(final FloatProcessor face, final FloatProcessor eye) throws IOException {
		final MatchOptions options = new MatchOptions().method(MatchMethod.CCOEFF_NORMED).mode(OutputMode.SAME).boundary(Boundary.SYMMETRIC);
		final ScoreMap scores = TemplateMatcher.match(
				ArrayImgs.floats((float[]) face.getPixels(), face.getWidth(), face.getHeight()),
				ArrayImgs.floats((float[]) eye.getPixels(), eye.getWidth(), eye.getHeight()), options);
		final List< Match > matches = new PeakFinder().maxMatches(3).find(scores);
		final FloatProcessor scoreImage = new FloatProcessor(face.getWidth(), face.getHeight());
		final Cursor< FloatType > cursor = Views.flatIterable(scores.scores()).cursor();
		for (int i = 0; cursor.hasNext(); i++)
			scoreImage.setf(i, cursor.next().get());
		saveTiff(new ImagePlus("face-match-scores", scoreImage), "face-match-scores.tif");
		saveMatches(matches, "face-matches.csv");

		final ColorProcessor marked = Montage.toRgb(face);
		scoreImage.resetMinAndMax();
		final ColorProcessor scoreMap = Montage.afmhot(scoreImage, scoreImage.getMin(), scoreImage.getMax());
		final Color[] colours = { Color.RED, Color.YELLOW, Color.CYAN };
		for (final Match m : matches) {
			final Color colour = colours[(m.rank() - 1) % colours.length];
			marked.setColor(colour);
			marked.setLineWidth(Math.max(1, 4 / shrink));
			marked.drawRect((int) m.corner()[0], (int) m.corner()[1], m.size()[0], m.size()[1]);
			scoreMap.setColor(colour);
			scoreMap.setLineWidth(Math.max(1, 4 / shrink));
			final int radius = Math.max(3, 24 / shrink);
			scoreMap.drawOval((int) m.pixel()[0] - radius, (int) m.pixel()[1] - radius, 2 * radius, 2 * radius);
		}
		final Match top = matches.get(0);
		final Montage figure = new Montage("Match Template: normalized correlation coefficient, 3 best matches", 384 / shrink);
		figure.add(marked, String.format(Locale.ROOT, "ranks: 1 red, 2 yellow, 3 cyan; 1 at (%d, %d), score %.3f", top.corner()[0], top.corner()[1], top.score()));
		figure.add(eye, "template");
		figure.add(scoreMap, String.format(Locale.ROOT, "scores, %.2f..%.2f", scoreImage.getMin(), scoreImage.getMax()));
		saveFigure(figure, "07-match-template.png");
	}

	/** The matches, best first, as the Matches table's columns: anchor, rectangle, score. */
	private void saveMatches(final List< Match > matches, final String name) throws IOException {
		final StringBuilder csv = new StringBuilder("X,Y,BX,BY,Width,Height,Score\n");
		for (final Match m : matches)
			csv.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s\n", m.position(0), m.position(1),
					m.corner()[0], m.corner()[1], m.size()[0], m.size()[1], m.score()));
		final Path path = folder.resolve(name);
		Files.write(path, csv.toString().getBytes(StandardCharsets.UTF_8));
		announce(path);
	}

	private ImagePlus convolve(final ImagePlus source, final String options) {
		return filter(source, Operation.CONVOLVE, options, noImages());
	}

	/** One menu command's work: parse the macro options, resolve the kernel, filter. */
	static ImagePlus filter(final ImagePlus source, final Operation operation, final String options,
			final Function< String, ImagePlus > imagesByTitle) {
		final FilterSettings settings = FilterSettings.fromMacroOptions(operation, options);
		final Kernel kernel = settings.kernel(imagesByTitle);
		return ImageFilter.apply(source, settings, kernel, ProgressListener.NONE);
	}

	private static Function< String, ImagePlus > noImages() {
		return title -> null;
	}

	ImagePlus sample(final String name) throws IOException {
		final ImagePlus image = SampleImages.open(name);
		if (shrink == 1)
			return image;
		final ImageProcessor ip = image.getProcessor();
		ip.setInterpolationMethod(ImageProcessor.BILINEAR);
		return new ImagePlus(name, ip.resize(ip.getWidth() / shrink, ip.getHeight() / shrink, true));
	}

	private int[] scaled(final int[] box) {
		final int[] s = new int[box.length];
		for (int i = 0; i < box.length; i++)
			s[i] = box[i] / shrink;
		return s;
	}

	/** An 8-bit image as 32-bit values 0..1, as skimage's img_as_float. */
	static ImagePlus unitRange(final ImagePlus image) {
		final FloatProcessor fp = image.getProcessor().convertToFloatProcessor();
		fp.multiply(1 / 255.0);
		fp.setMinAndMax(0, 1);
		return new ImagePlus(image.getTitle(), fp);
	}

	private static void subtractMean(final FloatProcessor fp) {
		double sum = 0;
		for (int i = 0; i < fp.getPixelCount(); i++)
			sum += fp.getf(i);
		fp.subtract(sum / fp.getPixelCount());
	}

	private static FloatProcessor difference(final ImageProcessor a, final ImageProcessor b) {
		if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight())
			throw new IllegalStateException("Results of different sizes: " + a.getWidth() + "x" + a.getHeight()
					+ " and " + b.getWidth() + "x" + b.getHeight() + ".");
		final FloatProcessor d = new FloatProcessor(a.getWidth(), a.getHeight());
		for (int i = 0; i < d.getPixelCount(); i++)
			d.setf(i, a.getf(i) - b.getf(i));
		d.resetMinAndMax();
		return d;
	}

	private static int[] argmax(final ImageProcessor ip) {
		int best = 0;
		for (int i = 1; i < ip.getPixelCount(); i++)
			if (ip.getf(i) > ip.getf(best))
				best = i;
		return new int[] { best % ip.getWidth(), best / ip.getWidth() };
	}

	private static double max(final ImageProcessor ip) {
		double m = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < ip.getPixelCount(); i++)
			m = Math.max(m, ip.getf(i));
		return m;
	}

	private static void addAutoRange(final Montage figure, final ImageProcessor ip, final String caption) {
		ip.resetMinAndMax();
		figure.add(ip, ip.getMin(), ip.getMax(), caption);
	}

	void saveTiff(final ImagePlus image, final String name) throws IOException {
		final Path path = folder.resolve(name);
		if (!new FileSaver(image).saveAsTiff(path.toString()))
			throw new IOException("Could not write " + path + ".");
		announce(path);
	}

	void saveFigure(final Montage figure, final String name) throws IOException {
		final Path path = folder.resolve(name);
		if (!new FileSaver(new ImagePlus(name, figure.render())).saveAsPng(path.toString()))
			throw new IOException("Could not write " + path + ".");
		announce(path);
	}

	void announce(final Path path) {
		written.add(path);
		out.println("  " + path.getFileName());
	}
}
