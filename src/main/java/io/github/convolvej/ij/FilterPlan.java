package io.github.convolvej.ij;

import java.util.Arrays;

import ij.ImagePlus;
import io.github.convolvej.core.Kernel;
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

	private FilterPlan(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final boolean volumetric, final Interval out, final ComplexOutput[] parts, final int bitDepth) {
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
	}

	/**
	 * @throws IllegalArgumentException saying what is wrong and how to fix it
	 */
	static FilterPlan of(final ImagePlus source, final FilterSettings settings, final Kernel kernel) {
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
			throw new IllegalArgumentException("The kernel (" + sizeText(kernel.dimensions()) + ") has " + used + " axes but " + name + " has only " + spatial + " spatial axes (" + (spatial == 2 ? "X, Y" : "X, Y, Z") + "). Use a kernel with at most " + spatial + " axes" + (spatial == 2 ? ", or filter a Z stack." : "."));
		final boolean volumetric = used == 3;
		final Kernel k = fit(kernel, volumetric ? 3 : 2);
		final long[] size = volumetric ? new long[] { source.getWidth(), source.getHeight(), source.getNSlices() } : new long[] { source.getWidth(), source.getHeight() };
		final Interval out = settings.mode().outputInterval(new FinalInterval(size), k, settings.operation());
		if (out.dimension(0) * out.dimension(1) > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("The result would have " + out.dimension(0) + " x " + out.dimension(1) + " pixels per plane, more than ImageJ can hold. Use mode=same or a smaller kernel.");
		final ComplexOutput[] parts;
		if (!k.isComplex())
			parts = new ComplexOutput[] { ComplexOutput.REAL };
		else if (settings.complex() == ComplexOutput.ALL)
			parts = ComplexOutput.PARTS.clone();
		else
			parts = new ComplexOutput[] { settings.complex() };
		final boolean rgb = ImagePlusViews.isRgb(source);
		final boolean same = settings.output() == OutputType.SAME_AS_INPUT;
		if (rgb && same && parts.length > 1)
			throw new IllegalArgumentException("complex=All gives four values per colour, which an RGB result cannot hold. Use output=32-bit, or one of complex=Magnitude, Real, Imaginary or Phase.");
		final int bitDepth = same ? source.getBitDepth() : 32;
		return new FilterPlan(source, settings, k, volumetric, out, parts, bitDepth);
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

	/** Where the output's first pixel lies in the source, per axis X, Y, Z. */
	long[] outOrigin() {
		return new long[] { out.min(0), out.min(1), volumetric ? out.min(2) : 0 };
	}

	private static String sizeText(final int[] dims) {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < dims.length; d++)
			sb.append(d == 0 ? "" : "x").append(dims[d]);
		return sb.toString();
	}
}
