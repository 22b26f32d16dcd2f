package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.match.Match;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.ScoreMap;
import io.github.convolvej.core.match.TemplateMatcher;
import io.github.convolvej.ij.ImagePlusViews;
import io.github.convolvej.ij.MacroOptions;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * {@code match-template IMAGE TEMPLATE [--csv FILE] [--scores FILE] [OPTIONS]}:
 * Match Template's options string ({@code method=}, {@code mode=same|valid},
 * {@code boundary=}, {@code value=}, {@code anchor=}, {@code matches=},
 * {@code threshold=}, {@code min_distance=}, {@code subpixel}) on two image
 * files; the matches as the Matches table's columns, CSV, best first.
 * {@code image=}, {@code template=}, {@code score_map} and
 * {@code add_to_manager} name windows or displays and are ignored here.
 */
final class MatchCommand {

	private final MatchOptions options;
	private final PeakFinder peaks;

	private MatchCommand(final MatchOptions options, final PeakFinder peaks) {
		this.options = options;
		this.peaks = peaks;
	}

	/** Runs the command; returns the exit code. */
	static int run(final List< String > args, final PrintStream out) throws IOException {
		final List< String > positional = new ArrayList<>();
		String csv = null;
		String scores = null;
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("--csv") || a.equals("--scores")) {
				if (i + 1 >= args.size())
					throw new UsageException(a + " needs a file name.");
				if (a.equals("--csv"))
					csv = args.get(++i);
				else
					scores = args.get(++i);
			}
			else if (a.startsWith("--"))
				throw new UsageException("Unknown flag '" + a + "'. Flags: --csv FILE, --scores FILE.");
			else
				positional.add(a);
		}
		if (positional.size() < 2)
			throw new UsageException("Give an image file and a template file, then the options in quotes, e.g. "
					+ "face.png eye.png \"method=[Correlation coefficient]\".");
		if (scores != null)
			ImageFiles.checkWritable(scores);
		final MatchCommand command = parse(String.join(" ", positional.subList(2, positional.size())));

		final ImagePlus image = ImageFiles.read(positional.get(0));
		final ImagePlus template = ImageFiles.read(positional.get(1));
		final ScoreMap map = TemplateMatcher.match(view(image, "image"), view(template, "template"), command.options);
		final List< Match > matches = command.peaks.find(map);

		final String table = table(matches, image.getNSlices() > 1);
		if (csv == null)
			out.print(table);
		else {
			final Path path = Paths.get(csv).toAbsolutePath();
			if (path.getParent() != null)
				Files.createDirectories(path.getParent());
			Files.write(path, table.getBytes(StandardCharsets.UTF_8));
			out.println(matches.size() + (matches.size() == 1 ? " match" : " matches") + " written to " + csv);
		}
		if (scores != null)
			// Scores of any method fill 0..255 in a PNG; a TIFF keeps them as they are.
			ImageFiles.write(scoreImage(map, image.getTitle() + "-scores"), scores, true, null);
		return ConvolveJCli.OK;
	}

	/** The options string as matcher options and peak finder. */
	static MatchCommand parse(final String text) {
		try {
			final MatchOptions options = new MatchOptions();
			final String method = MacroOptions.value(text, "method");
			if (method != null)
				options.method(MatchMethod.fromLabel(method));
			final String mode = MacroOptions.value(text, "mode");
			if (mode != null) {
				final OutputMode m = OutputMode.fromLabel(mode);
				if (m == OutputMode.FULL)
					throw new IllegalArgumentException("Template matching scores in mode=same or mode=valid, not full.");
				options.mode(m);
			}
			final String boundary = MacroOptions.value(text, "boundary");
			if (boundary != null)
				options.boundary(Boundary.fromLabel(boundary));
			options.fillValue(MacroOptions.number(text, "value", 0));
			final String anchor = MacroOptions.value(text, "anchor");
			if (anchor != null && !anchor.trim().equalsIgnoreCase("center"))
				options.anchor(anchor(anchor));

			final PeakFinder peaks = new PeakFinder();
			final double matches = MacroOptions.number(text, "matches", 1);
			if (matches < 1 || matches != Math.rint(matches))
				throw new IllegalArgumentException("matches= must be a whole number of at least 1, not " + MacroOptions.value(text, "matches") + ".");
			peaks.maxMatches((int) matches);
			if (MacroOptions.value(text, "threshold") != null)
				peaks.threshold(MacroOptions.number(text, "threshold", 0));
			if (MacroOptions.value(text, "min_distance") != null)
				peaks.minDistance(MacroOptions.number(text, "min_distance", 0));
			peaks.subpixel(MacroOptions.flag(text, "subpixel"));
			return new MatchCommand(options, peaks);
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
	}

	private static int[] anchor(final String text) {
		final String[] parts = text.replace("[", "").replace("]", "").trim().split("\\s*[, ]\\s*");
		final int[] a = new int[parts.length];
		try {
			for (int i = 0; i < a.length; i++)
				a[i] = Integer.parseInt(parts[i]);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Cannot read anchor=" + text + ": give center or whole numbers, e.g. anchor=[40,32].");
		}
		return a;
	}

	/** One channel of one time point, X Y (Z for a stack); RGB as ImageJ's 8-bit conversion. */
	private static RandomAccessibleInterval< ? extends RealType< ? > > view(final ImagePlus imp, final String role) {
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1)
			throw new IllegalArgumentException("The " + role + " '" + imp.getTitle() + "' has " + imp.getNChannels() + " channels and "
					+ imp.getNFrames() + " time points; match one of each: split or duplicate it first.");
		if (ImagePlusViews.isRgb(imp)) {
			final ImageStack gray = new ImageStack(imp.getWidth(), imp.getHeight());
			for (int z = 1; z <= imp.getStackSize(); z++)
				gray.addSlice(((ColorProcessor) imp.getStack().getProcessor(z)).convertToByteProcessor());
			return ImagePlusViews.volume(new ImagePlus(imp.getTitle(), gray), 1, 1);
		}
		return imp.getNSlices() > 1 ? ImagePlusViews.volume(imp, 1, 1) : ImagePlusViews.plane(imp, 1, 1, 1);
	}

	/** The Matches table: X, Y (anchor), BX, BY, Width, Height (rectangle), Score, and Slice on stacks. */
	static String table(final List< Match > matches, final boolean slices) {
		final StringBuilder sb = new StringBuilder("X,Y,BX,BY,Width,Height,Score" + (slices ? ",Slice" : "") + "\n");
		for (final Match m : matches) {
			sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%s", number(m.position(0)), number(m.position(1)),
					m.corner()[0], m.corner()[1], m.size()[0], m.size()[1], number(m.score())));
			if (slices)
				sb.append(',').append(m.numDimensions() > 2 ? m.pixel()[2] + 1 : 1);
			sb.append('\n');
		}
		return sb.toString();
	}

	private static String number(final double v) {
		return MacroOptions.format(v);
	}

	private static ImagePlus scoreImage(final ScoreMap map, final String title) {
		final RandomAccessibleInterval< FloatType > scores = map.scores();
		final int w = (int) scores.dimension(0);
		final int h = scores.numDimensions() > 1 ? (int) scores.dimension(1) : 1;
		final int d = scores.numDimensions() > 2 ? (int) scores.dimension(2) : 1;
		final ImageStack stack = new ImageStack(w, h);
		final Cursor< FloatType > cursor = Views.flatIterable(scores).cursor();
		for (int z = 0; z < d; z++) {
			final float[] plane = new float[w * h];
			for (int i = 0; i < plane.length; i++)
				plane[i] = cursor.next().get();
			stack.addSlice(new FloatProcessor(w, h, plane));
		}
		return new ImagePlus(title, stack);
	}
}
