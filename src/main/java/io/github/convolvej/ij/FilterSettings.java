package io.github.convolvej.ij;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import ij.ImagePlus;
import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;

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
 * {@code algorithm=Auto|Direct|Separable|FFT}. Unknown keys are ignored, as
 * ImageJ does.
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
	}

	/**
	 * Parses a macro options string.
	 *
	 * @throws IllegalArgumentException naming the bad value and the accepted
	 *             ones, or when neither {@code kernel=} nor
	 *             {@code kernel_image=} is given
	 */
	public static FilterSettings fromMacroOptions(final Operation op, final String options) {
		final String o = options == null ? "" : options;
		final Builder b = builder(op);
		b.kernel(MacroOptions.value(o, "kernel"));
		b.kernelImage(MacroOptions.value(o, "kernel_image"));
		b.mode(MacroOptions.value(o, "mode"));
		b.boundary(MacroOptions.value(o, "boundary"));
		b.value(MacroOptions.number(o, "value", 0));
		final String anchor = MacroOptions.value(o, "anchor");
		if (anchor != null)
			b.anchor(anchor);
		b.normalize(MacroOptions.flag(o, "normalize"));
		b.output(MacroOptions.value(o, "output"));
		b.complex(MacroOptions.value(o, "complex"));
		b.algorithm(MacroOptions.value(o, "algorithm"));
		return b.build();
	}

	/**
	 * Options that {@link #fromMacroOptions} parses back to equal settings:
	 * every key written, values with spaces in brackets.
	 */
	public String toMacroOptions() {
		final StringBuilder sb = new StringBuilder();
		if (kernelText != null)
			sb.append("kernel=").append(MacroOptions.quote(kernelText)).append(' ');
		if (kernelImage != null)
			sb.append("kernel_image=").append(MacroOptions.quote(kernelImage)).append(' ');
		sb.append("mode=").append(mode.label());
		sb.append(" boundary=").append(boundary.label());
		sb.append(" value=").append(MacroOptions.format(value));
		sb.append(" anchor=").append(MacroOptions.anchorText(anchor));
		if (normalize)
			sb.append(" normalize");
		sb.append(" output=").append(MacroOptions.quote(output.label()));
		sb.append(" complex=").append(complex.label());
		sb.append(" algorithm=").append(algorithm.label());
		return sb.toString();
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
		return new ConvolutionOptions().operation(operation).mode(mode).boundary(boundary).fillValue(value).algorithm(algorithm);
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

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		final Builder b = builder(operation);
		b.kernelText = kernelText;
		b.kernelImage = kernelImage;
		b.mode = mode;
		b.boundary = boundary;
		b.value = value;
		b.anchor = anchor;
		b.normalize = normalize;
		b.output = output;
		b.complex = complex;
		b.algorithm = algorithm;
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
		private boolean normalize;
		private OutputType output = OutputType.FLOAT;
		private ComplexOutput complex = ComplexOutput.MAGNITUDE;
		private Algorithm algorithm = Algorithm.AUTO;

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

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof FilterSettings))
			return false;
		final FilterSettings s = (FilterSettings) o;
		return operation == s.operation && Objects.equals(kernelText, s.kernelText) && Objects.equals(kernelImage, s.kernelImage) && mode == s.mode && boundary == s.boundary && Double.compare(value, s.value) == 0 && Arrays.equals(anchor, s.anchor) && normalize == s.normalize && output == s.output && complex == s.complex && algorithm == s.algorithm;
	}

	@Override
	public int hashCode() {
		return Objects.hash(operation, kernelText, kernelImage, mode, boundary, value, Arrays.hashCode(anchor), normalize, output, complex, algorithm);
	}

	@Override
	public String toString() {
		return operation.name().toLowerCase(Locale.ROOT) + " " + toMacroOptions();
	}
}
