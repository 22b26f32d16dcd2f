package io.github.convolvej.ij;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import ij.ImagePlus;
import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Axes;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.MissingData;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.Precision;

/**
 * The options of Convolve ND and Correlate ND, as the dialog, the macro
 * options string and the SciJava commands give them. One object for every
 * front end, so that none holds logic another lacks. Immutable.
 * <p>
 * Macro keys (SPEC): {@code kernel=} (matrix text or a name),
 * {@code kernel_image=} (title of an open image), {@code mode=},
 * {@code boundary=}, {@code value=}, {@code anchor=center|[x,y,z]},
 * {@code normalize}, {@code output=32-bit|[Same as input]},
 * {@code complex=Magnitude|Real|Imaginary|Phase|All},
 * {@code algorithm=Auto|Direct|Separable|FFT}, {@code precision=float|double}; for missing data
 * {@code nan=Propagate|Interpolate|Fill}, {@code mask=[title]},
 * {@code preserve_nan}, {@code certainty}; {@code scaled} for named kernels
 * in calibrated units. Unknown keys are ignored, as ImageJ does.
 *
 * <pre>
 * FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=same boundary=symm");
 * Kernel k = s.kernel(WindowManager::getImage);
 * ImagePlus result = ImageFilter.apply(imp, s, k, ProgressListener.NONE);
 * </pre>
 */
public final class FilterSettings extends KeyedSettings {

	/** The text of the kernel_image and mask choices that means "no image". */
	public static final String NO_IMAGE = "<none>";

	/** Kernel text: a matrix or a name; null when not given. */
	public static final MacroKey< String > KERNEL = MacroKey.text("kernel").columns(36);
	/** The title of the kernel image; null when not given. */
	public static final MacroKey< String > KERNEL_IMAGE = MacroKey.title("kernel_image", NO_IMAGE);
	public static final MacroKey< OutputMode > MODE = MacroKey.choice("mode", OutputMode.SAME, OutputMode::fromLabel);
	public static final MacroKey< Boundary > BOUNDARY = MacroKey.choice("boundary", Boundary.SYMMETRIC, Boundary::fromLabel);
	/** The fill value for {@code boundary=fill}. */
	public static final MacroKey< Double > VALUE = MacroKey.number("value", 0);
	/** The anchor as given (x first), or null for the centre. */
	public static final MacroKey< int[] > ANCHOR = MacroKey.value("anchor", (int[]) null, text -> MacroOptions.parseAnchor(text, "kernel"), MacroOptions::anchorText);
	public static final MacroKey< Boolean > NORMALIZE = MacroKey.flag("normalize");
	public static final MacroKey< OutputType > OUTPUT = MacroKey.choice("output", OutputType.FLOAT, OutputType::fromLabel);
	public static final MacroKey< ComplexOutput > COMPLEX = MacroKey.choice("complex", ComplexOutput.MAGNITUDE, ComplexOutput::fromLabel);
	public static final MacroKey< Algorithm > ALGORITHM = MacroKey.choice("algorithm", Algorithm.AUTO, Algorithm::fromLabel);
	/** How 32-bit results sum: float (the vector engines' float sums where Java has them) or double. */
	public static final MacroKey< Precision > PRECISION = MacroKey.choice("precision", Precision.FLOAT, Precision::fromLabel).omittedWhenDefault();
	/** What missing pixels do; the field's label "NaN (missing data)" records nan=. */
	public static final MacroKey< MissingData > MISSING_DATA = MacroKey.choice("nan", MissingData.PROPAGATE, MissingData::fromLabel).omittedWhenDefault()
			.labelled("NaN (missing data)");
	/** The title of the mask image (0 = missing); null when not given. */
	public static final MacroKey< String > MASK = MacroKey.title("mask", NO_IMAGE);
	public static final MacroKey< Boolean > PRESERVE_NAN = MacroKey.flag("preserve_nan");
	/** Whether a {@code <title>-certainty} image is made too. */
	public static final MacroKey< Boolean > CERTAINTY = MacroKey.flag("certainty");
	/** Whether lengths in named kernels are in calibrated units; the dialog puts the image's unit for {units}. */
	public static final MacroKey< Boolean > SCALED = MacroKey.flag("scaled").labelled("Scaled units (named kernels in {units})");
	/** The folder a volume's result is written to plane by plane, or null to keep it in memory (and record as before). */
	public static final MacroKey< String > OUTPUT_FOLDER = MacroKey.value("output_folder", (String) null, text -> text.trim().isEmpty() ? null : text.trim(), f -> f == null ? null : MacroOptions.quote(f))
			.shown(f -> f == null ? "" : f).columns(28);
	/** What {@code output_folder=} is written as. */
	public static final MacroKey< StoreFormat > OUTPUT_FORMAT = MacroKey.choice("output_format", StoreFormat.TIFF_PLANES, StoreFormat::fromLabel).recordedOnlyWith(OUTPUT_FOLDER);

	/** The macro keys, in the order they are recorded (SPEC) and shown in the dialog. */
	public static final List< MacroKey< ? > > MACRO_KEYS = List.of(KERNEL, KERNEL_IMAGE, MODE, BOUNDARY, VALUE, ANCHOR, NORMALIZE, OUTPUT, COMPLEX, ALGORITHM, PRECISION, MISSING_DATA, MASK,
			PRESERVE_NAN, CERTAINTY, SCALED, OUTPUT_FOLDER, OUTPUT_FORMAT);

	/** Every macro key this command reads. */
	public static final List< String > KEYS = MacroKey.names(MACRO_KEYS);

	private final Operation operation;

	private FilterSettings(final Operation operation, final MacroValues values) {
		super(values);
		this.operation = operation;
	}

	/**
	 * Unknown or repeated keys in a macro options string, one message each;
	 * empty when all keys are known and given once.
	 */
	public static List< String > keyProblems(final String options) {
		return MacroOptions.keyProblems(options, KEYS);
	}

	/**
	 * Parses a macro options string.
	 *
	 * @throws IllegalArgumentException naming the bad value and the accepted
	 *             ones, or when neither {@code kernel=} nor
	 *             {@code kernel_image=} is given
	 */
	public static FilterSettings fromMacroOptions(final Operation op, final String options) {
		return builder(op).parseAll(options).build();
	}

	/**
	 * Settings from typed inputs named as the macro keys (the SciJava
	 * commands' parameters): {@code input(key)} gives a text, a number, a
	 * boolean, an image (its title is used) or null for the default.
	 */
	public static FilterSettings fromInputs(final Operation op, final Function< String, Object > input) {
		return builder(op).parseInputs(input).build();
	}

	public Operation operation() {
		return operation;
	}

	/**
	 * The kernel these settings name, with the anchor and normalization
	 * applied: the {@code kernel_image=} image when one is given (looked up
	 * by title, e.g. with {@code WindowManager::getImage}), else the parsed
	 * {@code kernel=} text.
	 *
	 * @throws IllegalArgumentException for unreadable kernel text, a missing
	 *             or unsuitable kernel image, or an anchor outside the kernel
	 */
	public Kernel kernel(final Function< String, ImagePlus > imagesByTitle) {
		final String title = values.get(KERNEL_IMAGE);
		if (title == null)
			return anchoredAndNormalized(Kernel.parse(values.get(KERNEL)));
		return anchoredAndNormalized(ImagePlusViews.kernel(OpenImages.titled(imagesByTitle, title,
				"There is no open image titled '" + title + "' to use as the kernel. Open it, or give the kernel as text with kernel=[...].")));
	}

	/**
	 * As {@link #kernel(Function)}, with {@code scaled} applied: lengths of
	 * named kernels divided by the pixel sizes of {@code image}.
	 *
	 * @throws IllegalArgumentException also for {@code scaled} on an image
	 *             without a spatial calibration, or with {@code kernel_image}
	 */
	public Kernel kernel(final Function< String, ImagePlus > imagesByTitle, final ImagePlus image) {
		if (!values.get(SCALED))
			return kernel(imagesByTitle);
		if (values.get(KERNEL_IMAGE) != null)
			throw new IllegalArgumentException("scaled applies to named kernels with lengths (gaussian(...), box(n)), not to kernel_image. Leave scaled off, or give kernel=gaussian(...) in calibrated units.");
		return anchoredAndNormalized(ScaledUnits.kernel(values.get(KERNEL), image).kernel());
	}

	private Kernel anchoredAndNormalized(final Kernel kernel) {
		final int[] anchor = values.get(ANCHOR);
		final Kernel k = anchor == null ? kernel : kernel.withAnchor(fullAnchor(anchor, kernel));
		return values.get(NORMALIZE) ? k.normalize() : k;
	}

	/**
	 * The {@code mask=} image (looked up by title), or null when none is given.
	 *
	 * @throws IllegalArgumentException when no image has that title
	 */
	public ImagePlus mask(final Function< String, ImagePlus > imagesByTitle) {
		final String title = values.get(MASK);
		return title == null ? null
				: OpenImages.titled(imagesByTitle, title, "There is no open image titled '" + title + "' to use as the mask. Open it (0 = missing, anything else = present), or leave mask=<none>.");
	}

	/**
	 * The anchor for every kernel axis: the given coordinates, then the
	 * default {@code (K-1)/2} for axes not given; coordinates beyond the
	 * kernel's axes must be 0 (the kernel checks the others).
	 */
	private static int[] fullAnchor(final int[] anchor, final Kernel k) {
		final int[] dims = k.dimensions();
		final int[] a = Kernel.defaultAnchor(dims);
		for (int d = 0; d < anchor.length; d++)
			if (d < dims.length)
				a[d] = anchor[d];
			else if (anchor[d] != 0)
				throw new IllegalArgumentException("The anchor " + MacroOptions.anchorText(anchor) + " lies outside the " + Axes.sizes(dims) + " kernel: it has no " + Axes.name(d)
						+ " axis, so the anchor must be 0 there. Use anchor=center, or one coordinate per kernel axis counted from 0 at the top left.");
		return a;
	}

	/** The options for the core, without executor or progress. */
	public ConvolutionOptions convolutionOptions() {
		return new ConvolutionOptions().operation(operation).mode(values.get(MODE)).boundary(values.get(BOUNDARY)).fillValue(values.get(VALUE)).algorithm(values.get(ALGORITHM))
				.precision(values.get(PRECISION)).missingData(values.get(MISSING_DATA)).preserveNan(values.get(PRESERVE_NAN)).certainty(values.get(CERTAINTY));
	}

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		return new Builder(operation, values.toBuilder());
	}

	/** A builder with SPEC's defaults: same, symm, value 0, centre anchor, 32-bit, Magnitude, Auto. */
	public static Builder builder(final Operation op) {
		return new Builder(op, MacroValues.builder(MACRO_KEYS));
	}

	/** Builds settings from typed values or from the texts macros and dialogs hold. */
	public static final class Builder extends SettingsBuilder< Builder > {
		private final Operation operation;

		private Builder(final Operation op, final MacroValues.Builder values) {
			super(values);
			this.operation = Objects.requireNonNull(op, "operation");
		}

		/** @throws IllegalArgumentException when no kernel is given */
		public FilterSettings build() {
			final MacroValues v = values.build();
			if (v.get(KERNEL) == null && v.get(KERNEL_IMAGE) == null)
				throw new IllegalArgumentException("No kernel given. Give kernel=[...] (a matrix such as [0 1 0; 1 -4 1; 0 1 0], or a name such as laplace or gaussian(2)) or kernel_image=[title of an open image].");
			return new FilterSettings(operation, v);
		}
	}

	/** Equal when they record the same options for the same operation. */
	@Override
	public boolean equals(final Object o) {
		return o instanceof FilterSettings && operation == ((FilterSettings) o).operation && values.equals(((FilterSettings) o).values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(operation, values);
	}

	@Override
	public String toString() {
		return operation.name().toLowerCase(Locale.ROOT) + " " + toMacroOptions();
	}
}
