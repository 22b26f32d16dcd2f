package io.github.convolvej.ij;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import ij.ImagePlus;
import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.MissingData;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.Precision;
import io.github.convolvej.ij.MacroKey.Field;

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
public final class FilterSettings {

	/** The text of the kernel_image choice that means "no image". */
	public static final String NO_IMAGE = "<none>";

	private final Operation operation;
	private final String kernelText;
	private final String kernelImage;
	private final OutputMode mode;
	private final Boundary boundary;
	private final double value;
	private final int[] anchor;
	private final boolean normalize;
	private final OutputType output;
	private final ComplexOutput complex;
	private final Algorithm algorithm;
	private final Precision precision;
	private final MissingData missingData;
	private final String maskImage;
	private final boolean preserveNan;
	private final boolean certainty;
	private final boolean scaled;
	private final String outputFolder;
	private final boolean zarr;

	/** The output_format choices: a folder of 32-bit TIFF planes, or a Zarr v2 array. */
	public static final String[] OUTPUT_FORMATS = { "TIFF planes", "Zarr" };

	private FilterSettings(final Builder b) {
		operation = b.operation;
		kernelText = b.kernelText;
		kernelImage = b.kernelImage;
		mode = b.mode;
		boundary = b.boundary;
		value = b.value;
		anchor = b.anchor == null ? null : b.anchor.clone();
		normalize = b.normalize;
		output = b.output;
		complex = b.complex;
		algorithm = b.algorithm;
		precision = b.precision;
		missingData = b.missingData;
		maskImage = b.maskImage;
		preserveNan = b.preserveNan;
		certainty = b.certainty;
		scaled = b.scaled;
		outputFolder = b.outputFolder;
		zarr = b.zarr;
	}

	/** The macro keys, in the order they are recorded (SPEC) and shown in the dialog. */
	public static final List< MacroKey< FilterSettings, Builder > > MACRO_KEYS = List.of(
			MacroKey.< FilterSettings, Builder > value("kernel", Builder::kernel, s -> s.kernelText == null ? null : MacroOptions.quote(s.kernelText))
					.inDialog("Kernel", Field.TEXT, s -> s.kernelText == null ? "" : s.kernelText, null, 36),
			MacroKey.< FilterSettings, Builder > value("kernel_image", Builder::kernelImage, s -> s.kernelImage == null ? null : MacroOptions.quote(s.kernelImage))
					.inDialog("Kernel_image", Field.CHOICE, s -> s.kernelImage == null ? NO_IMAGE : s.kernelImage, new String[] { NO_IMAGE, MacroKey.OPEN_IMAGES }, 0),
			MacroKey.< FilterSettings, Builder > value("mode", Builder::mode, s -> s.mode.label())
					.inDialog("Mode", Field.CHOICE, OutputMode.labels(), 0),
			MacroKey.< FilterSettings, Builder > value("boundary", Builder::boundary, s -> s.boundary.label())
					.inDialog("Boundary", Field.CHOICE, Boundary.labels(), 0),
			MacroKey.< FilterSettings, Builder > value("value", (b, text) -> b.value(MacroOptions.parseNumber("value", text)), s -> MacroOptions.format(s.value))
					.inDialog("Value", Field.NUMBER, null, 0),
			MacroKey.< FilterSettings, Builder > value("anchor", Builder::anchor, s -> MacroOptions.anchorText(s.anchor))
					.inDialog("Anchor", Field.TEXT, null, 12),
			MacroKey.< FilterSettings, Builder > flag("normalize", Builder::normalize, s -> s.normalize).inDialog("Normalize"),
			MacroKey.< FilterSettings, Builder > value("output", Builder::output, s -> MacroOptions.quote(s.output.label()))
					.inDialog("Output", Field.CHOICE, s -> s.output.label(), OutputType.labels(), 0),
			MacroKey.< FilterSettings, Builder > value("complex", Builder::complex, s -> s.complex.label())
					.inDialog("Complex", Field.CHOICE, ComplexOutput.labels(), 0),
			MacroKey.< FilterSettings, Builder > value("algorithm", Builder::algorithm, s -> s.algorithm.label())
					.inDialog("Algorithm", Field.CHOICE, Algorithm.labels(), 0),
			// float: the vector engines' float sums where Java has them; double: every sum in double
			MacroKey.< FilterSettings, Builder > value("precision", Builder::precision, s -> s.precision == Precision.FLOAT ? null : s.precision.label())
					.inDialog("Precision", Field.CHOICE, s -> s.precision.label(), Precision.labels(), 0),
			// ImageJ's macro key is the label's first word: "NaN (missing data)" records nan=
			MacroKey.< FilterSettings, Builder > value("nan", Builder::missingData, s -> s.missingData == MissingData.PROPAGATE ? null : s.missingData.label())
					.inDialog("NaN (missing data)", Field.CHOICE, s -> s.missingData.label(), MissingData.labels(), 0),
			MacroKey.< FilterSettings, Builder > value("mask", Builder::maskImage, s -> s.maskImage == null ? null : MacroOptions.quote(s.maskImage))
					.inDialog("Mask", Field.CHOICE, s -> s.maskImage == null ? NO_IMAGE : s.maskImage, new String[] { NO_IMAGE, MacroKey.OPEN_IMAGES }, 0),
			MacroKey.< FilterSettings, Builder > flag("preserve_nan", Builder::preserveNan, s -> s.preserveNan).inDialog("Preserve_nan"),
			MacroKey.< FilterSettings, Builder > flag("certainty", Builder::certainty, s -> s.certainty).inDialog("Certainty"),
			// {units}: the dialog puts the image's unit there
			MacroKey.< FilterSettings, Builder > flag("scaled", Builder::scaled, s -> s.scaled).inDialog("Scaled units (named kernels in {units})"),
			// only when given: results in memory record as before; a volume larger than memory is written plane by plane
			MacroKey.< FilterSettings, Builder > value("output_folder", Builder::outputFolder, s -> s.outputFolder == null ? null : MacroOptions.quote(s.outputFolder))
					.inDialog("Output_folder", Field.TEXT, s -> s.outputFolder == null ? "" : s.outputFolder, null, 28),
			MacroKey.< FilterSettings, Builder > value("output_format", Builder::outputFormat, s -> s.outputFolder == null ? null : MacroOptions.quote(s.outputFormat()))
					.inDialog("Output_format", Field.CHOICE, FilterSettings::outputFormat, OUTPUT_FORMATS, 0));

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
	 * Parses a macro options string.
	 *
	 * @throws IllegalArgumentException naming the bad value and the accepted
	 *             ones, or when neither {@code kernel=} nor
	 *             {@code kernel_image=} is given
	 */
	public static FilterSettings fromMacroOptions(final Operation op, final String options) {
		final Builder b = builder(op);
		MacroKey.readAll(MACRO_KEYS, options, b);
		return b.build();
	}

	/**
	 * Settings from typed inputs named as the macro keys (the SciJava
	 * commands' parameters): {@code input(key)} gives a text, a number, a
	 * boolean, an image (its title is used) or null for the default.
	 */
	public static FilterSettings fromInputs(final Operation op, final Function< String, Object > input) {
		final Builder b = builder(op);
		MacroKey.readInputs(MACRO_KEYS, input, b);
		return b.build();
	}

	/**
	 * Options that {@link #fromMacroOptions} parses back to equal settings:
	 * every key written, values with spaces in brackets.
	 */
	public String toMacroOptions() {
		return MacroKey.writeAll(MACRO_KEYS, this);
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
		Kernel k;
		if (kernelImage != null) {
			final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(kernelImage);
			if (imp == null)
				throw new IllegalArgumentException("There is no open image titled '" + kernelImage + "' to use as the kernel. Open it, or give the kernel as text with kernel=[...].");
			k = ImagePlusViews.kernel(imp);
		} else
			k = Kernel.parse(kernelText);
		if (anchor != null)
			k = k.withAnchor(fullAnchor(k));
		return normalize ? k.normalize() : k;
	}

	/**
	 * As {@link #kernel(Function)}, with {@code scaled} applied: lengths of
	 * named kernels divided by the pixel sizes of {@code image}.
	 *
	 * @throws IllegalArgumentException also for {@code scaled} on an image
	 *             without a spatial calibration, or with {@code kernel_image}
	 */
	public Kernel kernel(final Function< String, ImagePlus > imagesByTitle, final ImagePlus image) {
		if (!scaled)
			return kernel(imagesByTitle);
		if (kernelImage != null)
			throw new IllegalArgumentException("scaled applies to named kernels with lengths (gaussian(...), box(n)), not to kernel_image. Leave scaled off, or give kernel=gaussian(...) in calibrated units.");
		Kernel k = ScaledUnits.kernel(kernelText, image).kernel();
		if (anchor != null)
			k = k.withAnchor(fullAnchor(k));
		return normalize ? k.normalize() : k;
	}

	/**
	 * The {@code mask=} image (looked up by title), or null when none is given.
	 *
	 * @throws IllegalArgumentException when no image has that title
	 */
	public ImagePlus mask(final Function< String, ImagePlus > imagesByTitle) {
		if (maskImage == null)
			return null;
		final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(maskImage);
		if (imp == null)
			throw new IllegalArgumentException("There is no open image titled '" + maskImage + "' to use as the mask. Open it (0 = missing, anything else = present), or leave mask=<none>.");
		return imp;
	}

	/**
	 * The anchor for every kernel axis: the given coordinates, then the
	 * default {@code (K-1)/2} for axes not given; extra coordinates must be 0.
	 */
	private int[] fullAnchor(final Kernel k) {
		final int[] dims = k.dimensions();
		final int[] a = Kernel.defaultAnchor(dims);
		for (int d = 0; d < anchor.length; d++) {
			final int size = d < dims.length ? dims[d] : 1;
			if (anchor[d] < 0 || anchor[d] >= size)
				throw new IllegalArgumentException("The anchor " + MacroOptions.anchorText(anchor) + " lies outside the " + sizeText(dims) + " kernel: along " + axisName(d) + " it must be from 0 to " + (size - 1) + ". Use anchor=center, or coordinates inside the kernel counted from 0 at the top left.");
			if (d < dims.length)
				a[d] = anchor[d];
		}
		return a;
	}

	/** The options for the core, without executor or progress. */
	public ConvolutionOptions convolutionOptions() {
		return new ConvolutionOptions().operation(operation).mode(mode).boundary(boundary).fillValue(value).algorithm(algorithm).precision(precision)
				.missingData(missingData).preserveNan(preserveNan).certainty(certainty);
	}

	public Operation operation() {
		return operation;
	}

	/** The {@code kernel=} text, or null when not given. */
	public String kernelText() {
		return kernelText;
	}

	/** The {@code kernel_image=} title, or null when not given. */
	public String kernelImage() {
		return kernelImage;
	}

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

	/** The anchor as given (x first), or null for the centre. */
	public int[] anchor() {
		return anchor == null ? null : anchor.clone();
	}

	public boolean normalize() {
		return normalize;
	}

	public OutputType output() {
		return output;
	}

	public ComplexOutput complex() {
		return complex;
	}

	public Algorithm algorithm() {
		return algorithm;
	}

	/** How 32-bit results sum: float (the vector engine where present) or double. */
	public Precision precision() {
		return precision;
	}

	/** What missing pixels do ({@code nan=}). */
	public MissingData missingData() {
		return missingData;
	}

	/** The {@code mask=} title, or null when not given. */
	public String maskImage() {
		return maskImage;
	}

	public boolean preserveNan() {
		return preserveNan;
	}

	/** Whether a {@code <title>-certainty} image is made too. */
	public boolean certainty() {
		return certainty;
	}

	/** Whether lengths in named kernels are in calibrated units. */
	public boolean scaled() {
		return scaled;
	}

	/** The folder a volume's result is written to plane by plane, or null to keep it in memory. */
	public String outputFolder() {
		return outputFolder;
	}

	/** True for a Zarr v2 array, false for a folder of TIFF planes. */
	public boolean zarrOutput() {
		return zarr;
	}

	/** {@code TIFF planes} or {@code Zarr}. */
	public String outputFormat() {
		return zarr ? OUTPUT_FORMATS[1] : OUTPUT_FORMATS[0];
	}

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		final Builder b = builder(operation);
		MacroKey.readAll(MACRO_KEYS, toMacroOptions(), b);
		b.zarr = zarr;
		return b;
	}

	/** A builder with SPEC's defaults: same, symm, value 0, centre anchor, 32-bit, Magnitude, Auto. */
	public static Builder builder(final Operation op) {
		return new Builder(op);
	}

	/**
	 * Builds settings from typed values or from the same texts the macro
	 * options hold (so the SciJava commands parse exactly as the macro does).
	 * A null text keeps the default.
	 */
	public static final class Builder {
		private final Operation operation;
		private String kernelText;
		private String kernelImage;
		private OutputMode mode = OutputMode.SAME;
		private Boundary boundary = Boundary.SYMMETRIC;
		private double value = 0;
		private int[] anchor;
		private String outputFolder;
		private boolean zarr;
		private boolean normalize;
		private OutputType output = OutputType.FLOAT;
		private ComplexOutput complex = ComplexOutput.MAGNITUDE;
		private Algorithm algorithm = Algorithm.AUTO;
		private Precision precision = Precision.FLOAT;
		private MissingData missingData = MissingData.PROPAGATE;
		private String maskImage;
		private boolean preserveNan;
		private boolean certainty;
		private boolean scaled;

		private Builder(final Operation op) {
			this.operation = Objects.requireNonNull(op, "operation");
		}

		/** Kernel text (matrix or name); null or blank for none. */
		public Builder kernel(final String text) {
			kernelText = text == null || text.trim().isEmpty() ? null : text;
			return this;
		}

		/** Title of the kernel image; null, blank or {@code <none>} for none. */
		public Builder kernelImage(final String title) {
			kernelImage = title == null || title.trim().isEmpty() || title.trim().equals(NO_IMAGE) ? null : title;
			return this;
		}

		public Builder mode(final String label) {
			return label == null ? this : mode(OutputMode.fromLabel(label));
		}

		public Builder mode(final OutputMode m) {
			mode = Objects.requireNonNull(m, "mode");
			return this;
		}

		/** A boundary name or alias ({@code symm}, {@code reflect}, {@code constant}, ...). */
		public Builder boundary(final String label) {
			return label == null ? this : boundary(Boundary.fromLabel(label));
		}

		public Builder boundary(final Boundary b) {
			boundary = Objects.requireNonNull(b, "boundary");
			return this;
		}

		public Builder value(final double v) {
			value = v;
			return this;
		}

		/** {@code center} (or blank) or coordinates such as {@code [1,0]}, {@code 1,0}, {@code 1 0 2}. */
		public Builder anchor(final String text) {
			anchor = MacroOptions.parseAnchor(text, "kernel");
			return this;
		}

		/** Coordinates x first, or null for the centre. */
		public Builder anchor(final int... a) {
			anchor = a == null ? null : a.clone();
			return this;
		}

		public Builder normalize(final boolean n) {
			normalize = n;
			return this;
		}

		public Builder output(final String label) {
			return label == null ? this : output(OutputType.fromLabel(label));
		}

		public Builder output(final OutputType o) {
			output = Objects.requireNonNull(o, "output");
			return this;
		}

		public Builder complex(final String label) {
			return label == null ? this : complex(ComplexOutput.fromLabel(label));
		}

		public Builder complex(final ComplexOutput c) {
			complex = Objects.requireNonNull(c, "complex");
			return this;
		}

		public Builder algorithm(final String label) {
			return label == null ? this : algorithm(Algorithm.fromLabel(label));
		}

		public Builder algorithm(final Algorithm a) {
			algorithm = Objects.requireNonNull(a, "algorithm");
			return this;
		}

		/** {@code float} or {@code double}; null keeps the default (float). */
		public Builder precision(final String label) {
			return label == null ? this : precision(Precision.fromLabel(label));
		}

		public Builder precision(final Precision p) {
			precision = Objects.requireNonNull(p, "precision");
			return this;
		}

		/** {@code Propagate}, {@code Interpolate} or {@code Fill}; null keeps the default. */
		public Builder missingData(final String label) {
			return label == null ? this : missingData(MissingData.fromLabel(label));
		}

		public Builder missingData(final MissingData m) {
			missingData = Objects.requireNonNull(m, "nan");
			return this;
		}

		/** Title of the mask image; null, blank or {@code <none>} for none. */
		public Builder maskImage(final String title) {
			maskImage = title == null || title.trim().isEmpty() || title.trim().equals(NO_IMAGE) ? null : title;
			return this;
		}

		public Builder preserveNan(final boolean p) {
			preserveNan = p;
			return this;
		}

		public Builder certainty(final boolean c) {
			certainty = c;
			return this;
		}

		public Builder scaled(final boolean s) {
			scaled = s;
			return this;
		}

		/** A folder path; null or blank for a result in memory. */
		public Builder outputFolder(final String folder) {
			outputFolder = folder == null || folder.trim().isEmpty() ? null : folder.trim();
			return this;
		}

		/** {@code TIFF planes} (default) or {@code Zarr}; null keeps the default. */
		public Builder outputFormat(final String format) {
			if (format == null)
				return this;
			final String f = format.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
			if (f.equals("tiff planes") || f.equals("tiff") || f.equals("tif"))
				zarr = false;
			else if (f.equals("zarr"))
				zarr = true;
			else
				throw new IllegalArgumentException("Unknown output_format '" + format + "'. Use output_format=[TIFF planes] (a folder of 32-bit planes) or output_format=Zarr.");
			return this;
		}

		/** @throws IllegalArgumentException when no kernel is given */
		public FilterSettings build() {
			if (kernelText == null && kernelImage == null)
				throw new IllegalArgumentException("No kernel given. Give kernel=[...] (a matrix such as [0 1 0; 1 -4 1; 0 1 0], or a name such as laplace or gaussian(2)) or kernel_image=[title of an open image].");
			return new FilterSettings(this);
		}
	}

	private static String sizeText(final int[] dims) {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < dims.length; d++)
			sb.append(d == 0 ? "" : "x").append(dims[d]);
		return sb.toString();
	}

	private static String axisName(final int d) {
		return d < 3 ? "xyz".substring(d, d + 1) : "axis " + d;
	}

	/** Equal when they record the same options for the same operation. */
	@Override
	public boolean equals(final Object o) {
		return o instanceof FilterSettings && operation == ((FilterSettings) o).operation && toMacroOptions().equals(((FilterSettings) o).toMacroOptions());
	}

	@Override
	public int hashCode() {
		return Objects.hash(operation, toMacroOptions());
	}

	@Override
	public String toString() {
		return operation.name().toLowerCase(Locale.ROOT) + " " + toMacroOptions();
	}
}
