package io.github.convolvej.ij;

import ij.ImagePlus;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionResult;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.ProgressRange;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Convolves or correlates an {@link ImagePlus} as {@link FilterSettings} say,
 * into a new image: the one core call per channel and time point (per plane
 * for a 2-D kernel, per volume for a 3-D one), and the result assembled the
 * ImageJ way.
 * <ul>
 * <li>32-bit by default; "Same as input" rounds half up and clips to the
 * source's range (8-bit, 16-bit, each RGB channel); 32-bit input stays 32-bit.</li>
 * <li>RGB is filtered per colour; with 32-bit output the result has three
 * channels, Red, Green, Blue.</li>
 * <li>A complex kernel gives the part {@code complex=} names; {@code All}
 * gives four channels per source channel, labelled Magnitude, Real,
 * Imaginary, Phase (with {@code C1 }, {@code C2 }... or the colour in front
 * when the source has several channels), in that order within each source
 * channel.</li>
 * <li>The calibration is kept; for {@code full} and {@code valid} the origin
 * shifts by the output's offset, so physical coordinates still line up.</li>
 * <li>Titled {@code <title>-convolved} or {@code <title>-correlated}; with
 * {@code certainty} a second 32-bit image {@code <title>-certainty}.</li>
 * <li>A mask (0 = missing) has the source's width, height and depth, or is
 * one plane for every slice of a stack filtered plane by plane.</li>
 * </ul>
 * The source is only read, never changed. Bad input throws
 * {@link IllegalArgumentException} before any pixel is computed; a cancel
 * throws {@link CancelledException}; a heap too small throws
 * {@link NotEnoughMemoryException}; none creates an image.
 */
public final class ImageFilter {

	private ImageFilter() {}

	/**
	 * The filtered image, not shown.
	 *
	 * @param progress may be null
	 * @throws IllegalArgumentException for bad input, saying how to fix it
	 * @throws CancelledException when {@code progress} cancels
	 */
	public static ImagePlus apply(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ProgressListener progress) {
		return applyAll(source, settings, kernel, null, progress).get(0);
	}

	/**
	 * The filtered image, and the certainty image when the settings ask for
	 * it; none shown.
	 *
	 * @param mask pixels where it is 0 are missing; may be null
	 * @param progress may be null
	 * @throws IllegalArgumentException for bad input, saying how to fix it
	 * @throws CancelledException when {@code progress} cancels
	 */
	public static java.util.List< ImagePlus > applyAll(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask, final ProgressListener progress) {
		final FilterPlan plan = FilterPlan.of(source, settings, kernel, mask);
		try {
			return compute(plan, source, settings, progress);
		}
		catch (final OutOfMemoryError e) {
			throw new NotEnoughMemoryException(plan.estimatedBytes(), e);
		}
		catch (final RuntimeException e) {
			throw NotEnoughMemoryException.translate(e, plan.estimatedBytes());
		}
	}

	private static java.util.List< ImagePlus > compute(final FilterPlan plan, final ImagePlus source, final FilterSettings settings, final ProgressListener progress) {
		final ProgressListener p = progress == null ? ProgressListener.NONE : progress;
		final int[] channels = new int[plan.channels];
		for (int c = 0; c < channels.length; c++)
			channels[c] = c + 1;
		final ResultStack result = new ResultStack(plan, channels, plan.outSlices(), plan.frames);
		final ResultStack certainty = settings.get(FilterSettings.CERTAINTY) ? new ResultStack(plan.certaintyPlan(), channels, plan.outSlices(), plan.frames) : null;
		final int units = plan.channels * plan.frames * (plan.volumetric ? 1 : plan.slices);
		int done = 0;
		p.checkCancelled();
		for (int t = 1; t <= plan.frames; t++)
			for (final int c : channels) {
				if (plan.volumetric) {
					status(p, plan, c, 0, t);
					filterVolume(plan, c, t, result, certainty, ProgressRange.part(p, done++, units));
				} else
					for (int z = 1; z <= plan.slices; z++) {
						status(p, plan, c, z, t);
						filterPlane(plan, c, z, t, z - 1, t - 1, result, certainty, ProgressRange.part(p, done++, units));
					}
			}
		p.progress(1);
		final ImagePlus image = result.toImage(title(source, settings), plan.outOrigin());
		return certainty == null ? java.util.Collections.singletonList(image) : java.util.Arrays.asList(image, certainty.toImage(source.getTitle() + "-certainty", plan.outOrigin()));
	}

	/**
	 * The filtered current plane, for a live preview: the source's current
	 * channel (all three colours of RGB), Z slice and time point, as a
	 * one-plane image of the result's type. For a 3-D kernel, the output plane
	 * at the current slice (the nearest one for {@code valid}).
	 */
	public static ImagePlus preview(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ProgressListener progress) {
		return preview(source, settings, kernel, null, progress);
	}

	/** As above, with a mask (0 = missing; may be null). */
	public static ImagePlus preview(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask, final ProgressListener progress) {
		final FilterPlan plan = FilterPlan.of(source, settings.toBuilder().set(FilterSettings.CERTAINTY, false).build(), kernel, mask);
		final ProgressListener p = progress == null ? ProgressListener.NONE : progress;
		final int[] channels = plan.rgb ? new int[] { 1, 2, 3 } : new int[] { source.getChannel() };
		final ResultStack result = new ResultStack(plan, channels, 1, 1);
		final int t = source.getFrame();
		final long[] origin = plan.outOrigin();
		for (int i = 0; i < channels.length; i++) {
			final ProgressListener part = ProgressRange.part(p, i, channels.length);
			if (plan.volumetric) {
				final long z = Math.max(plan.out.min(2), Math.min(plan.out.max(2), source.getSlice() - 1));
				origin[2] = z;
				filterVolumePlane(plan, channels[i], t, z, result, part);
			} else
				filterPlane(plan, channels[i], source.getSlice(), t, 0, 0, result, null, part);
		}
		return result.toImage(title(source, settings) + " (preview)", origin);
	}

	/**
	 * Checks that {@link #apply} would accept this input, computing nothing;
	 * a dialog calls it on every change.
	 *
	 * @return a one-line description of the result, e.g.
	 *         {@code "258 x 258 x 1, 32-bit"}
	 * @throws IllegalArgumentException as {@link #apply} would
	 */
	public static String check(final ImagePlus source, final FilterSettings settings, final Kernel kernel) {
		return check(source, settings, kernel, null);
	}

	/** As above, with a mask (may be null). */
	public static String check(final ImagePlus source, final FilterSettings settings, final Kernel kernel, final ImagePlus mask) {
		final FilterPlan plan = FilterPlan.of(source, settings, kernel, mask);
		final String type = plan.bitDepth == 24 ? "RGB" : plan.bitDepth + "-bit";
		final int channels = plan.outChannels();
		return plan.outWidth() + " x " + plan.outHeight() + " x " + plan.outSlices() + (channels > 1 ? ", " + channels + " channels" : "") + (plan.frames > 1 ? ", " + plan.frames + " frames" : "") + ", " + type;
	}

	/** {@code <title>-convolved} or {@code <title>-correlated}. */
	public static String title(final ImagePlus source, final FilterSettings settings) {
		return source.getTitle() + "-" + settings.operation().pastTense();
	}

	private static void status(final ProgressListener p, final FilterPlan plan, final int c, final int z, final int t) {
		final StringBuilder sb = new StringBuilder(plan.settings.operation() == Operation.CONVOLVE ? "Convolving" : "Correlating");
		if (plan.channels > 1)
			sb.append(" c").append(c);
		if (z > 0 && plan.slices > 1)
			sb.append(" z").append(z);
		if (plan.frames > 1)
			sb.append(" t").append(t);
		p.status(sb.toString());
	}

	private static void filterPlane(final FilterPlan plan, final int c, final int z, final int t, final int outZ, final int outT, final ResultStack result, final ResultStack certainty, final ProgressListener p) {
		p.checkCancelled();
		final RandomAccessibleInterval< ? extends RealType< ? > > view = ImagePlusViews.plane(plan.source, c, z, t);
		final ConvolutionResult< FloatType > r = Convolution.apply(view, plan.kernel, plan.options().mask(plan.maskPlane(c, z, t)).certainty(certainty != null).progress(p));
		result.put(c, outZ, outT, floats(r.real()), r.isComplex() ? floats(r.imaginary()) : null, 0, sourceLabel(plan, c, z, t));
		if (certainty != null)
			certainty.put(c, outZ, outT, floats(r.certainty()), null, 0, sourceLabel(plan, c, z, t));
	}

	private static void filterVolume(final FilterPlan plan, final int c, final int t, final ResultStack result, final ResultStack certainty, final ProgressListener p) {
		p.checkCancelled();
		final RandomAccessibleInterval< ? extends RealType< ? > > view = ImagePlusViews.volume(plan.source, c, t);
		final ConvolutionResult< FloatType > r = Convolution.apply(view, plan.kernel, plan.options().mask(plan.maskVolume(c, t)).certainty(certainty != null).progress(p));
		final float[] re = floats(r.real());
		final float[] im = r.isComplex() ? floats(r.imaginary()) : null;
		final float[] cert = certainty == null ? null : floats(r.certainty());
		final int planeSize = plan.outWidth() * plan.outHeight();
		for (int z = 0; z < plan.outSlices(); z++) {
			result.put(c, z, t - 1, re, im, z * planeSize, null);
			if (cert != null)
				certainty.put(c, z, t - 1, cert, null, z * planeSize, null);
		}
	}

	/** One output plane {@code z} (image coordinates) of a 3-D filter, reading only the slices it needs. */
	private static void filterVolumePlane(final FilterPlan plan, final int c, final int t, final long z, final ResultStack result, final ProgressListener p) {
		p.checkCancelled();
		final RandomAccessibleInterval< DoubleType > view = Converters.convert2(ImagePlusViews.volume(plan.source, c, t), (a, b) -> b.set(a.getRealDouble()), DoubleType::new);
		final RandomAccessible< DoubleType > extended = plan.settings.get(FilterSettings.BOUNDARY).extend(view, new DoubleType(plan.settings.get(FilterSettings.VALUE)));
		final long[] min = { plan.out.min(0), plan.out.min(1), z };
		final ArrayImg< FloatType, FloatArray > re = ArrayImgs.floats(plan.outWidth(), plan.outHeight(), 1);
		final ArrayImg< FloatType, FloatArray > im = plan.kernel.isComplex() ? ArrayImgs.floats(plan.outWidth(), plan.outHeight(), 1) : null;
		Convolution.compute(extended, plan.kernel, Views.translate(re, min), im == null ? null : Views.translate(im, min), plan.options().certainty(false).mask(plan.maskVolume(c, t)).progress(p));
		result.put(c, 0, 0, floats(re), im == null ? null : floats(im), 0, null);
	}

	private static String sourceLabel(final FilterPlan plan, final int c, final int z, final int t) {
		if (plan.source.getStackSize() == 1)
			return null;
		return plan.source.getStack().getSliceLabel(plan.source.getStackIndex(plan.rgb ? 1 : c, z, t));
	}

	/** The values, x fastest: the image's own array when it has one. */
	static float[] floats(final Img< FloatType > img) {
		if (img instanceof ArrayImg) {
			final Object access = ((ArrayImg< ?, ? >) img).update(null);
			if (access instanceof FloatArray)
				return ((FloatArray) access).getCurrentStorageArray();
		}
		final float[] v = new float[Math.toIntExact(img.size())];
		final Cursor< FloatType > cursor = Views.flatIterable(img).cursor();
		int i = 0;
		while (cursor.hasNext())
			v[i++] = cursor.next().get();
		return v;
	}
}
