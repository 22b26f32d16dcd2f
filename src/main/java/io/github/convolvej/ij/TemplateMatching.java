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
import io.github.convolvej.core.Axes;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.ProgressRange;
import io.github.convolvej.core.match.BestScores;
import io.github.convolvej.core.match.Match;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.ScoreMap;
import io.github.convolvej.core.match.SearchTemplate;
import io.github.convolvej.core.match.TemplateVariants;
import io.github.convolvej.core.match.TemplateMatcher;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;

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
		return run(image, template == null ? List.of() : List.of(template), null, settings, progress);
	}

	/**
	 * Finds several templates, and the turned and mirrored copies the
	 * settings ask for, in the image: one table of matches, suppressed
	 * across templates, turns and mirrors, and a score map holding the best
	 * score of any of them at each position. A stack given as a template of a
	 * 2-D image is one template per slice ({@code title:slice}).
	 *
	 * @param templates the template images; empty to use the rectangle
	 *            selection on {@code image}
	 * @param mask the template mask (the template's size, 0 = ignore), or null
	 * @param progress may be null
	 * @throws IllegalArgumentException for bad input, saying how to fix it
	 * @throws CancelledException when {@code progress} cancels
	 */
	public static MatchResult run(final ImagePlus image, final List< ImagePlus > templates, final ImagePlus mask, final MatchSettings settings, final ProgressListener progress) {
		if (image == null)
			throw new IllegalArgumentException("No image to search. Open the image to search in, or give image=[title of an open image].");
		if (settings == null)
			throw new IllegalArgumentException("No settings given.");
		final List< Template > bases = new ArrayList<>();
		if (templates.isEmpty())
			bases.add(Template.ofSelection(image));
		else
			for (final ImagePlus t : templates)
				if (t.getNSlices() > 1 && image.getNSlices() == 1)
					for (int z = 1; z <= t.getNSlices(); z++)
						bases.add(Template.ofSlice(t, z));
				else
					bases.add(Template.of(t));
		for (final Template t : bases)
			check(image, t, settings);
		final List< SearchTemplate > copies = copies(bases, mask, settings);
		// with a template of its own, a selection on the image is the region to search
		final ij.gui.Roi region = templates.isEmpty() ? null : SearchRegion.of(image);
		final String name = bases.size() == 1 ? bases.get(0).name : bases.stream().map(t -> t.name).collect(java.util.stream.Collectors.joining(", "));
		try {
			return match(image, name, bases.size() > 1, copies, settings, region, progress == null ? ProgressListener.NONE : progress);
		}
		catch (final OutOfMemoryError e) {
			throw new NotEnoughMemoryException(estimatedBytes(image, bases.get(0)), e);
		}
		catch (final RuntimeException e) {
			throw NotEnoughMemoryException.translate(e, estimatedBytes(image, bases.get(0)));
		}
	}

	/** The templates as the core searches them: masked, anchored, turned and mirrored as asked. */
	private static List< SearchTemplate > copies(final List< Template > bases, final ImagePlus mask, final MatchSettings settings) {
		final RandomAccessibleInterval< FloatType > maskImg = mask == null ? null : Template.of(mask).img();
		final List< SearchTemplate > list = new ArrayList<>();
		for (final Template t : bases) {
			SearchTemplate s = SearchTemplate.of(t.name, t.img(), maskImg);
			final int[] anchor = settings.get(MatchSettings.ANCHOR);
			if (anchor != null) {
				// every axis, so turns and mirrors can carry it along
				final int[] dims = t.dims(), full = new int[dims.length];
				for (int d = 0; d < dims.length; d++)
					full[d] = d < anchor.length ? anchor[d] : (dims[d] - 1) / 2;
				s = s.anchoredAt(full);
			}
			list.add(s);
		}
		if (!settings.searchesCopies())
			return list;
		if (bases.get(0).depth > 1)
			throw new IllegalArgumentException("rotations, angles and flip turn and mirror 2-D templates; the template '" + bases.get(0).name + "' is 3-D (" + bases.get(0).sizeText() + "). Leave them out to match it in 3-D.");
		return TemplateVariants.of(list, settings.get(MatchSettings.ROTATIONS), settings.get(MatchSettings.FLIP), settings.angleList());
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

	private static MatchResult match(final ImagePlus image, final String name, final boolean several, final List< SearchTemplate > copies, final MatchSettings settings, final ij.gui.Roi region, final ProgressListener p) {
		final boolean volumetric = copies.get(0).dims().length > 2 && copies.get(0).dims()[2] > 1;
		final int channel = ImagePlusViews.isRgb(image) ? 1 : image.getChannel();
		final int slices = image.getNSlices(), frames = image.getNFrames();
		final int units = volumetric ? frames : slices * frames;
		final List< ImageMatch > matches = new ArrayList<>();
		final List< float[] > planes = new ArrayList<>();
		final PeakFinder finder = settings.peakFinder();
		final boolean lower = settings.get(MatchSettings.METHOD).lowerIsBetter();
		ScoreMap last = null;
		int done = 0;
		p.checkCancelled();
		for (int f = 1; f <= frames; f++)
			for (int z = volumetric ? 0 : 1; z <= (volumetric ? 0 : slices); z++) {
				p.status(status(image, z, f) + (copies.size() > 1 ? " (" + copies.size() + " templates)" : ""));
				final RandomAccessibleInterval< ? extends RealType< ? > > unit = volumetric ? volume(image, channel, f) : plane(image, channel, z, f);
				final ProgressListener unitProgress = ProgressRange.part(p, done++, units);
				final int batch = batchSize(unit, copies.size());
				final List< Match > candidates = new ArrayList<>();
				BestScores best = null;
				for (int from = 0; from < copies.size(); from += batch) {
					final List< SearchTemplate > part = copies.subList(from, Math.min(copies.size(), from + batch));
					final List< ScoreMap > maps = TemplateMatcher.matchAll(unit, part, options(settings, new ProgressRange(unitProgress, (double) from / copies.size(), (double) part.size() / copies.size())));
					for (final ScoreMap map : maps) {
						if (region != null)
							SearchRegion.restrict(map, region);
						candidates.addAll(copies.size() == 1 ? finder.find(map) : finder.candidates(map, copies.size()));
						best = best == null ? new BestScores(map, lower) : best.add(map);
					}
				}
				final List< Match > found = copies.size() == 1 ? candidates : finder.merge(candidates, lower);
				for (final Match m : found)
					matches.add(new ImageMatch(m, volumetric, channel, z, f, image::getStackIndex));
				last = best.map();
				addPlanes(last, planes);
			}
		p.progress(1);
		return new MatchResult(image, name, several, matches, scoreMap(image, last, planes, frames), settings);
	}

	/**
	 * How many templates to score at once: all of them unless their score
	 * maps (and the engine's buffers for them) would take more than an
	 * eighth of the memory left.
	 */
	private static int batchSize(final RandomAccessibleInterval< ? > unit, final int templates) {
		final long perTemplate = 12L * Views.iterable(unit).size() + (1 << 20);
		final Runtime rt = Runtime.getRuntime();
		final long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
		return (int) Math.max(1, Math.min(templates, Math.max(64L << 20, free / 8) / perTemplate));
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
		if (settings.get(MatchSettings.MODE) == OutputMode.VALID)
			for (int d = 0; d < dims.length; d++)
				if (dims[d] > imageDims[d])
					throw new IllegalArgumentException("The template '" + t.name + "' (" + t.sizeText() + ") is larger than the image " + name + " (" + image.getWidth() + "x" + image.getHeight() + (dims.length > 2 ? "x" + image.getNSlices() : "") + ") along " + Axes.name(d) + ": mode=valid needs the template to fit inside the image. Use mode=same, or a smaller template.");
		final int[] anchor = settings.get(MatchSettings.ANCHOR);
		if (anchor != null && anchor.length > dims.length)
			for (int d = dims.length; d < anchor.length; d++)
				if (anchor[d] != 0)
					throw new IllegalArgumentException("The anchor " + MacroOptions.anchorText(anchor) + " has " + anchor.length + " coordinates but the template '" + t.name + "' only " + dims.length + " axes (" + t.sizeText() + "). Give one coordinate per template axis, or anchor=center.");
		for (int d = 0; anchor != null && d < Math.min(anchor.length, dims.length); d++)
			if (anchor[d] >= dims[d])
				throw new IllegalArgumentException("The anchor " + MacroOptions.anchorText(anchor) + " lies outside the template '" + t.name + "' (" + t.sizeText() + "): along " + Axes.name(d) + " it must be from 0 to " + (dims[d] - 1) + ". Use anchor=center, or coordinates inside the template counted from 0 at the top left.");
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

		/** One slice of a stack, as one 2-D template named {@code title:slice}. */
		static Template ofSlice(final ImagePlus imp, final int z) {
			final int w = imp.getWidth(), h = imp.getHeight();
			final boolean rgb = ImagePlusViews.isRgb(imp);
			final ImageProcessor ip = imp.getStack().getProcessor(imp.getStackIndex(rgb ? 1 : imp.getChannel(), z, imp.getFrame()));
			final float[] values = new float[w * h];
			for (int i = 0; i < w * h; i++)
				values[i] = rgb ? luminance(ip.get(i)) : ip.getf(i);
			return new Template(imp.getTitle() + ":" + z, values, w, h, 1);
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
