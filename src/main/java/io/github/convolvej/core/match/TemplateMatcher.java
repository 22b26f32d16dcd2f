package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.List;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.ProgressRange;
import io.github.convolvej.core.engine.Block;
import io.github.convolvej.core.engine.CorrelationEngine;
import io.github.convolvej.core.engine.EngineChooser;
import io.github.convolvej.core.engine.ImageBlockSource;
import io.github.convolvej.core.engine.LineSink;
import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Template matching on any ImgLib2 image, 1-D to N-D: OpenCV's six scores
 * ({@link MatchMethod}) for every position of the template, in
 * {@code same} or {@code valid} layout (see {@link MatchOptions}).
 *
 * <pre>
 * // scikit-image's match_template(image, template, pad_input=True), symmetric boundary
 * Img&lt;FloatType&gt; ncc = TemplateMatcher.scores(image, template, new MatchOptions());
 *
 * // cv2.matchTemplate(image, template, cv2.TM_SQDIFF)
 * ScoreMap sq = TemplateMatcher.match(image, template,
 * 		new MatchOptions().method(MatchMethod.SQDIFF).mode(OutputMode.VALID));
 * List&lt;Match&gt; best = new PeakFinder().maxMatches(3).find(sq);
 * </pre>
 *
 * Time does not grow with the template's size: the sums of window times
 * template are one correlation of the extended image with the template
 * (by FFT for all but tiny templates), and the window sums and sums of
 * squares are running sums in double. The mean of the image is subtracted
 * first where it does not change the score, so the normalized scores stay
 * accurate on images far from zero. A window whose values vary by less than
 * about 1e-6 of their distance from that mean counts as flat (score 0 for the
 * normalized correlation coefficient).
 * <p>
 * A template with fewer axes than the image is matched with size 1 on the
 * missing axes: a 2-D template on a stack scores each plane on its own.
 */
public final class TemplateMatcher {

	private static final double EPS = Math.ulp(1.0);

	private TemplateMatcher() {}

	/** The scores of the default method (normalized correlation coefficient), {@code same}, {@code symm}. */
	public static Img< FloatType > scores(final RandomAccessibleInterval< ? extends RealType< ? > > image, final RandomAccessibleInterval< ? extends RealType< ? > > template) {
		return match(image, template, new MatchOptions()).scores();
	}

	/** The score map alone, as {@link #match} computes it. */
	public static Img< FloatType > scores(final RandomAccessibleInterval< ? extends RealType< ? > > image, final RandomAccessibleInterval< ? extends RealType< ? > > template, final MatchOptions options) {
		return match(image, template, options).scores();
	}

	/**
	 * Scores every position of the template in the image.
	 *
	 * @throws IllegalArgumentException for a template with more axes than the
	 *             image, a template holding NaN or infinity, an anchor outside
	 *             the template, or {@code valid} with a template larger than the
	 *             image
	 * @throws io.github.convolvej.core.CancelledException when the progress
	 *             listener cancels
	 */
	public static ScoreMap match(final RandomAccessibleInterval< ? extends RealType< ? > > image, final RandomAccessibleInterval< ? extends RealType< ? > > template, final MatchOptions options) {
		if (image == null)
			throw new IllegalArgumentException("No image given.");
		if (template == null)
			throw new IllegalArgumentException("No template given.");
		final int n = image.numDimensions();
		final int[] k = templateDims(template, n);
		final double[] t = templateValues(template);
		final int[] a = options.anchorFor(k);
		final OutputMode mode = options.mode();
		final ProgressListener progress = options.progress();
		final TaskExecutor executor = options.executor();

		// the extended block that the windows read, and the anchor positions they score
		final long[] blockMin = new long[n], blockMax = new long[n], outMin = new long[n], outMax = new long[n];
		for (int d = 0; d < n; d++) {
			final long size = image.dimension(d), min = image.min(d);
			if (mode == OutputMode.VALID) {
				if (k[d] > size)
					throw new IllegalArgumentException("The template (" + sizeText(k) + ") is larger than the image (" + sizeText(image.dimensionsAsLongArray()) + ") along " + axisName(d) + ": mode=valid needs the template to fit inside the image. Use mode=same, or a smaller template.");
				blockMin[d] = min;
				blockMax[d] = min + size - 1;
				outMin[d] = min + a[d];
				outMax[d] = min + size - k[d] + a[d];
			} else {
				blockMin[d] = min - a[d];
				blockMax[d] = min + size - 1 + k[d] - 1 - a[d];
				outMin[d] = min;
				outMax[d] = min + size - 1;
			}
		}
		progress.checkCancelled();
		progress.status("Reading the image");
		final Block block = new ImageBlockSource(image, options.boundary(), options.fillValue(), new FinalInterval(blockMin, blockMax)).readAll();
		final int[] outDims = Block.validDims(block.dims, k);
		final int outSize = Block.numElements(outDims);
		final MatchMethod method = options.method();
		final int taps = t.length;

		// shift: subtracted from image (and, for the square difference, template) where the score does not change
		double finiteSum = 0;
		int finite = 0;
		for (final double v : block.data)
			if (Double.isFinite(v)) {
				finiteSum += v;
				finite++;
			}
		final boolean allFinite = finite == block.data.length;
		final double mean = finite == 0 ? 0 : finiteSum / finite;
		final double shift = method == MatchMethod.SQDIFF || method == MatchMethod.CCOEFF || method == MatchMethod.CCOEFF_NORMED ? mean : 0;
		final double[] weights = new double[taps];
		final boolean flatTemplate = isFlat(t);
		final double templateMean = mean(t);
		double wSum = 0, tSq = 0; // Σ and Σ² of the weights (the template as used)
		for (int j = 0; j < taps; j++) {
			final double w;
			if (method == MatchMethod.CCOEFF || method == MatchMethod.CCOEFF_NORMED)
				w = flatTemplate ? 0 : t[j] - templateMean;
			else if (method == MatchMethod.SQDIFF)
				w = t[j] - shift;
			else
				w = t[j];
			weights[j] = w;
			wSum += w;
			tSq += w * w;
		}

		// Σ window * weights, by the engine, on the block as it is: the products of the
		// shifted block are Σ(W - shift)w = ΣWw - shift Σw
		progress.checkCancelled();
		progress.status("Correlating the image with the template");
		final Algorithm algorithm = options.algorithm() == Algorithm.AUTO ? chooseEngine(block, k, allFinite) : options.algorithm();
		final CorrelationEngine engine = EngineChooser.engine(algorithm);
		final double[] products = new double[outSize];
		engine.correlate(block, k, new double[][] { weights }, new LineSink[] { LineSink.of(products) }, executor, new ProgressRange(progress, 0.05, 0.8));
		final double correction = shift * wSum;

		// window sums, then the scores, a row at a time
		progress.checkCancelled();
		progress.status("Computing the scores");
		final ArrayImg< FloatType, FloatArray > out = ArrayImgs.floats(toLong(outDims));
		final float[] scores = out.update(null).getCurrentStorageArray();
		final double flatTolerance = 4 * (sum(k) + 2) * EPS;
		final double templateSquares = tSq;
		if (method == MatchMethod.CCORR || method == MatchMethod.CCOEFF) // ΣWT and ΣW(T - T̄): the products themselves
			parallel(executor, outSize, (from, to) -> {
				for (int i = from; i < to; i++)
					scores[i] = (float) (products[i] - correction);
			});
		else
			WindowSums.compute(block.data, block.dims, k, shift, executor, scorer(method, products, correction, scores, taps, templateSquares, flatTolerance));
		progress.progress(1);
		return new ScoreMap(out, new FinalInterval(outMin, outMax), method, mode, k, a, engine.name());
	}

	/**
	 * Writes the scores of a row of windows from their products with the
	 * weights (less {@code correction}), sums and sums of squares: one loop
	 * per method, so the method is not asked per pixel.
	 */
	private static WindowSums.Rows scorer(final MatchMethod method, final double[] products, final double correction, final float[] scores, final int n, final double tSq, final double flatTolerance) {
		final double tNorm = Math.sqrt(tSq);
		switch (method) {
			case SQDIFF: // Σ(W'-T')² = ΣW'² - 2ΣW'T' + ΣT'² with W' = W - shift, T' = T - shift
				return (offset, s1, s2, length) -> {
					for (int x = 0; x < length; x++)
						scores[offset + x] = (float) Math.max(0, s2[x] - 2 * (products[offset + x] - correction) + tSq);
				};
			case SQDIFF_NORMED:
				return (offset, s1, s2, length) -> {
					for (int x = 0; x < length; x++) {
						final double den = Math.sqrt(s2[x]) * tNorm;
						final double num = Math.max(0, s2[x] - 2 * products[offset + x] + tSq);
						scores[offset + x] = (float) (den > 0 ? num / den : den == 0 ? 1 : Double.NaN);
					}
				};
			case CCORR_NORMED:
				return (offset, s1, s2, length) -> {
					for (int x = 0; x < length; x++) {
						final double den = Math.sqrt(s2[x]) * tNorm;
						scores[offset + x] = (float) (den > 0 ? clamp(products[offset + x] / den) : den == 0 ? 0 : Double.NaN);
					}
				};
			case CCOEFF_NORMED:
				return (offset, s1, s2, length) -> {
					for (int x = 0; x < length; x++) {
						// Σ(W-W̄)² = ΣW'² - (ΣW')²/n; below the rounding error of the sums the window is flat
						final double variance = s2[x] - s1[x] * s1[x] / n;
						final double den = Math.sqrt(variance) * tNorm;
						final float v;
						if (Double.isNaN(variance))
							v = Float.NaN;
						else if (variance <= flatTolerance * s2[x] || den == 0)
							v = 0;
						else
							v = (float) clamp((products[offset + x] - correction) / den);
						scores[offset + x] = v;
					}
				};
			default:
				throw new IllegalStateException(method + " needs no window sums.");
		}
	}

	private static double clamp(final double v) {
		return v > 1 ? 1 : v < -1 ? -1 : v;
	}

	/**
	 * FFT unless the template is tiny (the cost model of {@link EngineChooser});
	 * never FFT on non-finite images, whose NaN a transform would spread.
	 */
	private static Algorithm chooseEngine(final Block block, final int[] k, final boolean allFinite) {
		final Algorithm a = EngineChooser.choose(block.dims, k, Block.numElements(k), false, () -> allFinite);
		return a == Algorithm.SEPARABLE ? Algorithm.DIRECT : a;
	}

	private static int[] templateDims(final RandomAccessibleInterval< ? extends RealType< ? > > template, final int n) {
		final int m = template.numDimensions();
		if (m > n) {
			for (int d = n; d < m; d++)
				if (template.dimension(d) != 1)
					throw new IllegalArgumentException("The template has " + m + " axes but the image only " + n + ". Use a template with at most " + n + " axes (e.g. a 2-D template for a 2-D image).");
		}
		final int[] k = new int[n];
		for (int d = 0; d < n; d++)
			k[d] = d < m ? Math.toIntExact(template.dimension(d)) : 1;
		return k;
	}

	private static double[] templateValues(final RandomAccessibleInterval< ? extends RealType< ? > > template) {
		final double[] t = new double[Block.numElements(toInt(template.dimensionsAsLongArray()))];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable(template).cursor();
		int i = 0;
		while (c.hasNext()) {
			final double v = c.next().getRealDouble();
			if (!Double.isFinite(v))
				throw new IllegalArgumentException("The template holds NaN or infinite values (at index " + i + "). Give a template of finite numbers only.");
			t[i++] = v;
		}
		return t;
	}

	private static boolean isFlat(final double[] t) {
		for (final double v : t)
			if (v != t[0])
				return false;
		return true;
	}

	private static double mean(final double[] v) {
		double s = 0;
		for (final double x : v)
			s += x;
		return s / v.length;
	}

	private interface Range {
		void run(int from, int to);
	}

	private static void parallel(final TaskExecutor executor, final int count, final Range range) {
		final int tasks = Math.max(1, Math.min(count / 4096, 4 * executor.getParallelism()));
		if (tasks <= 1) {
			range.run(0, count);
			return;
		}
		final List< Runnable > runnables = new ArrayList<>(tasks);
		for (int t = 0; t < tasks; t++) {
			final int from = (int) ((long) count * t / tasks), to = (int) ((long) count * (t + 1) / tasks);
			runnables.add(() -> range.run(from, to));
		}
		executor.runAll(runnables);
	}

	private static int sum(final int[] v) {
		int s = 0;
		for (final int x : v)
			s += x;
		return s;
	}

	private static long[] toLong(final int[] v) {
		final long[] l = new long[v.length];
		for (int d = 0; d < v.length; d++)
			l[d] = v[d];
		return l;
	}

	private static int[] toInt(final long[] v) {
		final int[] r = new int[v.length];
		for (int d = 0; d < v.length; d++)
			r[d] = Math.toIntExact(v[d]);
		return r;
	}

	static String sizeText(final int[] dims) {
		final StringBuilder s = new StringBuilder();
		for (final int d : dims)
			s.append(s.length() == 0 ? "" : "x").append(d);
		return s.toString();
	}

	static String sizeText(final long[] dims) {
		return sizeText(toInt(dims));
	}

	static String axisName(final int d) {
		return d < 3 ? String.valueOf("xyz".charAt(d)) : "axis " + d;
	}
}
