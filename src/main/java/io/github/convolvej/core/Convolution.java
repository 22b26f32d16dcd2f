package io.github.convolvej.core;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.ImageBlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import io.github.convolvej.core.engine.source.PixelBlock;
import io.github.convolvej.core.engine.source.TargetSink;
import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.DataAccess;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * N-dimensional convolution and correlation with SciPy's numbers, on any
 * ImgLib2 image.
 * <p>
 * With {@code F} the image extended by the boundary rule, {@code k} the kernel
 * and {@code a} its anchor: correlate {@code out[n] = sum_j conj(k[j]) F[n + j - a]},
 * convolve {@code out[n] = sum_j k[j] F[n - j + a]}. The default anchor
 * {@code (K-1)/2} reproduces {@code scipy.signal.convolve2d}/{@code correlate2d};
 * {@code scipy.ndimage}'s {@code origin=o} is anchor {@code K/2 + o}.
 *
 * <pre>
 * // scipy.ndimage.convolve(img, laplace, mode='reflect')
 * Img&lt;FloatType&gt; lap = Convolution.convolve(img, Kernel.parse("laplace"));
 *
 * // scipy.signal.correlate2d(img, k, mode='full', boundary='fill')
 * ConvolutionResult&lt;FloatType&gt; r = Convolution.apply(img, k,
 * 		ConvolutionOptions.correlate().mode(OutputMode.FULL).boundary(Boundary.FILL));
 *
 * // complex kernel: real and imaginary parts
 * ConvolutionResult&lt;FloatType&gt; s = Convolution.apply(img, Kernel.parse("scharr"), ConvolutionOptions.convolve());
 *
 * // 64-bit output
 * ConvolutionResult&lt;DoubleType&gt; d = Convolution.applyDouble(img, k, ConvolutionOptions.convolve());
 *
 * // astropy's convolve(img, k, boundary='fill', fill_value=np.nan, nan_treatment='interpolate'):
 * // normalized convolution over the present pixels, outside the image missing
 * ConvolutionResult&lt;FloatType&gt; n = Convolution.apply(img, k, ConvolutionOptions.convolve()
 * 		.boundary(Boundary.FILL).fillValue(Double.NaN).missingData(MissingData.INTERPOLATE).certainty(true));
 * </pre>
 *
 * NaN and infinity give the direct sum's pattern on every engine (see
 * {@link MissingData}), so the automatic choice may take FFT on such images.
 *
 * The kernel may have fewer axes than the image (missing axes have size 1:
 * a 2-D kernel filters each plane of a stack), never more.
 */
public final class Convolution {

	private Convolution() {}

	/** Convolution, mode {@code same}, boundary {@code symm}, 32-bit. */
	public static Img< FloatType > convolve(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel) {
		return apply(image, kernel, ConvolutionOptions.convolve()).real();
	}

	/** Correlation, mode {@code same}, boundary {@code symm}, 32-bit. */
	public static Img< FloatType > correlate(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel) {
		return apply(image, kernel, ConvolutionOptions.correlate()).real();
	}

	/**
	 * Convolves or correlates as the options say, into a 32-bit result of the
	 * output mode's size, with an imaginary part when the kernel is complex.
	 *
	 * @throws IllegalArgumentException for a kernel with more axes than the
	 *             image, an empty or non-finite kernel, {@code valid} with a
	 *             kernel larger than the image, a mask of another size, or
	 *             {@code nan=Interpolate} or certainty with a complex or
	 *             zero-sum kernel
	 * @throws CancelledException when the progress listener cancels
	 */
	public static ConvolutionResult< FloatType > apply(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel, final ConvolutionOptions options) {
		return prepare(image, kernel, options, true).into(ArrayImgs::floats, a -> LineSink.of(a.getCurrentStorageArray()), options);
	}

	/** As {@link #apply}, into a 64-bit result. */
	public static ConvolutionResult< DoubleType > applyDouble(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel, final ConvolutionOptions options) {
		return prepare(image, kernel, options, false).into(ArrayImgs::doubles, a -> LineSink.of(a.getCurrentStorageArray()), options);
	}

	private static final class Prepared {
		final Kernel kernel;
		final Computation computation;

		Prepared(final Kernel kernel, final Computation computation) {
			this.kernel = kernel;
			this.computation = computation;
		}

		/** Runs into new images (the real part, the imaginary one of a complex kernel, the certainty when asked for). */
		< T extends NativeType< T > & RealType< T >, A extends DataAccess > ConvolutionResult< T > into(final Function< long[], ArrayImg< T, A > > create, final Function< A, LineSink > sink, final ConvolutionOptions options) {
			final long[] dims = computation.outDims();
			final ArrayImg< T, A > re = create.apply(dims);
			final ArrayImg< T, A > im = kernel.isComplex() ? create.apply(dims) : null;
			final ArrayImg< T, A > certainty = options.certainty() ? create.apply(dims) : null;
			computation.run(im == null ? new LineSink[] { sink.apply(re.update(null)) } : new LineSink[] { sink.apply(re.update(null)), sink.apply(im.update(null)) },
					certainty == null ? null : sink.apply(certainty.update(null)), options);
			return new ConvolutionResult<>(re, im, certainty, computation.out, computation.sums.engine());
		}
	}

	/** @param floatResult whether the result is 32-bit, so that its sums may be accumulated in float */
	private static Prepared prepare(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel, final ConvolutionOptions options, final boolean floatResult) {
		final Kernel k = checkedInputs(image, kernel, options);
		final Interval out = options.mode().outputInterval(image, k, options.operation());
		final Kernel w = options.operation().weights(k);
		MissingDataRun.check(k, options);
		final RandomAccessibleInterval< ? extends RealType< ? > > maskImage = options.mask();
		if (maskImage != null && !Arrays.equals(maskImage.dimensionsAsLongArray(), image.dimensionsAsLongArray()))
			throw new IllegalArgumentException("The mask is " + Axes.sizes(maskImage.dimensionsAsLongArray()) + " but the image " + Axes.sizes(image.dimensionsAsLongArray()) + ". Give a mask of the image's width, height and depth (0 = missing, anything else = present).");
		options.progress().checkCancelled();
		final Interval required = requiredInterval(out, w);
		final BlockSource input = new ImageBlockSource(image, options.boundary(), options.fillValue(), required);
		// outside the mask counts as present: fill value=NaN is how "outside is missing" is said
		final BlockSource mask = maskImage == null ? null : new ImageBlockSource(Views.translate(Views.zeroMin(maskImage), image.minAsLongArray()), options.boundary(), 1, required);
		final int n = image.numDimensions();
		final int[] imageMin = new int[n], imageMax = new int[n];
		for (int d = 0; d < n; d++) {
			imageMin[d] = Math.toIntExact(image.min(d) - required.min(d));
			imageMax[d] = Math.toIntExact(image.max(d) - required.min(d));
		}
		return new Prepared(k, computation(input, w, out, options, floatResult && sumsInFloat(options, input)).missing(mask, imageMin, imageMax));
	}

	/**
	 * Source values (the block with the kernel's halo) a block of
	 * {@link #compute} reads at most: 64 MB as doubles, less in the pixels'
	 * own type.
	 */
	static final long BLOCK_SOURCE_VALUES = 1 << 23;

	/** The same, when nothing of the source or the target is copied: only flat indices bound a block. */
	private static final long IN_PLACE_BLOCK_VALUES = Integer.MAX_VALUE - 8;

	/**
	 * The lower-level form, as imglib2-algorithm's convolution: fills
	 * {@code target} (in the source's coordinates; any interval of any
	 * container: array, planar, cell, or a view into a larger image) from an
	 * already extended source, such as
	 * {@code Views.extend(image, Boundary.SYMM.outOfBoundsFactory(fill))}, so
	 * the caller chooses any boundary and any output interval. The target is
	 * computed block by block, each block reading only
	 * {@link #requiredSourceInterval} of itself, so the source may be far
	 * larger than memory (a virtual view, a cached cell image) and memory stays
	 * bounded whatever the target's size (an array or planar image read in
	 * place into array or planar targets is cut only where a block would
	 * pass 2^31 values: neither is copied). {@code imaginaryTarget} receives
	 * the imaginary part of a complex kernel and may be null for a real one.
	 * Results go straight into targets backed by float or double arrays
	 * (array and planar images, and crops of them); into float targets the
	 * sums run in float where {@link #apply} would run them so
	 * ({@link Precision}). The targets must not overlap the source.
	 *
	 * @return the name of the engine that ran (on the first block)
	 */
	public static String compute(final RandomAccessible< ? extends RealType< ? > > extendedSource, final Kernel kernel, final RandomAccessibleInterval< ? extends RealType< ? > > target, final RandomAccessibleInterval< ? extends RealType< ? > > imaginaryTarget, final ConvolutionOptions options) {
		return compute(extendedSource, kernel, target, imaginaryTarget, options, BLOCK_SOURCE_VALUES);
	}

	/** As above, with blocks that read at most {@code blockSourceValues} source values (tests cut small ones). */
	static String compute(final RandomAccessible< ? extends RealType< ? > > extendedSource, final Kernel kernel, final RandomAccessibleInterval< ? extends RealType< ? > > target, final RandomAccessibleInterval< ? extends RealType< ? > > imaginaryTarget, final ConvolutionOptions options, final long blockSourceValues) {
		final Kernel k = checkedInputs(target, kernel, options);
		if (k.isComplex() && imaginaryTarget == null)
			throw new IllegalArgumentException("A complex kernel needs a target for the imaginary part.");
		if (imaginaryTarget != null && !Intervals.equals(target, imaginaryTarget))
			throw new IllegalArgumentException("The imaginary target must cover the same interval as the target.");
		MissingDataRun.check(k, options);
		if (options.certainty())
			throw new IllegalArgumentException("certainty is given by apply(...), which returns it beside the result.");
		final RandomAccessibleInterval< ? extends RealType< ? > >[] targets = imaginaryTarget == null ? targets(target) : targets(target, imaginaryTarget);
		// blocks bound what is held: a source read in place into targets written in place holds nothing of either
		final boolean holdsNothing = ImageBlockSource.readsInPlace(extendedSource) && options.mask() == null && options.missingData() == MissingData.PROPAGATE
				&& Arrays.stream(targets).allMatch(t -> TargetSink.of(t) != null);
		final List< Interval > blocks = TargetBlocks.cut(target, options.operation().weights(k).dimensions(), holdsNothing ? IN_PLACE_BLOCK_VALUES : blockSourceValues);
		final double[][] buffers = new double[targets.length][];
		String engine = null;
		for (int b = 0; b < blocks.size(); b++) {
			final Interval block = blocks.get(b);
			final ConvolutionOptions part = options.copy().progress(ProgressRange.part(options.progress(), b, blocks.size()));
			// results go straight into targets backed by float or double arrays, else through a buffer
			final LineSink[] sinks = new LineSink[targets.length];
			boolean floatTargets = true;
			for (int s = 0; s < targets.length; s++) {
				final TargetSink into = TargetSink.of(Views.interval(targets[s], block));
				floatTargets &= into != null && into.holdsFloats();
				if (into != null)
					sinks[s] = into;
				else {
					final int n = Block.numElements(toInt(block.dimensionsAsLongArray()));
					if (buffers[s] == null || buffers[s].length != n)
						buffers[s] = new double[n];
					sinks[s] = LineSink.of(buffers[s]);
				}
			}
			final Computation c = prepare(extendedSource, k, options.operation(), block, part, floatTargets);
			c.run(sinks, null, part);
			for (int s = 0; s < targets.length; s++)
				if (!(sinks[s] instanceof TargetSink))
					store(buffers[s], Views.interval(targets[s], block));
			if (engine == null)
				engine = c.sums.engine();
		}
		options.progress().progress(1);
		return engine;
	}

	/**
	 * The source pixels that {@link #compute} reads to fill {@code target}:
	 * for output {@code n}, {@code n - a' .. n - a' + K - 1} with {@code a'}
	 * the anchor of the weights the operation sums (the kernel flipped for a
	 * convolution).
	 */
	public static Interval requiredSourceInterval(final Interval target, final Kernel kernel, final ConvolutionOptions options) {
		final Kernel k = checkedInputs(target, kernel, options);
		return requiredInterval(target, options.operation().weights(k));
	}

	/**
	 * Checks, computing nothing, what the missing-data options ask of the
	 * kernel: {@code nan=Interpolate} and {@code certainty} divide by the
	 * kernel's weights, so they need a real kernel whose sum is not 0.
	 *
	 * @throws IllegalArgumentException saying what is wrong and what to use instead
	 */
	public static void check(final Kernel kernel, final ConvolutionOptions options) {
		MissingDataRun.check(kernel, options);
	}

	/** Which engine {@link Algorithm#AUTO} would pick for this image and kernel in {@link #apply}. */
	public static Algorithm chooseAlgorithm(final RandomAccessibleInterval< ? extends RealType< ? > > image, final Kernel kernel, final ConvolutionOptions options) {
		final Kernel k = checkedInputs(image, kernel, options);
		final Interval out = options.mode().outputInterval(image, k, options.operation());
		final Kernel w = options.operation().weights(k);
		final boolean inFloat = sumsInFloat(options, new ImageBlockSource(image, options.boundary(), options.fillValue(), requiredInterval(out, w)));
		return WeightedSums.fastest(toInt(requiredSize(out, w)), w.dimensions(), nonZero(w), w.isComplex() ? 2 : 1, isSeparable(w), options.executor().getParallelism(), () -> true, inFloat);
	}

	/** The kernel, checked against the image (or target) it runs on; each input must be given. */
	private static Kernel checkedInputs(final Interval image, final Kernel kernel, final ConvolutionOptions options) {
		if (image == null)
			throw new IllegalArgumentException("No image given.");
		if (options == null)
			throw new IllegalArgumentException("No options given. Use ConvolutionOptions.convolve() or ConvolutionOptions.correlate().");
		return checkedKernel(kernel, image.numDimensions());
	}

	private static Kernel checkedKernel(final Kernel kernel, final int imageDims) {
		if (kernel == null)
			throw new IllegalArgumentException("No kernel given.");
		if (kernel.numDimensions() > imageDims) {
			boolean trailingOnes = true;
			for (int d = imageDims; d < kernel.numDimensions(); d++)
				trailingOnes &= kernel.dimension(d) == 1;
			if (!trailingOnes)
				throw new IllegalArgumentException("The kernel has " + kernel.numDimensions() + " axes but the image only " + imageDims + ". Use a kernel with at most " + imageDims + " axes (e.g. a 2-D kernel for a 2-D image).");
		}
		if (kernel.hasNonFinite())
			throw new IllegalArgumentException("The kernel holds NaN or infinite values. Give finite numbers only.");
		return kernel.withDimensions(imageDims);
	}

	/** The block, weights and engine for one output interval. */
	private static final class Computation {
		final BlockSource input;
		final int[] kernelDims;
		final double[][] weights;
		final WeightedSums sums;
		final Interval out;
		final int[] anchor;
		BlockSource mask;
		int[] imageMin, imageMax;

		Computation(final BlockSource input, final int[] kernelDims, final double[][] weights, final WeightedSums sums, final Interval out, final int[] anchor) {
			this.input = input;
			this.kernelDims = kernelDims;
			this.weights = weights;
			this.sums = sums;
			this.out = out;
			this.anchor = anchor;
		}

		/** Where the image lies in the block (so that preserve_nan marks only its pixels), and the mask. */
		Computation missing(final BlockSource m, final int[] min, final int[] max) {
			this.mask = m;
			this.imageMin = min;
			this.imageMax = max;
			return this;
		}

		long[] outDims() {
			final long[] d = new long[out.numDimensions()];
			out.dimensions(d);
			return d;
		}

		/** @param certainty may be null */
		void run(final LineSink[] sinks, final LineSink certainty, final ConvolutionOptions options) {
			new MissingDataRun(sums, input, mask, kernelDims, weights, anchor, imageMin, imageMax, options).run(sinks, certainty);
		}
	}

	@SafeVarargs
	private static RandomAccessibleInterval< ? extends RealType< ? > >[] targets(final RandomAccessibleInterval< ? extends RealType< ? > >... parts) {
		return parts;
	}

	/** @param floatTargets whether the results go into float arrays, so that their sums may run in float */
	private static Computation prepare(final RandomAccessible< ? extends RealType< ? > > extended, final Kernel k, final Operation op, final Interval out, final ConvolutionOptions options, final boolean floatTargets) {
		final Kernel w = op.weights(k);
		options.progress().checkCancelled();
		final Interval required = requiredInterval(out, w);
		final RandomAccessibleInterval< ? extends RealType< ? > > maskImage = options.mask();
		final BlockSource input = ImageBlockSource.ofExtended(extended, required);
		final boolean inFloat = floatTargets && sumsInFloat(options, input);
		if (maskImage == null)
			return computation(input, w, out, options, inFloat);
		if (maskImage.numDimensions() != out.numDimensions())
			throw new IllegalArgumentException("The mask has " + maskImage.numDimensions() + " axes but the target " + out.numDimensions() + ".");
		final BlockSource mask = PixelBlock.read(options.boundary().extend(asDouble(maskImage), new DoubleType(1)), required);
		final int n = out.numDimensions();
		final int[] imageMin = new int[n], imageMax = new int[n];
		for (int d = 0; d < n; d++) {
			imageMin[d] = Math.toIntExact(maskImage.min(d) - required.min(d));
			imageMax[d] = Math.toIntExact(maskImage.max(d) - required.min(d));
		}
		return computation(input, w, out, options, inFloat).missing(mask, imageMin, imageMax);
	}

	/** The source pixels that output {@code out} reads: {@code n - a' .. n - a' + K - 1}. */
	private static Interval requiredInterval(final Interval out, final Kernel w) {
		final int n = out.numDimensions();
		final long[] min = new long[n], max = new long[n];
		for (int d = 0; d < n; d++) {
			min[d] = out.min(d) - w.anchor(d);
			max[d] = out.max(d) + w.dimension(d) - 1 - w.anchor(d);
		}
		return new FinalInterval(min, max);
	}

	/**
	 * Whether a 32-bit result's direct and separable sums run in float on the
	 * vector engines: they are present, {@code precision=float}, no missing-data
	 * arithmetic, and the source's values are floats.
	 */
	private static boolean sumsInFloat(final ConvolutionOptions options, final BlockSource input) {
		return options.precision() == Precision.FLOAT && options.mask() == null && options.missingData() == MissingData.PROPAGATE && !options.certainty()
				&& WeightedSums.floatSumsAvailable() && input.exactInFloat();
	}

	/** @param inFloat whether the direct and separable sums run in float ({@link #sumsInFloat}) */
	private static Computation computation(final BlockSource input, final Kernel w, final Interval out, final ConvolutionOptions options, final boolean inFloat) {
		final double[][] weights = w.isComplex() ? new double[][] { w.real(), w.imaginary() } : new double[][] { w.real() };
		Algorithm algorithm = options.algorithm();
		if (algorithm == Algorithm.AUTO)
			// every engine gives the direct sum's NaN and infinity pattern (MissingDataRun), so FFT stays a choice
			algorithm = WeightedSums.fastest(input.dims(), w.dimensions(), nonZero(w), w.isComplex() ? 2 : 1, isSeparable(w), options.executor().getParallelism(), () -> true, inFloat);
		else if (algorithm == Algorithm.SEPARABLE && !isSeparable(w))
			// asked for, but the kernel is not a product of 1-D factors: the direct sums, decided before running
			algorithm = Algorithm.DIRECT;
		return new Computation(input, w.dimensions(), weights, inFloat ? WeightedSums.inFloat(algorithm) : WeightedSums.by(algorithm), out, w.anchor());
	}

	private static long[] requiredSize(final Interval out, final Kernel w) {
		final long[] s = new long[out.numDimensions()];
		for (int d = 0; d < s.length; d++)
			s[d] = out.dimension(d) + w.dimension(d) - 1;
		return s;
	}

	private static boolean isSeparable(final Kernel w) {
		if (w.isComplex())
			return Separability.factors(w.real(), w.dimensions()).isPresent() && Separability.factors(w.imaginary(), w.dimensions()).isPresent();
		return w.separableFactors().isPresent();
	}

	private static int nonZero(final Kernel w) {
		final double[] r = w.real(), i = w.imaginary();
		int c = 0;
		for (int j = 0; j < r.length; j++) {
			if (r[j] != 0)
				c++;
			if (i[j] != 0)
				c++;
		}
		return Math.max(1, c);
	}

	private static int[] toInt(final long[] l) {
		final int[] r = new int[l.length];
		for (int d = 0; d < l.length; d++)
			r[d] = Math.toIntExact(l[d]);
		return r;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval< DoubleType > asDouble(final RandomAccessibleInterval< ? extends RealType< ? > > image) {
		return Converters.convert((RandomAccessibleInterval) image, (a, b) -> ((DoubleType) b).set(((RealType) a).getRealDouble()), new DoubleType());
	}

	private static void store(final double[] values, final RandomAccessibleInterval< ? extends RealType< ? > > target) {
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable(target).cursor();
		int i = 0;
		while (c.hasNext())
			c.next().setReal(values[i++]);
		if (i != values.length)
			throw new IllegalStateException("Target size mismatch: " + i + " vs " + values.length + " " + Arrays.toString(target.dimensionsAsLongArray()));
	}
}
