package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import ij.ImagePlus;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.match.Flip;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.TemplateVariants;
import io.github.convolvej.ij.MacroKey.Field;

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
public final class MatchSettings {

	/** The template choice that means "the rectangle selection on the image". */
	public static final String SELECTION = "<selection>";

	private final String image;
	private final String template;
	private final MatchMethod method;
	private final OutputMode mode;
	private final Boundary boundary;
	private final double value;
	private final int matches;
	private final double threshold;
	private final double minDistance;
	private final double maxOverlap;
	private final int[] anchor;
	private final boolean subpixel;
	private final boolean scoreMap;
	private final boolean addToManager;
	private final List< String > templates;
	private final String mask;
	private final double[] rotations;
	private final Flip flip;
	private final double[] angles;

	private MatchSettings(final Builder b) {
		image = b.image;
		template = b.template;
		method = b.method;
		mode = b.mode;
		boundary = b.boundary;
		value = b.value;
		matches = b.matches;
		threshold = b.threshold;
		minDistance = b.minDistance;
		maxOverlap = b.maxOverlap;
		anchor = b.anchor == null ? null : b.anchor.clone();
		subpixel = b.subpixel;
		scoreMap = b.scoreMap;
		addToManager = b.addToManager;
		templates = b.templates;
		mask = b.mask;
		rotations = b.rotations.clone();
		flip = b.flip;
		angles = b.angles == null ? null : b.angles.clone();
	}

	/** The mask choice that means no mask. */
	public static final String NO_MASK = "<none>";

	/** The macro keys, in the order they are recorded (SPEC). */
	public static final List< MacroKey< MatchSettings, Builder > > MACRO_KEYS = List.of(
			MacroKey.< MatchSettings, Builder > value("image", Builder::image, s -> s.image == null ? null : MacroOptions.quote(s.image))
					.inDialog("Image", Field.CHOICE, s -> s.image, new String[] { MacroKey.OPEN_IMAGES }, 0),
			MacroKey.< MatchSettings, Builder > value("template", Builder::template, s -> s.template == null ? null : MacroOptions.quote(s.template))
					.inDialog("Template", Field.CHOICE, s -> s.template == null ? SELECTION : s.template, new String[] { SELECTION, MacroKey.OPEN_IMAGES }, 0),
			MacroKey.< MatchSettings, Builder > value("method", Builder::method, s -> MacroOptions.quote(s.method.label()))
					.inDialog("Method", Field.CHOICE, s -> s.method.label(), MatchMethod.labels(), 0),
			MacroKey.< MatchSettings, Builder > value("mode", Builder::mode, s -> s.mode.label())
					.inDialog("Mode", Field.CHOICE, new String[] { "same", "valid" }, 0),
			MacroKey.< MatchSettings, Builder > value("boundary", Builder::boundary, s -> s.boundary.label())
					.inDialog("Boundary", Field.CHOICE, Boundary.labels(), 0),
			MacroKey.< MatchSettings, Builder > value("value", (b, text) -> b.value(MacroOptions.parseNumber("value", text)), s -> MacroOptions.format(s.value))
					.inDialog("Value", Field.NUMBER, null, 0),
			MacroKey.< MatchSettings, Builder > value("matches", Builder::matches, s -> Integer.toString(s.matches))
					.inDialog("Matches", Field.NUMBER, null, 0),
			MacroKey.< MatchSettings, Builder > value("threshold", Builder::threshold, MatchSettings::thresholdText)
					.inDialog("Threshold", Field.TEXT, null, 10),
			MacroKey.< MatchSettings, Builder > value("min_distance", Builder::minDistance, MatchSettings::minDistanceText)
					.inDialog("Min_distance", Field.TEXT, null, 10),
			MacroKey.< MatchSettings, Builder > value("max_overlap", (b, text) -> b.maxOverlap(MacroOptions.parseNumber("max_overlap", text)), s -> MacroOptions.format(s.maxOverlap))
					.inDialog("Max_overlap", Field.NUMBER, null, 0),
			MacroKey.< MatchSettings, Builder > value("anchor", Builder::anchor, MatchSettings::anchorText)
					.inDialog("Anchor", Field.TEXT, null, 10),
			MacroKey.< MatchSettings, Builder > flag("subpixel", Builder::subpixel, s -> s.subpixel).inDialog("Subpixel"),
			MacroKey.< MatchSettings, Builder > flag("score_map", Builder::scoreMap, s -> s.scoreMap).inDialog("Score_map"),
			MacroKey.< MatchSettings, Builder > flag("add_to_manager", Builder::addToManager, s -> s.addToManager).inDialog("Add_to_manager"),
			// the keys of several, turned and masked templates only when used, so plain searches record as before
			MacroKey.< MatchSettings, Builder > value("templates", Builder::templates, s -> s.templates.isEmpty() ? null : "[" + String.join(",", s.templates) + "]")
					.inDialog("Templates", Field.TEXT, s -> String.join(",", s.templates), null, 20),
			MacroKey.< MatchSettings, Builder > value("mask", Builder::mask, s -> s.mask == null ? null : MacroOptions.quote(s.mask))
					.inDialog("Mask", Field.CHOICE, s -> s.mask == null ? NO_MASK : s.mask, new String[] { NO_MASK, MacroKey.OPEN_IMAGES }, 0),
			MacroKey.< MatchSettings, Builder > value("rotations", Builder::rotations, s -> s.quarterTurns() ? s.rotationsText() : null)
					.inDialog("Rotations", Field.TEXT, MatchSettings::rotationsText, null, 16),
			MacroKey.< MatchSettings, Builder > value("flip", Builder::flip, s -> s.flip == Flip.NONE ? null : s.flip.label())
					.inDialog("Flip", Field.CHOICE, s -> s.flip.label(), Flip.labels(), 0),
			MacroKey.< MatchSettings, Builder > value("angles", Builder::angles, s -> s.angles == null ? null : s.anglesText())
					.inDialog("Angles", Field.TEXT, MatchSettings::anglesText, null, 16));

	/** The dialog's fields: the keys of several, turned and masked templates before the checkboxes. */
	public static final List< MacroKey< MatchSettings, Builder > > DIALOG_KEYS = MacroKey.inOrder(MACRO_KEYS, "image", "template", "method", "mode", "boundary", "value", "matches", "threshold", "min_distance", "max_overlap", "anchor",
			"templates", "mask", "rotations", "flip", "angles", "subpixel", "score_map", "add_to_manager");

	/** Every macro key this command reads. */
	public static final List< String > KEYS = MacroKey.names(MACRO_KEYS);

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
		final Builder b = builder();
		MacroKey.readAll(MACRO_KEYS, options, b);
		return b.build();
	}

	/**
	 * Settings from typed inputs named as the macro keys (the SciJava
	 * command's parameters): {@code input(key)} gives a text, a number, a
	 * boolean, an image or images (their titles are used) or null for the
	 * default.
	 */
	public static MatchSettings fromInputs(final Function< String, Object > input) {
		final Builder b = builder();
		MacroKey.readInputs(MACRO_KEYS, input, b);
		return b.build();
	}

	/**
	 * Options that {@link #fromMacroOptions} parses back to equal settings:
	 * every key written (image and template only when given), values with
	 * spaces in brackets.
	 */
	public String toMacroOptions() {
		return MacroKey.writeAll(MACRO_KEYS, this);
	}

	/**
	 * The image these settings name: the image titled {@code image=}, looked up
	 * with {@code imagesByTitle} (e.g. {@code WindowManager::getImage}), or
	 * {@code current} when no title is given.
	 *
	 * @throws IllegalArgumentException when there is no such image
	 */
	public ImagePlus image(final Function< String, ImagePlus > imagesByTitle, final ImagePlus current) {
		if (image == null) {
			if (current == null)
				throw new IllegalArgumentException("No image to search. Open the image to search in, or give image=[title of an open image].");
			return current;
		}
		final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(image);
		if (imp == null)
			throw new IllegalArgumentException("There is no open image titled '" + image + "' to search in. Open it, or give image=[title] of an open image.");
		return imp;
	}

	/**
	 * The template image titled {@code template=}, or null when the selection
	 * on the image is the template.
	 *
	 * @throws IllegalArgumentException when there is no such image
	 */
	public ImagePlus template(final Function< String, ImagePlus > imagesByTitle) {
		if (template == null)
			return null;
		final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(template);
		if (imp == null)
			throw new IllegalArgumentException("There is no open image titled '" + template + "' to use as the template. Open it, give template=[title] of an open image, or leave template= out and draw a rectangle selection on the image.");
		return imp;
	}

	/**
	 * The template images: those of {@code templates=} in order, or the one
	 * of {@code template=}; empty when the selection on the image is the
	 * template.
	 *
	 * @throws IllegalArgumentException when one of them is not open
	 */
	public List< ImagePlus > templates(final Function< String, ImagePlus > imagesByTitle) {
		if (templates.isEmpty()) {
			final ImagePlus one = template(imagesByTitle);
			return one == null ? List.of() : List.of(one);
		}
		final List< ImagePlus > images = new ArrayList<>();
		for (final String title : templates) {
			final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(title);
			if (imp == null)
				throw new IllegalArgumentException("There is no open image titled '" + title + "' to use as a template (templates=[" + String.join(",", templates) + "]). Open it, or give the titles of open images separated by commas.");
			images.add(imp);
		}
		return images;
	}

	/**
	 * The mask image of {@code mask=}, or null for none.
	 *
	 * @throws IllegalArgumentException when it is not open
	 */
	public ImagePlus mask(final Function< String, ImagePlus > imagesByTitle) {
		if (mask == null)
			return null;
		final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(mask);
		if (imp == null)
			throw new IllegalArgumentException("There is no open image titled '" + mask + "' to use as the template mask. Open it (the template's size, 0 where pixels are ignored), or leave mask= out.");
		return imp;
	}

	/** The titles of {@code templates=}; empty when not given. */
	public List< String > templateTitles() {
		return templates;
	}

	/** The {@code mask=} title, or null. */
	public String maskTitle() {
		return mask;
	}

	/** Exact turns in degrees ({@code [0]} when none asked). */
	public double[] rotations() {
		return rotations.clone();
	}

	public Flip flip() {
		return flip;
	}

	/** The angles {@code angles=[start,stop,step]} asks for, or null. */
	public double[] angleList() {
		return angles == null ? null : TemplateVariants.range(angles[0], angles[1], angles[2]);
	}

	/** {@code [start,stop,step]}, or null. */
	public double[] angles() {
		return angles == null ? null : angles.clone();
	}

	/** True when turned or mirrored copies are searched. */
	public boolean searchesCopies() {
		return turns() || flip != Flip.NONE;
	}

	/** True when turned copies are searched: exact quarter turns or angles. */
	public boolean turns() {
		return quarterTurns() || angles != null;
	}

	private boolean quarterTurns() {
		return !(rotations.length == 1 && rotations[0] == 0);
	}

	public String rotationsText() {
		return numbersText(rotations);
	}

	public String anglesText() {
		return angles == null ? "none" : numbersText(angles);
	}

	private static String numbersText(final double[] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++)
			sb.append(i == 0 ? "" : ",").append(MacroOptions.format(v[i]));
		return sb.append(']').toString();
	}

	/** The options for the core, without executor or progress. */
	public MatchOptions matchOptions() {
		return new MatchOptions().method(method).mode(mode).boundary(boundary).fillValue(value).anchor(anchor);
	}

	/** The peak finder these settings describe. */
	public PeakFinder peakFinder() {
		return new PeakFinder().maxMatches(matches).threshold(threshold).minDistance(minDistance).maxOverlap(maxOverlap).subpixel(subpixel);
	}

	/** The {@code image=} title, or null for the current image. */
	public String imageTitle() {
		return image;
	}

	/** The {@code template=} title, or null for the selection on the image. */
	public String templateTitle() {
		return template;
	}

	public MatchMethod method() {
		return method;
	}

	/** {@link OutputMode#SAME} or {@link OutputMode#VALID}. */
	public OutputMode mode() {
		return mode;
	}

	public Boundary boundary() {
		return boundary;
	}

	/** The fill value for {@code boundary=fill}. */
	public double value() {
		return value;
	}

	/** At most this many matches (per plane or volume), best first. */
	public int matches() {
		return matches;
	}

	/** Keep only scores at least this good; NaN for none. */
	public double threshold() {
		return threshold;
	}

	/** Pixels between match anchors; NaN for half the template's smallest side. */
	public double minDistance() {
		return minDistance;
	}

	/** Largest intersection over union of two matches' rectangles; 1 keeps all. */
	public double maxOverlap() {
		return maxOverlap;
	}

	/** The template anchor as given (x first), or null for {@code (K-1)/2}. */
	public int[] anchor() {
		return anchor == null ? null : anchor.clone();
	}

	public boolean subpixel() {
		return subpixel;
	}

	/** Show the score map. */
	public boolean scoreMap() {
		return scoreMap;
	}

	/** Add the matches to the ROI Manager. */
	public boolean addToManager() {
		return addToManager;
	}

	/** {@code none} or the threshold. */
	public String thresholdText() {
		return Double.isNaN(threshold) ? "none" : MacroOptions.format(threshold);
	}

	/** {@code auto} or the distance. */
	public String minDistanceText() {
		return Double.isNaN(minDistance) ? "auto" : MacroOptions.format(minDistance);
	}

	/** {@code center} or {@code [x,y]}. */
	public String anchorText() {
		return MacroOptions.anchorText(anchor);
	}

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		final Builder b = builder();
		MacroKey.readAll(MACRO_KEYS, toMacroOptions(), b);
		return b;
	}

	/**
	 * A builder with SPEC's defaults: current image, selection as template,
	 * normalized correlation coefficient, same, symm, value 0, one match, no
	 * threshold, automatic distance, no overlap rule, centre anchor.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds settings from typed values or from the texts the macro options
	 * hold, so that every front end parses them alike.
	 */
	public static final class Builder {
		private String image;
		private String template;
		private MatchMethod method = MatchMethod.DEFAULT;
		private OutputMode mode = OutputMode.SAME;
		private Boundary boundary = Boundary.SYMMETRIC;
		private double value = 0;
		private int matches = 1;
		private double threshold = Double.NaN;
		private double minDistance = Double.NaN;
		private double maxOverlap = 1;
		private int[] anchor;
		private boolean subpixel;
		private boolean scoreMap;
		private boolean addToManager;
		private List< String > templates = List.of();
		private String mask;
		private double[] rotations = { 0 };
		private Flip flip = Flip.NONE;
		private double[] angles;

		private Builder() {}

		/** Titles separated by commas ({@code eye,nose} or {@code [eye,nose]}); blank for none. */
		public Builder templates(final String titles) {
			final List< String > list = new ArrayList<>();
			if (!blank(titles))
				for (final String t : strip(titles).split(","))
					if (!t.trim().isEmpty())
						list.add(t.trim());
			return templates(list);
		}

		public Builder templates(final List< String > titles) {
			templates = List.copyOf(titles);
			return this;
		}

		/** Title of the template mask; null, blank or {@code none} for none. */
		public Builder mask(final String title) {
			mask = blank(title) || isWord(title, "none", "<none>") ? null : title.trim();
			return this;
		}

		/** Exact turns such as {@code [0,90,180,270]}, multiples of 90 degrees. */
		public Builder rotations(final String text) {
			if (blank(text) || isWord(text, "none"))
				return rotations(new double[] { 0 });
			return rotations(numbers("rotations", text));
		}

		public Builder rotations(final double... degrees) {
			if (degrees == null || degrees.length == 0)
				return rotations(new double[] { 0 });
			for (final double r : degrees)
				if (!Double.isFinite(r) || r % 90 != 0)
					throw new IllegalArgumentException("rotations=" + numbersText(degrees) + " holds " + MacroOptions.format(r) + ": rotations are exact quarter turns, e.g. rotations=[0,90,180,270]. Use angles=[start,stop,step] for other angles.");
			rotations = degrees.clone();
			return this;
		}

		/** {@code None}, {@code Horizontal}, {@code Vertical} or {@code Both}. */
		public Builder flip(final String label) {
			return flip(Flip.fromLabel(label));
		}

		public Builder flip(final Flip f) {
			flip = Objects.requireNonNull(f, "flip");
			return this;
		}

		/** {@code [start,stop,step]} in degrees, or blank or {@code none} for none. */
		public Builder angles(final String text) {
			if (blank(text) || isWord(text, "none"))
				return angles((double[]) null);
			final double[] a = numbers("angles", text);
			if (a.length != 3)
				throw new IllegalArgumentException("angles=" + text.trim() + " is not [start,stop,step]. Give three numbers in degrees, e.g. angles=[0,350,10] for every 10 degrees.");
			return angles(a);
		}

		/** Start, stop (included) and step in degrees, or null for none. */
		public Builder angles(final double... startStopStep) {
			if (startStopStep == null) {
				angles = null;
				return this;
			}
			TemplateVariants.range(startStopStep[0], startStopStep[1], startStopStep[2]); // checks them
			angles = startStopStep.clone();
			return this;
		}

		/** Numbers separated by commas or spaces, brackets around them optional: {@code [0,90,180]}. */
		private static double[] numbers(final String key, final String text) {
			final String[] parts = strip(text).split("[,\\s]+");
			final double[] v = new double[parts.length];
			for (int i = 0; i < v.length; i++)
				v[i] = MacroOptions.parseNumber(key, parts[i]);
			return v;
		}

		private static String strip(final String text) {
			String t = text.trim();
			if (t.startsWith("["))
				t = t.substring(1);
			if (t.endsWith("]"))
				t = t.substring(0, t.length() - 1);
			return t.trim();
		}

		/** Title of the image to search; null or blank for the current image. */
		public Builder image(final String title) {
			image = blank(title) ? null : title;
			return this;
		}

		/** Title of the template; null, blank or {@code <selection>} for the selection. */
		public Builder template(final String title) {
			template = blank(title) || title.trim().equalsIgnoreCase(SELECTION) ? null : title;
			return this;
		}

		/** A label, OpenCV name or short name of a {@link MatchMethod}. */
		public Builder method(final String label) {
			return method(MatchMethod.fromLabel(label));
		}

		public Builder method(final MatchMethod m) {
			method = Objects.requireNonNull(m, "method");
			return this;
		}

		/** {@code same} or {@code valid}. */
		public Builder mode(final String label) {
			final OutputMode m;
			try {
				m = OutputMode.fromLabel(label);
			} catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("Unknown mode '" + label + "'. Template matching has mode=same (a score per image pixel) or mode=valid (only where the template lies wholly inside).");
			}
			return mode(m);
		}

		public Builder mode(final OutputMode m) {
			if (m != OutputMode.SAME && m != OutputMode.VALID)
				throw new IllegalArgumentException("Template matching has mode=same or mode=valid, not " + (m == null ? "none" : m.label()) + ".");
			mode = m;
			return this;
		}

		/** A boundary name or alias ({@code symm}, {@code reflect}, {@code constant}, ...). */
		public Builder boundary(final String label) {
			return boundary(Boundary.fromLabel(label));
		}

		public Builder boundary(final Boundary b) {
			boundary = Objects.requireNonNull(b, "boundary");
			return this;
		}

		public Builder value(final double v) {
			if (!Double.isFinite(v))
				throw new IllegalArgumentException("The fill value must be a finite number, got " + v + ".");
			value = v;
			return this;
		}

		/** A whole number, at least 1. */
		public Builder matches(final String text) {
			final double n = MacroOptions.parseNumber("matches", text);
			if (n != Math.rint(n) || n < 1 || n > Integer.MAX_VALUE)
				throw new IllegalArgumentException("matches= must be a whole number of at least 1, not " + text.trim() + ". Give how many matches to keep, e.g. matches=1 or matches=20.");
			return matches((int) n);
		}

		public Builder matches(final int n) {
			if (n < 1)
				throw new IllegalArgumentException("matches= must be a whole number of at least 1, not " + n + ". Give how many matches to keep, e.g. matches=1 or matches=20.");
			matches = n;
			return this;
		}

		/** A number, or {@code none} (or blank) for no threshold. */
		public Builder threshold(final String text) {
			if (blank(text) || isWord(text, "none", "nan", "off"))
				return threshold(Double.NaN);
			return threshold(MacroOptions.parseNumber("threshold", text));
		}

		/** A score, or NaN for none. */
		public Builder threshold(final double t) {
			if (Double.isInfinite(t))
				throw new IllegalArgumentException("The threshold must be a finite score or none, got " + t + ".");
			threshold = t;
			return this;
		}

		/** A number of pixels, or {@code auto} (or blank) for half the template. */
		public Builder minDistance(final String text) {
			if (blank(text) || isWord(text, "auto", "default", "nan"))
				return minDistance(Double.NaN);
			return minDistance(MacroOptions.parseNumber("min_distance", text));
		}

		/** Pixels, or NaN for half the template's smallest side. */
		public Builder minDistance(final double d) {
			if (d < 0 || Double.isInfinite(d))
				throw new IllegalArgumentException("min_distance=" + MacroOptions.format(d) + " is not a distance. Give 0 or more pixels, or min_distance=auto for half the template.");
			minDistance = d;
			return this;
		}

		/** An intersection over union from 0 to 1. */
		public Builder maxOverlap(final double iou) {
			if (!(iou >= 0 && iou <= 1))
				throw new IllegalArgumentException("max_overlap=" + MacroOptions.format(iou) + " is not an intersection over union. Give a number from 0 (rectangles may not overlap) to 1 (any overlap allowed).");
			maxOverlap = iou;
			return this;
		}

		/** {@code center} (or blank) or coordinates such as {@code [40,32]}. */
		public Builder anchor(final String text) {
			return anchor(MacroOptions.parseAnchor(text, "template"));
		}

		/** Coordinates x first, or null for {@code (K-1)/2}. */
		public Builder anchor(final int... a) {
			if (a != null)
				for (final int v : a)
					if (v < 0)
						throw new IllegalArgumentException("The anchor " + Arrays.toString(a) + " has a negative coordinate. Give template coordinates counted from 0, or anchor=center.");
			anchor = a == null ? null : a.clone();
			return this;
		}

		public Builder subpixel(final boolean on) {
			subpixel = on;
			return this;
		}

		public Builder scoreMap(final boolean on) {
			scoreMap = on;
			return this;
		}

		public Builder addToManager(final boolean on) {
			addToManager = on;
			return this;
		}

		public MatchSettings build() {
			return new MatchSettings(this);
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
	}

	/** Equal when they record the same options. */
	@Override
	public boolean equals(final Object o) {
		return o instanceof MatchSettings && toMacroOptions().equals(((MatchSettings) o).toMacroOptions());
	}

	@Override
	public int hashCode() {
		return toMacroOptions().hashCode();
	}

	@Override
	public String toString() {
		return "match template " + toMacroOptions();
	}
}
