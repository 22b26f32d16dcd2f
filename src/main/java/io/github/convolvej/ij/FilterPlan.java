package io.github.convolvej.ij;

import java.util.Arrays;

import ij.ImagePlus;
import io.github.convolvej.core.Axes;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Precision;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * What filtering one image takes, checked before any pixel is computed so
 * that bad input creates nothing: the kernel fitted to the image's spatial
 * axes (2-D filters each plane, 3-D each volume), the output positions, the
 * channels and parts of a complex result, and the output pixel type.
 */
final class FilterPlan {

	final ImagePlus source;
	final FilterSettings settings;
	/** The kernel with 2 axes (per plane) or 3 (per volume). */
	final Kernel kernel;
	final boolean volumetric;
	final boolean rgb;
	/** Channels as filtered (3 for RGB). */
	final int channels;
	final int slices;
	final int frames;
	/** Output positions in image coordinates: X, Y, and Z when volumetric. */
	final Interval out;
	/** The parts of each channel's result: one, or four for complex=All. */
	final ComplexOutput[] parts;
	/** The bit depth of the result: 8, 16, 24 (RGB) or 32. */
	final int bitDepth;
	/** Pixels where this image is 0 are missing; null for none. */
	final ImagePlus mask;

	private FilterPlan(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final boolean volumetric, final Interval out, final ComplexOutput[] parts, final int bitDepth, final ImagePlus mask) {
		this.source = source;
		this.settings = settings;
		this.kernel = kernel;
		this.volumetric = volumetric;
		this.rgb = ImagePlusViews.isRgb(source);
		this.channels = ImagePlusViews.channels(source);
		this.slices = source.getNSlices();
		this.frames = source.getNFrames();
		this.out = out;
		this.parts = parts;
		this.bitDepth = bitDepth;
		this.mask = mask;
	}

	/**
	 * The core's options for this plan: the settings', with every sum in
	 * double when the result is rounded to whole numbers (8-, 16-bit, RGB),
	 * since a float sum a few units off in the last place can round the other
	 * way (52624.49 to 52625); 32-bit results keep the faster float sums.
	 */
	ConvolutionOptions options() {
		final ConvolutionOptions options = settings.convolutionOptions();
		return bitDepth == 32 ? options : options.precision(Precision.DOUBLE);
	}

	/**
	 * @throws IllegalArgumentException saying what is wrong and how to fix it
	 */
	static FilterPlan of(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask) {
		if (source == null)
			throw new IllegalArgumentException("No image given. Open an image (or pass one) to filter.");
		if (settings == null)
			throw new IllegalArgumentException("No settings given.");
		if (kernel == null)
			throw new IllegalArgumentException("No kernel given. Give kernel=[...] or kernel_image=[title].");
		if (kernel.hasNonFinite())
			throw new IllegalArgumentException("The kernel holds NaN or infinite values. Give finite numbers only.");
		final String name = "'" + source.getTitle() + "'";
		final int spatial = ImagePlusViews.spatialAxes(source);
		final int used = usedAxes(kernel);
		if (used > spatial)
			throw new IllegalArgumentException("The kernel (" + Axes.sizes(kernel.dimensions()) + ") has " + used + " axes but " + name + " has only " + spatial + " spatial axes (" + (spatial == 2 ? "X, Y" : "X, Y, Z") + "). Use a kernel with at most " + spatial + " axes" + (spatial == 2 ? ", or filter a Z stack." : "."));
		final boolean volumetric = used == 3;
		final Kernel k = fit(kernel, volumetric ? 3 : 2);
		final long[] size = volumetric ? new long[] { source.getWidth(), source.getHeight(), source.getNSlices() } : new long[] { source.getWidth(), source.getHeight() };
		final Interval out = settings.get(FilterSettings.MODE).outputInterval(new FinalInterval(size), k, settings.operation());
		if (out.dimension(0) * out.dimension(1) > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("The result would have " + out.dimension(0) + " x " + out.dimension(1) + " pixels per plane, more than ImageJ can hold. Use mode=same or a smaller kernel.");
		final ComplexOutput[] parts;
		if (!k.isComplex())
			parts = new ComplexOutput[] { ComplexOutput.REAL };
		else if (settings.get(FilterSettings.COMPLEX) == ComplexOutput.ALL)
			parts = ComplexOutput.PARTS.clone();
		else
			parts = new ComplexOutput[] { settings.get(FilterSettings.COMPLEX) };
		final boolean rgb = ImagePlusViews.isRgb(source);
		final boolean same = settings.get(FilterSettings.OUTPUT) == OutputType.SAME_AS_INPUT;
		if (rgb && same && parts.length > 1)
			throw new IllegalArgumentException("complex=All gives four values per colour, which an RGB result cannot hold. Use output=32-bit, or one of complex=Magnitude, Real, Imaginary or Phase.");
		final int bitDepth = same ? source.getBitDepth() : 32;
		Convolution.check(k, settings.convolutionOptions());
		if (mask != null)
			checkMask(source, mask, volumetric);
		return new FilterPlan(source, settings, k, volumetric, out, parts, bitDepth, mask);
	}

	/** The same plan writing the certainty: one real 32-bit part per channel. */
	FilterPlan certaintyPlan() {
		return new FilterPlan(source, settings, kernel, volumetric, out, new ComplexOutput[] { ComplexOutput.REAL }, 32, mask);
	}

	/**
	 * A mask has the image's width, height and depth; one plane serves every
	 * slice of a stack filtered plane by plane. One channel or frame serves
	 * them all, else each has its own.
	 */
	private static void checkMask(final ImagePlus source, final ImagePlus mask, final boolean volumetric) {
		final boolean planeForAll = mask.getNSlices() == 1 && !volumetric;
		if (mask.getWidth() != source.getWidth() || mask.getHeight() != source.getHeight() || mask.getNSlices() != source.getNSlices() && !planeForAll)
			throw new IllegalArgumentException("The mask '" + mask.getTitle() + "' is " + mask.getWidth() + " x " + mask.getHeight() + " x " + mask.getNSlices() + " but '" + source.getTitle() + "' is "
					+ source.getWidth() + " x " + source.getHeight() + " x " + source.getNSlices() + ". Give a mask of the same width, height and depth (0 = missing, anything else = present).");
		if (mask.getNChannels() != 1 && mask.getNChannels() != ImagePlusViews.channels(source) && !ImagePlusViews.isRgb(mask))
			throw new IllegalArgumentException("The mask '" + mask.getTitle() + "' has " + mask.getNChannels() + " channels; give one (used for every channel) or one per channel of '" + source.getTitle() + "'.");
		if (mask.getNFrames() != 1 && mask.getNFrames() != source.getNFrames())
			throw new IllegalArgumentException("The mask '" + mask.getTitle() + "' has " + mask.getNFrames() + " frames; give one (used for every frame) or one per frame of '" + source.getTitle() + "'.");
	}

	/** The mask's plane for source channel {@code c}, slice {@code z}, frame {@code t}; null without a mask. */
	net.imglib2.RandomAccessibleInterval< ? extends net.imglib2.type.numeric.RealType< ? > > maskPlane(final int c, final int z, final int t) {
		if (mask == null)
			return null;
		return ImagePlusViews.plane(mask, Math.min(c, ImagePlusViews.channels(mask)), mask.getNSlices() == 1 ? 1 : z, Math.min(t, mask.getNFrames()));
	}

	/** The mask's volume for source channel {@code c} and frame {@code t}; null without a mask. */
	net.imglib2.RandomAccessibleInterval< ? extends net.imglib2.type.numeric.RealType< ? > > maskVolume(final int c, final int t) {
		if (mask == null)
			return null;
		return ImagePlusViews.volume(mask, Math.min(c, ImagePlusViews.channels(mask)), Math.min(t, mask.getNFrames()));
	}

	/** The number of leading axes up to the last one longer than 1 (at least 1). */
	static int usedAxes(final Kernel kernel) {
		int used = 1;
		for (int d = 0; d < kernel.numDimensions(); d++)
			if (kernel.dimension(d) > 1)
				used = d + 1;
		return used;
	}

	/** The kernel with exactly {@code n} axes: padded with size-1 axes, or trailing size-1 axes dropped. */
	private static Kernel fit(final Kernel kernel, final int n) {
		for (int d = n; d < kernel.numDimensions(); d++)
			if (kernel.anchor(d) != 0)
				throw new IllegalArgumentException("The kernel's anchor " + Arrays.toString(kernel.anchor()) + " is off its single pixel along axis " + d + ". Use anchor 0 there.");
		return kernel.withDimensions(n);
	}

	int outWidth() {
		return (int) out.dimension(0);
	}

	int outHeight() {
		return (int) out.dimension(1);
	}

	/** Output Z planes: the filtered volume's depth, or one per input slice. */
	int outSlices() {
		return volumetric ? (int) out.dimension(2) : slices;
	}

	/** Output channels: {@link #parts} per channel, or one packed RGB channel. */
	int outChannels() {
		return rgb && bitDepth == 24 ? 1 : channels * parts.length;
	}

	/**
	 * Roughly the memory a run needs: the result (and certainty) in its
	 * pixel type, plus a 32-bit working copy of one filtered unit (a plane,
	 * or the volume for 3-D kernels) and its result block.
	 */
	long estimatedBytes() {
		final long outPixels = (long) outWidth() * outHeight() * outSlices() * frames;
		final long resultBytes = outPixels * outChannels() * Math.max(1, bitDepth / 8) * (settings.get(FilterSettings.CERTAINTY) ? 2 : 1);
		final long unitDepth = volumetric ? Math.max(out.dimension(2), slices) : 1;
		final long working = 4L * unitDepth * ((long) source.getWidth() * source.getHeight() + (long) outWidth() * outHeight() * parts.length);
		return resultBytes + working;
	}

	/** Where the output's first pixel lies in the source, per axis X, Y, Z. */
	long[] outOrigin() {
		return new long[] { out.min(0), out.min(1), volumetric ? out.min(2) : 0 };
	}
}
