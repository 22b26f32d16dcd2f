package io.github.convolvej.ij;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.ProgressRange;
import io.github.convolvej.core.match.Match;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.ScoreMap;
import io.github.convolvej.core.match.TemplateMatcher;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * Match Template on {@link ImagePlus}es, as {@link MatchSettings} say: the
 * one core call ({@link TemplateMatcher} and {@link PeakFinder}) per plane or
 * volume, and the score map assembled the ImageJ way. The front ends (the
 * ImageJ 1 plugin, the SciJava command, the command-line tool) only resolve
 * the images, call {@link #run} and show the {@link MatchResult}.
 * <ul>
 * <li>A 2-D template on a stack is matched on each plane on its own (each
 * plane gets up to {@code matches} matches); a 3-D template (a stack of
 * several slices) is matched in 3-D, in each time point's Z volume.</li>
 * <li>Of several channels, the image's current channel is searched; the
 * template's current channel, frame (and all its slices) is the template.</li>
 * <li>RGB images and templates are matched on their luminance, the mean
 * {@code (r + g + b) / 3} of the three colours (ImageJ's unweighted
 * conversion, without rounding).</li>
 * <li>Raw pixel values are used; positions are in pixels whatever the
 * calibration.</li>
 * </ul>
 * The image is never changed. Bad input throws
 * {@link IllegalArgumentException} before anything is computed; a cancel
 * throws {@link CancelledException}.
 */
public final class TemplateMatching {

	private TemplateMatching() {}

	/**
	 * Finds the template in the image.
	 *
	 * @param template the template image, or null to use the rectangle
	 *            selection on {@code image} (cut from its current plane)
	 * @param progress may be null
	 * @throws IllegalArgumentException for bad input, saying how to fix it
	 * @throws CancelledException when {@code progress} cancels
	 */
	public static MatchResult run(final ImagePlus image, final ImagePlus template, final MatchSettings settings, final ProgressListener progress) {
		if (image == null)
			throw new IllegalArgumentException("No image to search. Open the image to search in, or give image=[title of an open image].");
		if (settings == null)
			throw new IllegalArgumentException("No settings given.");
		final Template t = template == null ? Template.ofSelection(image) : Template.of(template);
		check(image, t, settings);
		// with a template of its own, a selection on the image is the region to search
		final ij.gui.Roi region = template == null ? null : SearchRegion.of(image);
		try {
			return match(image, t, settings, region, progress == null ? ProgressListener.NONE : progress);
		}
		catch (final OutOfMemoryError e) {
			throw new NotEnoughMemoryException(estimatedBytes(image, t), e);
		}
		catch (final RuntimeException e) {
			throw NotEnoughMemoryException.translate(e, estimatedBytes(image, t));
		}
	}

	/**
	 * Roughly the memory a search needs: the score maps (32-bit, one per
	 * plane searched), the image's transform and window sums for one unit.
	 */
	private static long estimatedBytes(final ImagePlus image, final Template t) {
		final long plane = (long) image.getWidth() * image.getHeight();
		final long unit = t.depth > 1 ? plane * image.getNSlices() : plane;
		return 4L * plane * image.getNSlices() * image.getNFrames() + 8L * 4 * unit;
	}

	private static MatchResult match(final ImagePlus image, final Template t, final MatchSettings settings, final ij.gui.Roi region, final ProgressListener p) {

		final boolean volumetric = t.depth > 1;
		final int channel = ImagePlusViews.isRgb(image) ? 1 : image.getChannel();
		final int slices = image.getNSlices(), frames = image.getNFrames();
		final int units = volumetric ? frames : slices * frames;
		final List< ImageMatch > matches = new ArrayList<>();
		final List< float[] > planes = new ArrayList<>();
		final PeakFinder finder = settings.peakFinder();
		ScoreMap last = null;
		int done = 0;
		p.checkCancelled();
		for (int f = 1; f <= frames; f++) {
			if (volumetric) {
				p.status(status(image, 0, f));
				final ScoreMap map = TemplateMatcher.match(volume(image, channel, f), t.img(), options(settings, ProgressRange.part(p, done++, units)));
				if (region != null)
					SearchRegion.restrict(map, region);
				for (final Match m : finder.find(map))
					matches.add(new ImageMatch(m, true, channel, 0, f, image::getStackIndex));
				addPlanes(map, planes);
				last = map;
			} else
				for (int z = 1; z <= slices; z++) {
					p.status(status(image, z, f));
					final ScoreMap map = TemplateMatcher.match(plane(image, channel, z, f), t.img(), options(settings, ProgressRange.part(p, done++, units)));
					if (region != null)
						SearchRegion.restrict(map, region);
					for (final Match m : finder.find(map))
						matches.add(new ImageMatch(m, false, channel, z, f, image::getStackIndex));
					addPlanes(map, planes);
					last = map;
				}
		}
		p.progress(1);
		return new MatchResult(image, t.name, matches, scoreMap(image, last, planes, frames), settings);
	}

	/** {@code <title>-scores}. */
	public static String scoreMapTitle(final ImagePlus image) {
		return image.getTitle() + "-scores";
	}

	/**
	 * The rectangle selection on the image's current plane as a 32-bit
	 * template titled {@code <title> selection}; the image is not changed.
	 *
	 * @throws IllegalArgumentException when the image has no rectangle selection
	 */
	public static ImagePlus selectionTemplate(final ImagePlus image) {
		final Template t = Template.ofSelection(image);
		return new ImagePlus(t.name, new FloatProcessor(t.width, t.height, t.values));
	}

	/** Everything checked before a pixel is computed. */
	private static void check(final ImagePlus image, final Template t, final MatchSettings settings) {
		final String name = "'" + image.getTitle() + "'";
		if (t.depth > 1 && image.getNSlices() == 1)
			throw new IllegalArgumentException("The template '" + t.name + "' has 3 axes (" + t.sizeText() + ") but the image " + name + " only 2 (" + image.getWidth() + "x" + image.getHeight() + "). Use a 2-D template (one slice) for a 2-D image, or search a Z stack.");
		final int[] dims = t.dims();
		final long[] imageDims = { image.getWidth(), image.getHeight(), image.getNSlices() };
		if (settings.mode() == OutputMode.VALID)
			for (int d = 0; d < dims.length; d++)
				if (dims[d] > imageDims[d])
					throw new IllegalArgumentException("The template '" + t.name + "' (" + t.sizeText() + ") is larger than the image " + name + " (" + image.getWidth() + "x" + image.getHeight() + (dims.length > 2 ? "x" + image.getNSlices() : "") + ") along " + "xyz".charAt(d) + ": mode=valid needs the template to fit inside the image. Use mode=same, or a smaller template.");
		for (final float v : t.values)
			if (!Float.isFinite(v))
				throw new IllegalArgumentException("The template '" + t.name + "' holds NaN or infinite values. Use a template of finite numbers only (e.g. crop it where the image is defined).");
		final int[] anchor = settings.anchor();
		if (anchor != null && anchor.length > dims.length)
			for (int d = dims.length; d < anchor.length; d++)
				if (anchor[d] != 0)
					throw new IllegalArgumentException("The anchor " + settings.anchorText() + " has " + anchor.length + " coordinates but the template '" + t.name + "' only " + dims.length + " axes (" + t.sizeText() + "). Give one coordinate per template axis, or anchor=center.");
		for (int d = 0; anchor != null && d < Math.min(anchor.length, dims.length); d++)
			if (anchor[d] >= dims[d])
				throw new IllegalArgumentException("The anchor " + settings.anchorText() + " lies outside the template '" + t.name + "' (" + t.sizeText() + "): along " + "xyz".charAt(d) + " it must be from 0 to " + (dims[d] - 1) + ". Use anchor=center, or coordinates inside the template counted from 0 at the top left.");
	}

	private static MatchOptions options(final MatchSettings settings, final ProgressListener progress) {
		return settings.matchOptions().progress(progress);
	}

	private static String status(final ImagePlus image, final int z, final int f) {
		final StringBuilder sb = new StringBuilder("Matching");
		if (z > 0 && image.getNSlices() > 1)
			sb.append(" z").append(z);
		if (image.getNFrames() > 1)
			sb.append(" t").append(f);
		return sb.toString();
	}

	private static RandomAccessibleInterval< ? extends RealType< ? > > plane(final ImagePlus image, final int c, final int z, final int f) {
		if (!ImagePlusViews.isRgb(image))
			return ImagePlusViews.plane(image, c, z, f);
		return ArrayImgs.floats(luminance(image, image.getStackIndex(1, z, f)), image.getWidth(), image.getHeight());
	}

	private static RandomAccessibleInterval< ? extends RealType< ? > > volume(final ImagePlus image, final int c, final int f) {
		if (!ImagePlusViews.isRgb(image))
			return ImagePlusViews.volume(image, c, f);
		final List< FloatArray > planes = new ArrayList<>();
		for (int z = 1; z <= image.getNSlices(); z++)
			planes.add(new FloatArray(luminance(image, image.getStackIndex(1, z, f))));
		final PlanarImg< FloatType, FloatArray > img = new PlanarImg<>(planes, new long[] { image.getWidth(), image.getHeight(), image.getNSlices() }, new Fraction());
		img.setLinkedType(new FloatType(img));
		return img;
	}

	/** The mean of the three colours of an RGB plane. */
	private static float[] luminance(final ImagePlus image, final int stackIndex) {
		final ImageStack stack = image.getStack();
		final int[] rgb = (int[]) (image.getStackSize() == 1 ? image.getProcessor().getPixels() : stack.getProcessor(stackIndex).getPixels());
		final float[] v = new float[rgb.length];
		for (int i = 0; i < v.length; i++)
			v[i] = luminance(rgb[i]);
		return v;
	}

	private static float luminance(final int rgb) {
		return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3f;
	}

	/** Appends the map's planes (x fastest, one per Z). */
	private static void addPlanes(final ScoreMap map, final List< float[] > planes) {
		final float[] all = ImageFilter.floats(map.scores());
		final int w = (int) map.scores().dimension(0), h = (int) map.scores().dimension(1);
		final int n = w * h;
		final int depth = map.numDimensions() > 2 ? (int) map.scores().dimension(2) : 1;
		if (depth == 1) {
			planes.add(all);
			return;
		}
		for (int z = 0; z < depth; z++) {
			final float[] plane = new float[n];
			System.arraycopy(all, z * n, plane, 0, n);
			planes.add(plane);
		}
	}

	/** The score map image: calibrated like the source, shifted to the anchors' positions. */
	private static ImagePlus scoreMap(final ImagePlus image, final ScoreMap last, final List< float[] > planes, final int frames) {
		final int w = (int) last.scores().dimension(0), h = (int) last.scores().dimension(1);
		final ImageStack stack = new ImageStack(w, h);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (final float[] plane : planes) {
			stack.addSlice(null, new FloatProcessor(w, h, plane));
			for (final float v : plane)
				if (Float.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
		}
		final ImagePlus map = new ImagePlus(scoreMapTitle(image), stack);
		final int slices = planes.size() / frames;
		map.setDimensions(1, slices, frames);
		if (slices > 1 && frames > 1)
			map.setOpenAsHyperStack(true);
		final Calibration cal = image.getCalibration().copy();
		cal.disableDensityCalibration();
		cal.xOrigin -= last.interval().min(0);
		cal.yOrigin -= last.interval().min(1);
		if (last.numDimensions() > 2)
			cal.zOrigin -= last.interval().min(2);
		map.setCalibration(cal);
		final LUT lut = AfmHotLut.lut();
		map.getProcessor().setLut(lut);
		stack.setColorModel(lut);
		if (min <= max)
			map.setDisplayRange(min, max);
		return map;
	}

	/** The template's values (32-bit, x fastest), sizes and name. */
	private static final class Template {
		final String name;
		final float[] values;
		final int width, height, depth;

		Template(final String name, final float[] values, final int width, final int height, final int depth) {
			this.name = name;
			this.values = values;
			this.width = width;
			this.height = height;
			this.depth = depth;
		}

		/** The current channel and frame of an image, all its slices. */
		static Template of(final ImagePlus imp) {
			final int w = imp.getWidth(), h = imp.getHeight(), depth = imp.getNSlices();
			final float[] values = new float[w * h * depth];
			final boolean rgb = ImagePlusViews.isRgb(imp);
			for (int z = 1; z <= depth; z++) {
				final int index = imp.getStackIndex(rgb ? 1 : imp.getChannel(), z, imp.getFrame());
				final ImageProcessor ip = imp.getStackSize() == 1 ? imp.getProcessor() : imp.getStack().getProcessor(index);
				final int offset = (z - 1) * w * h;
				for (int i = 0; i < w * h; i++)
					values[offset + i] = rgb ? luminance(ip.get(i)) : ip.getf(i);
			}
			return new Template(imp.getTitle(), values, w, h, depth);
		}

		/** The rectangle selection on the image's current plane. */
		static Template ofSelection(final ImagePlus image) {
			final Roi roi = image.getRoi();
			final String name = "'" + image.getTitle() + "'";
			if (roi == null)
				throw new IllegalArgumentException("No template given. Give template=[title of an open image], or draw a rectangle selection on " + name + " around the pattern to find.");
			if (roi.getType() != Roi.RECTANGLE)
				throw new IllegalArgumentException("The selection on " + name + " is not a rectangle (it is of type " + roi.getTypeAsString().toLowerCase(java.util.Locale.ROOT) + "). Draw a rectangle selection around the pattern to find, or give template=[title of an open image].");
			final Rectangle r = roi.getBounds().intersection(new Rectangle(image.getWidth(), image.getHeight()));
			if (r.width < 1 || r.height < 1)
				throw new IllegalArgumentException("The rectangle selection on " + name + " lies outside the image. Draw it over the pattern to find.");
			final ImageProcessor ip = image.getProcessor(); // the current plane
			final float[] values = new float[r.width * r.height];
			final float[] row = new float[r.width];
			for (int y = 0; y < r.height; y++) {
				if (ImagePlusViews.isRgb(image)) {
					for (int x = 0; x < r.width; x++)
						row[x] = luminance(ip.get(r.x + x, r.y + y));
				} else
					for (int x = 0; x < r.width; x++)
						row[x] = ip.getf(r.x + x, r.y + y);
				System.arraycopy(row, 0, values, y * r.width, r.width);
			}
			return new Template(image.getTitle() + " selection", values, r.width, r.height, 1);
		}

		int[] dims() {
			return depth > 1 ? new int[] { width, height, depth } : new int[] { width, height };
		}

		RandomAccessibleInterval< FloatType > img() {
			return depth > 1 ? ArrayImgs.floats(values, width, height, depth) : ArrayImgs.floats(values, width, height);
		}

		String sizeText() {
			return width + "x" + height + (depth > 1 ? "x" + depth : "");
		}
	}
}
