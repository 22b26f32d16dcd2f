package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ij.ImagePlus;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.match.Flip;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.TemplateVariants;

/**
 * The options of Match Template, as the dialog, the macro options string,
 * the SciJava command and the command-line tool give them: one object for
 * every front end. Immutable.
 * <p>
 * Macro keys (SPEC): {@code image=} and {@code template=} (window titles;
 * no template, or {@code template=<selection>}, uses the rectangle selection
 * on the image), {@code method=} (a {@link MatchMethod} label, OpenCV name or
 * short name), {@code mode=same|valid}, {@code boundary=}, {@code value=}
 * (fill value), {@code matches=} (at most this many, best first, default 1),
 * {@code threshold=} (keep scores at least this good; {@code none} by
 * default), {@code min_distance=} (pixels between match anchors;
 * {@code auto}: half the template's smallest side), {@code subpixel},
 * {@code score_map}, {@code add_to_manager}; and two more:
 * {@code max_overlap=} (drop a match whose rectangle overlaps a better one's
 * by more than this intersection over union; 1, the default, never drops)
 * and {@code anchor=center|[x,y,z]} (the template pixel that marks a match;
 * center is {@code (K-1)/2}, scikit-image centres even templates at
 * {@code K/2}). Several, turned and masked templates: {@code templates=[a,b]}
 * (titles; a stack given as {@code template=} on a 2-D image is one template
 * per slice), {@code rotations=[0,90,180,270]} (exact quarter turns),
 * {@code flip=None|Horizontal|Vertical|Both} (the template and its mirror;
 * Both: all four), {@code angles=[start,stop,step]} (degrees, by
 * interpolation) and {@code mask=[title]} (0 = ignore). Unknown keys are
 * ignored, as ImageJ does.
 *
 * <pre>
 * MatchSettings s = MatchSettings.fromMacroOptions("image=face template=eye method=[Correlation coefficient] matches=3");
 * MatchResult r = TemplateMatching.run(face, eye, s, ProgressListener.NONE);
 * </pre>
 */
public final class MatchSettings extends KeyedSettings {

	/** The template choice that means the rectangle selection on the image. */
	public static final String SELECTION = "<selection>";

	/** The mask choice that means no mask. */
	public static final String NO_MASK = "<none>";

	/** The title of the image to search; null for the current image. */
	public static final MacroKey< String > IMAGE = MacroKey.title("image", null);
	/** The title of the template; null for the selection on the image. */
	public static final MacroKey< String > TEMPLATE = MacroKey.title("template", SELECTION);
	/** A label, OpenCV name or short name of a {@link MatchMethod}. */
	public static final MacroKey< MatchMethod > METHOD = MacroKey.choice("method", MatchMethod.DEFAULT, MatchMethod::fromLabel);
	/** {@link OutputMode#SAME} or {@link OutputMode#VALID}. */
	public static final MacroKey< OutputMode > MODE = MacroKey.choice("mode", OutputMode.SAME, MatchSettings::mode, new String[] { "same", "valid" })
			.checkedBy(v -> new MatchOptions().mode(v));
	public static final MacroKey< Boundary > BOUNDARY = MacroKey.choice("boundary", Boundary.SYMMETRIC, Boundary::fromLabel);
	/** The fill value for {@code boundary=fill}. */
	public static final MacroKey< Double > VALUE = MacroKey.number("value", 0).checkedBy(v -> new MatchOptions().fillValue(v));
	/** At most this many matches (per plane or volume), best first. */
	public static final MacroKey< Integer > MATCHES = MacroKey.value("matches", 1, MatchSettings::matches, n -> Integer.toString(n)).checkedBy(n -> new PeakFinder().maxMatches(n)).inNumberField();
	/** Keep only scores at least this good; NaN ({@code none}) for no threshold. */
	public static final MacroKey< Double > THRESHOLD = MacroKey.value("threshold", Double.NaN, text -> numberOr(text, "threshold", Double.NaN, "none", "nan", "off"),
			t -> Double.isNaN(t) ? "none" : MacroOptions.format(t)).checkedBy(v -> new PeakFinder().threshold(v)).columns(10);
	/** Pixels between match anchors; NaN ({@code auto}) for half the template's smallest side. */
	public static final MacroKey< Double > MIN_DISTANCE = MacroKey.value("min_distance", Double.NaN, text -> numberOr(text, "min_distance", Double.NaN, "auto", "default", "nan"),
			d -> Double.isNaN(d) ? "auto" : MacroOptions.format(d)).checkedBy(v -> new PeakFinder().minDistance(v)).columns(10);
	/** Largest intersection over union of two matches' rectangles; 1 keeps all. */
	public static final MacroKey< Double > MAX_OVERLAP = MacroKey.number("max_overlap", 1).checkedBy(v -> new PeakFinder().maxOverlap(v));
	/** The template anchor as given (x first), or null for {@code (K-1)/2}. */
	public static final MacroKey< int[] > ANCHOR = MacroKey.value("anchor", (int[]) null, text -> MacroOptions.parseAnchor(text, "template"), MacroOptions::anchorText).checkedBy(v -> new MatchOptions().anchor(v)).columns(10);
	public static final MacroKey< Boolean > SUBPIXEL = MacroKey.flag("subpixel");
	/** Show the score map. */
	public static final MacroKey< Boolean > SCORE_MAP = MacroKey.flag("score_map");
	/** Add the matches to the ROI Manager. */
	public static final MacroKey< Boolean > ADD_TO_MANAGER = MacroKey.flag("add_to_manager");
	// the keys of several, turned and masked templates are recorded only when used, so plain searches record as before
	/** The titles of {@code templates=[a,b]}; empty when not given. */
	public static final MacroKey< List< String > > TEMPLATES = MacroKey.value("templates", List.< String > of(), MatchSettings::titles, t -> t.isEmpty() ? null : "[" + String.join(",", t) + "]")
			.shown(t -> String.join(",", t)).columns(20);
	/** The title of the template mask (0 = ignore), or null. */
	public static final MacroKey< String > MASK = MacroKey.title("mask", NO_MASK);
	/** Exact turns in degrees ({@code [0]} when none asked). */
	public static final MacroKey< double[] > ROTATIONS = MacroKey.value("rotations", new double[] { 0 }, MatchSettings::rotations, MatchSettings::numbersText).omittedWhenDefault().columns(16);
	public static final MacroKey< Flip > FLIP = MacroKey.choice("flip", Flip.NONE, Flip::fromLabel).omittedWhenDefault();
	/** {@code [start,stop,step]} in degrees, or null. */
	public static final MacroKey< double[] > ANGLES = MacroKey.value("angles", (double[]) null, MatchSettings::angles, a -> a == null ? null : numbersText(a))
			.shown(a -> a == null ? "none" : numbersText(a)).columns(16);

	/** The macro keys, in the order they are recorded (SPEC). */
	public static final List< MacroKey< ? > > MACRO_KEYS = List.of(IMAGE, TEMPLATE, METHOD, MODE, BOUNDARY, VALUE, MATCHES, THRESHOLD, MIN_DISTANCE, MAX_OVERLAP, ANCHOR, SUBPIXEL, SCORE_MAP,
			ADD_TO_MANAGER, TEMPLATES, MASK, ROTATIONS, FLIP, ANGLES);

	/** The dialog's fields: the keys of several, turned and masked templates before the checkboxes. */
	public static final List< MacroKey< ? > > DIALOG_KEYS = MacroKey.inOrder(MACRO_KEYS, "image", "template", "method", "mode", "boundary", "value", "matches", "threshold", "min_distance", "max_overlap", "anchor",
			"templates", "mask", "rotations", "flip", "angles", "subpixel", "score_map", "add_to_manager");

	/** Every macro key this command reads. */
	public static final List< String > KEYS = MacroKey.names(MACRO_KEYS);

	private MatchSettings(final MacroValues values) {
		super(values);
	}

	/**
	 * Unknown or repeated keys in a macro options string, one message each;
	 * empty when all keys are known and given once.
	 */
	public static List< String > keyProblems(final String options) {
		return MacroOptions.keyProblems(options, KEYS);
	}

	/**
	 * Parses a macro options string; keys not given keep SPEC's defaults.
	 *
	 * @throws IllegalArgumentException naming the bad value and the accepted ones
	 */
	public static MatchSettings fromMacroOptions(final String options) {
		return builder().parseAll(options).build();
	}

	/**
	 * Settings from typed inputs named as the macro keys (the SciJava
	 * command's parameters): {@code input(key)} gives a text, a number, a
	 * boolean, an image or images (their titles are used) or null for the
	 * default.
	 */
	public static MatchSettings fromInputs(final Function< String, Object > input) {
		return builder().parseInputs(input).build();
	}

	/**
	 * The image these settings name: the image titled {@code image=}, looked up
	 * with {@code imagesByTitle} (e.g. {@code WindowManager::getImage}), or
	 * {@code current} when no title is given.
	 *
	 * @throws IllegalArgumentException when there is no such image
	 */
	public ImagePlus image(final Function< String, ImagePlus > imagesByTitle, final ImagePlus current) {
		final String title = values.get(IMAGE);
		if (title != null)
			return OpenImages.titled(imagesByTitle, title, "There is no open image titled '" + title + "' to search in. Open it, or give image=[title] of an open image.");
		if (current == null)
			throw new IllegalArgumentException("No image to search. Open the image to search in, or give image=[title of an open image].");
		return current;
	}

	/**
	 * The template image titled {@code template=}, or null when the selection
	 * on the image is the template.
	 *
	 * @throws IllegalArgumentException when there is no such image
	 */
	public ImagePlus template(final Function< String, ImagePlus > imagesByTitle) {
		final String title = values.get(TEMPLATE);
		return title == null ? null
				: OpenImages.titled(imagesByTitle, title, "There is no open image titled '" + title
						+ "' to use as the template. Open it, give template=[title] of an open image, or leave template= out and draw a rectangle selection on the image.");
	}

	/**
	 * The template images: those of {@code templates=} in order, or the one
	 * of {@code template=}; empty when the selection on the image is the
	 * template.
	 *
	 * @throws IllegalArgumentException when one of them is not open
	 */
	public List< ImagePlus > templates(final Function< String, ImagePlus > imagesByTitle) {
		final List< String > titles = values.get(TEMPLATES);
		if (titles.isEmpty()) {
			final ImagePlus one = template(imagesByTitle);
			return one == null ? List.of() : List.of(one);
		}
		final List< ImagePlus > images = new ArrayList<>();
		for (final String title : titles)
			images.add(OpenImages.titled(imagesByTitle, title, "There is no open image titled '" + title + "' to use as a template (templates=[" + String.join(",", titles)
					+ "]). Open it, or give the titles of open images separated by commas."));
		return images;
	}

	/**
	 * The mask image of {@code mask=}, or null for none.
	 *
	 * @throws IllegalArgumentException when it is not open
	 */
	public ImagePlus mask(final Function< String, ImagePlus > imagesByTitle) {
		final String title = values.get(MASK);
		return title == null ? null
				: OpenImages.titled(imagesByTitle, title, "There is no open image titled '" + title + "' to use as the template mask. Open it (the template's size, 0 where pixels are ignored), or leave mask= out.");
	}

	/** The angles {@code angles=[start,stop,step]} asks for, or null. */
	public double[] angleList() {
		final double[] a = values.get(ANGLES);
		return a == null ? null : TemplateVariants.range(a[0], a[1], a[2]);
	}

	/** True when turned or mirrored copies are searched. */
	public boolean searchesCopies() {
		return turns() || values.get(FLIP) != Flip.NONE;
	}

	/** True when turned copies are searched: exact quarter turns or angles. */
	public boolean turns() {
		final double[] r = values.get(ROTATIONS);
		return !(r.length == 1 && r[0] == 0) || values.get(ANGLES) != null;
	}

	/** The options for the core, without executor or progress. */
	public MatchOptions matchOptions() {
		return new MatchOptions().method(values.get(METHOD)).mode(values.get(MODE)).boundary(values.get(BOUNDARY)).fillValue(values.get(VALUE)).anchor(values.get(ANCHOR));
	}

	/** The peak finder these settings describe. */
	public PeakFinder peakFinder() {
		return new PeakFinder().maxMatches(values.get(MATCHES)).threshold(values.get(THRESHOLD)).minDistance(values.get(MIN_DISTANCE)).maxOverlap(values.get(MAX_OVERLAP))
				.subpixel(values.get(SUBPIXEL));
	}

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		return new Builder(values.toBuilder());
	}

	/**
	 * A builder with SPEC's defaults: current image, selection as template,
	 * normalized correlation coefficient, same, symm, value 0, one match, no
	 * threshold, automatic distance, no overlap rule, centre anchor.
	 */
	public static Builder builder() {
		return new Builder(MacroValues.builder(MACRO_KEYS));
	}

	/** Builds settings from typed values or from the texts macros and dialogs hold. */
	public static final class Builder extends SettingsBuilder< Builder > {

		private Builder(final MacroValues.Builder values) {
			super(values);
		}

		public MatchSettings build() {
			return new MatchSettings(values.build());
		}
	}

	/** {@code same} or {@code valid}. */
	private static OutputMode mode(final String label) {
		try {
			return OutputMode.fromLabel(label);
		} catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("Unknown mode '" + label + "'. Template matching has mode=same (a score per image pixel) or mode=valid (only where the template lies wholly inside).", e);
		}
	}

	/** A whole number, at least 1. */
	private static int matches(final String text) {
		final double n = MacroOptions.parseNumber("matches", text);
		if (n != Math.rint(n) || n < 1 || n > Integer.MAX_VALUE)
			throw new IllegalArgumentException("matches= must be a whole number of at least 1, not " + text.trim() + ". Give how many matches to keep, e.g. matches=1 or matches=20.");
		return (int) n;
	}

	/** A number, or {@code none} for the words given (or blank). */
	private static double numberOr(final String text, final String key, final double none, final String... noneWords) {
		return blank(text) || isWord(text, noneWords) ? none : MacroOptions.parseNumber(key, text);
	}

	/** Titles separated by commas ({@code eye,nose} or {@code [eye,nose]}); blank for none. */
	private static List< String > titles(final String text) {
		final List< String > list = new ArrayList<>();
		if (!blank(text))
			for (final String t : strip(text).split(","))
				if (!t.trim().isEmpty())
					list.add(t.trim());
		return List.copyOf(list);
	}

	/** Exact turns such as {@code [0,90,180,270]}, multiples of 90 degrees; blank or {@code none} for none. */
	private static double[] rotations(final String text) {
		if (blank(text) || isWord(text, "none"))
			return new double[] { 0 };
		final double[] degrees = numbers("rotations", text);
		for (final double r : degrees)
			if (!Double.isFinite(r) || r % 90 != 0)
				throw new IllegalArgumentException("rotations=" + numbersText(degrees) + " holds " + MacroOptions.format(r) + ": rotations are exact quarter turns, e.g. rotations=[0,90,180,270]. Use angles=[start,stop,step] for other angles.");
		return degrees;
	}

	/** {@code [start,stop,step]} in degrees, or blank or {@code none} for none. */
	private static double[] angles(final String text) {
		if (blank(text) || isWord(text, "none"))
			return null;
		final double[] a = numbers("angles", text);
		if (a.length != 3)
			throw new IllegalArgumentException("angles=" + text.trim() + " is not [start,stop,step]. Give three numbers in degrees, e.g. angles=[0,350,10] for every 10 degrees.");
		TemplateVariants.range(a[0], a[1], a[2]); // checks them
		return a;
	}

	/** Numbers separated by commas or spaces, brackets around them optional: {@code [0,90,180]}. */
	private static double[] numbers(final String key, final String text) {
		final String[] parts = strip(text).split("[,\\s]+");
		final double[] v = new double[parts.length];
		for (int i = 0; i < v.length; i++)
			v[i] = MacroOptions.parseNumber(key, parts[i]);
		return v;
	}

	private static String numbersText(final double[] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++)
			sb.append(i == 0 ? "" : ",").append(MacroOptions.format(v[i]));
		return sb.append(']').toString();
	}

	private static String strip(final String text) {
		String t = text.trim();
		if (t.startsWith("["))
			t = t.substring(1);
		if (t.endsWith("]"))
			t = t.substring(0, t.length() - 1);
		return t.trim();
	}

	private static boolean blank(final String s) {
		return s == null || s.trim().isEmpty();
	}

	private static boolean isWord(final String text, final String... words) {
		final String t = text.trim().toLowerCase(Locale.ROOT);
		for (final String w : words)
			if (t.equals(w))
				return true;
		return false;
	}

	/** Equal when they record the same options. */
	@Override
	public boolean equals(final Object o) {
		return o instanceof MatchSettings && values.equals(((MatchSettings) o).values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return "match template " + toMacroOptions();
	}
}
