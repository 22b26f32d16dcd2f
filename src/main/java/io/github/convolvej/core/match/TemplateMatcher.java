package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Axes;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.ProgressRange;
import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.ImageBlockSource;
import io.github.convolvej.core.engine.source.LineSink;
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
import net.imglib2.util.Util;
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
		if (template == null)
			throw new IllegalArgumentException("No template given.");
		return matchAll(image, List.of(SearchTemplate.of(null, template, null)), options).get(0);
	}

	/**
	 * Scores every position of several templates in the image, reading the
	 * image once and correlating it with all templates in one pass of the
	 * engine (for FFT: one transform of the image for all), one score map per
	 * template in the order given. Templates may differ in size, anchor and
	 * mask; masked templates use OpenCV's masked formulas (see
	 * {@link TemplateWeights}), computed without NaN or infinity.
	 *
	 * @throws IllegalArgumentException as {@link #match}
	 */
	public static List< ScoreMap > matchAll(final RandomAccessibleInterval< ? extends RealType< ? > > image, final List< SearchTemplate > templates, final MatchOptions options) {
		if (image == null)
			throw new IllegalArgumentException("No image given.");
		if (templates == null || templates.isEmpty())
			throw new IllegalArgumentException("No template given.");
		if (options == null)
			throw new IllegalArgumentException("No options given. Use new MatchOptions() for SPEC's defaults.");
		final int n = image.numDimensions(), count = templates.size();
		final OutputMode mode = options.mode();
		final MatchMethod method = options.method();
		final ProgressListener progress = options.progress();
		final TaskExecutor executor = options.executor();

		// each template's sizes and anchor; the frame holds them all, anchors aligned
		final int[][] k = new int[count][], a = new int[count][];
		final int[] before = new int[n], after = new int[n], fewestBefore = new int[n], fewestAfter = new int[n];
		Arrays.fill(fewestBefore, Integer.MAX_VALUE);
		Arrays.fill(fewestAfter, Integer.MAX_VALUE);
		for (int t = 0; t < count; t++) {
			final SearchTemplate template = templates.get(t);
			k[t] = templateDims(template.dimsShared(), n);
			a[t] = template.anchor() == null ? options.anchorFor(k[t]) : options.copy().anchor(template.anchor()).anchorFor(k[t]);
			for (int d = 0; d < n; d++) {
				if (mode == OutputMode.VALID && k[t][d] > image.dimension(d))
					throw new IllegalArgumentException("The template " + (template.name() == null ? "" : "'" + template.name() + "' ") + "(" + Axes.sizes(k[t]) + ") is larger than the image (" + Axes.sizes(image.dimensionsAsLongArray()) + ") along " + Axes.name(d) + ": mode=valid needs the template to fit inside the image. Use mode=same, or a smaller template.");
				before[d] = Math.max(before[d], a[t][d]);
				after[d] = Math.max(after[d], k[t][d] - 1 - a[t][d]);
				fewestBefore[d] = Math.min(fewestBefore[d], a[t][d]);
				fewestAfter[d] = Math.min(fewestAfter[d], k[t][d] - 1 - a[t][d]);
			}
		}
		final int[] frame = new int[n];
		for (int d = 0; d < n; d++)
			frame[d] = before[d] + after[d] + 1;

		// the anchor positions scored for the frame, and the block their windows read
		final long[] blockMin = new long[n], blockMax = new long[n], outMin = new long[n];
		boolean extended = false;
		for (int d = 0; d < n; d++) {
			final long min = image.min(d), max = image.max(d);
			outMin[d] = mode == OutputMode.VALID ? min + fewestBefore[d] : min;
			final long outMax = mode == OutputMode.VALID ? max - fewestAfter[d] : max;
			blockMin[d] = outMin[d] - before[d];
			blockMax[d] = outMax + after[d];
			extended |= blockMin[d] < min || blockMax[d] > max;
		}
		// in valid mode no extended pixel reaches a score: a finite extension keeps FFT usable
		final Boundary boundary = mode == OutputMode.VALID && extended ? Boundary.NEAREST : options.boundary();
		progress.checkCancelled();
		progress.status("Reading the image");
		final Block block = new ImageBlockSource(image, boundary, options.fillValue(), new FinalInterval(blockMin, blockMax)).readAll();
		final int[] outDims = Block.validDims(block.dims, frame);
		final int outSize = Block.numElements(outDims);

		// shift: subtracted from the image where the score does not change, for accuracy far from zero
		double finiteSum = 0;
		int finite = 0;
		for (final double v : block.data)
			if (Double.isFinite(v)) {
				finiteSum += v;
				finite++;
			}
		final boolean allFinite = finite == block.data.length;
		final double shift = method == MatchMethod.SQDIFF || method == MatchMethod.CCOEFF || method == MatchMethod.CCOEFF_NORMED ? finite == 0 ? 0 : finiteSum / finite : 0;

		final int[][] offset = new int[count][];
		final TemplateWeights[] weights = new TemplateWeights[count];
		final double[][] frameWeights = new double[count][];
		int taps = 0;
		for (int t = 0; t < count; t++) {
			offset[t] = new int[n];
			for (int d = 0; d < n; d++)
				offset[t][d] = before[d] - a[t][d];
			weights[t] = new TemplateWeights(templates.get(t), method, shift);
			frameWeights[t] = embed(weights[t].weights, k[t], offset[t], frame);
			taps = Math.max(taps, weights[t].count);
		}
		final Algorithm algorithm = options.algorithm() == Algorithm.AUTO ? chooseEngine(block, frame, taps, count + masks(templates), allFinite, executor) : options.algorithm();
		final WeightedSums correlation = WeightedSums.by(algorithm);

		// Templates with running window sums that few others share are scored after the
		// engine, as the sums stream by (their products kept); the others as the products
		// arrive, from sums computed first (once per box and mask, shared).
		final WindowSumsCache sums = new WindowSumsCache(block, frame, outDims, shift, method, correlation, executor);
		final boolean[] later = new boolean[count];
		for (int t = 0; t < count; t++) {
			int sharing = 0;
			for (int u = 0; u < count; u++)
				if (!templates.get(u).isMasked() && Arrays.equals(k[u], k[t]) && Arrays.equals(offset[u], offset[t]))
					sharing++;
			later[t] = sums.needed() && !templates.get(t).isMasked() && sharing <= 2;
		}
		progress.checkCancelled();
		progress.status("Summing the windows");
		final double[][] s1 = new double[count][], s2 = new double[count][];
		for (int t = 0; t < count; t++) {
			progress.checkCancelled();
			if (later[t])
				continue;
			final double[][] pair = sums.of(templates.get(t), k[t], offset[t], new ProgressRange(progress, 0.05 + 0.25 * t / count, 0.25 / count));
			s1[t] = pair[0];
			s2[t] = pair[1];
		}

		// Σ window * weights for every template in one pass
		progress.checkCancelled();
		progress.status(count == 1 ? "Correlating the image with the template" : "Correlating the image with " + count + " templates");
		final float[][] scores = new float[count][outSize];
		final double[][] products = new double[count][];
		final Scorer[] scorers = new Scorer[count];
		final LineSink[] sinks = new LineSink[count];
		for (int t = 0; t < count; t++) {
			final float[] out = scores[t];
			final double[] sum = s1[t], squares = s2[t];
			final double tolerance = templates.get(t).isMasked() && algorithm == Algorithm.FFT ? 1e-9 : 4 * (sum(k[t]) + 2) * EPS;
			final Scorer scorer = scorers[t] = new Scorer(method, weights[t], tolerance);
			if (later[t]) {
				products[t] = new double[outSize];
				sinks[t] = LineSink.of(products[t]);
			} else
				sinks[t] = (at, line, length) -> scorer.score(line, 0, sum, squares, at, out, at, length);
		}
		correlation.sum(block, frame, frameWeights, sinks, executor, new ProgressRange(progress, 0.3, 0.6));
		progress.checkCancelled();
		for (int t = 0; t < count; t++) {
			if (!later[t] || products[t] == null)
				continue;
			// every template of this box at once, as its sums stream by
			final List< Integer > group = new ArrayList<>();
			for (int u = t; u < count; u++)
				if (later[u] && products[u] != null && Arrays.equals(k[u], k[t]) && Arrays.equals(offset[u], offset[t]))
					group.add(u);
			sums.stream(k[t], offset[t], (at, sum, squares, length) -> {
				for (final int u : group)
					scorers[u].score(products[u], at, sum, squares, 0, scores[u], at, length);
			});
			for (final int u : group)
				products[u] = null;
		}
		progress.progress(0.98);

		final List< ScoreMap > maps = new ArrayList<>(count);
		for (int t = 0; t < count; t++) {
			final long[] min = new long[n], max = new long[n];
			for (int d = 0; d < n; d++) {
				min[d] = mode == OutputMode.VALID ? image.min(d) + a[t][d] : image.min(d);
				max[d] = mode == OutputMode.VALID ? image.max(d) - (k[t][d] - 1 - a[t][d]) : image.max(d);
			}
			final Img< FloatType > out = crop(scores[t], outDims, outMin, min, max);
			scores[t] = null;
			maps.add(new ScoreMap(out, new FinalInterval(min, max), method, mode, k[t], a[t], correlation.engine(), templates.get(t)));
		}
		progress.progress(1);
		return maps;
	}

	/** Two more weight sets for each masked template: its window sums come from the engine. */
	private static int masks(final List< SearchTemplate > templates) {
		int m = 0;
		for (final SearchTemplate t : templates)
			if (t.isMasked())
				m += 2;
		return m;
	}

	/** The weights of a {@code k} box placed at {@code offset} in a {@code frame} box of zeros. */
	static double[] embed(final double[] values, final int[] k, final int[] offset, final int[] frame) {
		if (Arrays.equals(k, frame))
			return values;
		final double[] out = new double[Block.numElements(frame)];
		Boxes.copy(values, k, new int[k.length], out, frame, offset, k);
		return out;
	}


	/** The scores of anchors {@code min..max} from the frame's scores, which start at {@code frameMin}. */
	private static Img< FloatType > crop(final float[] scores, final int[] frameDims, final long[] frameMin, final long[] min, final long[] max) {
		final int n = frameDims.length;
		final int[] dims = new int[n], start = new int[n];
		for (int d = 0; d < n; d++) {
			dims[d] = Math.toIntExact(max[d] - min[d] + 1);
			start[d] = Math.toIntExact(min[d] - frameMin[d]);
		}
		if (Arrays.equals(dims, frameDims))
			return ArrayImgs.floats(scores, Util.int2long(frameDims));
		final float[] out = new float[Block.numElements(dims)];
		Boxes.copy(scores, frameDims, start, out, dims, new int[n], dims);
		return ArrayImgs.floats(out, Util.int2long(dims));
	}


	/**
	 * FFT unless the templates are tiny (the engines' cost model, {@link WeightedSums#fastest});
	 * never FFT on non-finite images, whose NaN a transform would spread.
	 */
	private static Algorithm chooseEngine(final Block block, final int[] frame, final int taps, final int sets, final boolean allFinite, final TaskExecutor executor) {
		final Algorithm a = WeightedSums.fastest(block.dims, frame, taps, sets, false, Math.max(1, executor.getParallelism()), () -> allFinite, false);
		return a == Algorithm.SEPARABLE ? Algorithm.DIRECT : a;
	}

	private static int[] templateDims(final int[] dims, final int n) {
		final int m = dims.length;
		for (int d = n; d < m; d++)
			if (dims[d] != 1)
				throw new IllegalArgumentException("The template has " + m + " axes but the image only " + n + ". Use a template with at most " + n + " axes (e.g. a 2-D template for a 2-D image).");
		final int[] k = new int[n];
		for (int d = 0; d < n; d++)
			k[d] = d < m ? dims[d] : 1;
		return k;
	}

	private static int sum(final int[] v) {
		int s = 0;
		for (final int x : v)
			s += x;
		return s;
	}

}
