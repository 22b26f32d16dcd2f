package io.github.convolvej.command;

import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;
import ij.WindowManager;
import io.github.convolvej.cli.StackToStore;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * The SciJava form of Convolve ND and Correlate ND: parameters named as the
 * macro keys, the same {@link FilterSettings} and the same
 * {@link ImageFilter} call as the ImageJ 1 plugins, nothing else.
 * <p>
 * {@code kernel_image} is an image object rather than a title, so scripts
 * pass the image itself. Texts are parsed as in macros (boundary aliases,
 * any case); a bad value or a missing input stops with an
 * {@link IllegalArgumentException} that says how to fix it.
 */
public abstract class FilterCommand implements Command {

	@Parameter(label = "Image", persist = false, description = "The image to filter; it is not changed.")
	private ImagePlus image;

	@Parameter(required = false, persist = false, description = "Kernel matrix (rows separated by ';', Z planes by '|') or a name: laplace, box(n), gaussian(sigma), sobel-x, sobel-y, prewitt-x, prewitt-y, scharr, emboss, sharpen, ripple.")
	private String kernel;

	@Parameter(required = false, persist = false, label = "Kernel image", description = "An image (up to 3-D) used as the kernel instead of the kernel text.")
	private ImagePlus kernel_image;

	@Parameter(required = false, persist = false, choices = { "full", "same", "valid" })
	private String mode = "same";

	@Parameter(required = false, persist = false, description = "symm (symmetric, reflect), mirror, nearest (edge), wrap (periodic) or fill (constant).")
	private String boundary = "symm";

	@Parameter(required = false, persist = false, description = "The value outside the image for boundary=fill.")
	private double value;

	@Parameter(required = false, persist = false, description = "center, or the kernel index that lands on the output pixel: [x,y] or [x,y,z].")
	private String anchor = "center";

	@Parameter(required = false, persist = false, description = "Divide the kernel by its sum (unless the sum is 0).")
	private boolean normalize;

	@Parameter(required = false, persist = false, choices = { "32-bit", "Same as input" })
	private String output = "32-bit";

	@Parameter(required = false, persist = false, choices = { "Magnitude", "Real", "Imaginary", "Phase", "All" })
	private String complex = "Magnitude";

	@Parameter(required = false, persist = false, choices = { "Auto", "Direct", "Separable", "FFT" })
	private String algorithm = "Auto";

	@Parameter(required = false, persist = false, choices = { "float", "double" }, description = "How 32-bit results are summed: float (the vector engine, when Java runs with jdk.incubator.vector) or double.")
	private String precision = "float";

	@Parameter(required = false, persist = false, choices = { "Propagate", "Interpolate", "Fill" }, description = "Missing pixels (NaN, mask 0): Propagate makes their neighbourhood NaN, Interpolate is normalized convolution, Fill reads them as value.")
	private String nan = "Propagate";

	@Parameter(required = false, persist = false, description = "An image of the same size; pixels where it is 0 are missing.")
	private ImagePlus mask;

	@Parameter(required = false, persist = false, description = "Missing input pixels are NaN again in the result.")
	private boolean preserve_nan;

	@Parameter(required = false, persist = false, description = "Also make <title>-certainty: the share of the kernel's weight on present pixels.")
	private boolean certainty;

	@Parameter(required = false, persist = false, description = "Lengths in named kernels (gaussian sigmas, box sizes) are in the image's calibrated units.")
	private boolean scaled;

	@Parameter(required = false, persist = false, label = "Output folder", description = "A Z stack larger than memory: write the result plane by plane to this folder and give it as a virtual stack.")
	private String output_folder;

	@Parameter(required = false, persist = false, label = "Output format", choices = { "TIFF planes", "Zarr" })
	private String output_format = "TIFF planes";

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus result;

	@Parameter(type = ItemIO.OUTPUT, required = false, label = "Certainty")
	private ImagePlus certainty_image;

	private final Operation operation;

	protected FilterCommand(final Operation operation) {
		this.operation = operation;
	}

	@Override
	public void run() {
		if (image == null)
			throw new IllegalArgumentException("No input image. Pass the image to filter as 'image'.");
		final FilterSettings settings = FilterSettings.fromInputs(operation, this::input);
		final Kernel k = settings.kernel(title -> kernel_image != null && title.equals(kernel_image.getTitle()) ? kernel_image : WindowManager.getImage(title), image);
		final List< ImagePlus > results;
		try {
			results = settings.get(FilterSettings.OUTPUT_FOLDER) != null ? List.of(StackToStore.filter(image, settings, k, ProgressListener.NONE)) : ImageFilter.applyAll(image, settings, k, mask, ProgressListener.NONE);
		}
		catch (final java.io.IOException e) {
			throw new java.io.UncheckedIOException("Cannot write the result to " + output_folder + ": " + e.getMessage(), e);
		}
		result = results.get(0);
		certainty_image = results.size() > 1 ? results.get(1) : null;
	}

	/** The parameter named as macro key {@code key} (the parameters are the keys: FilterCommandTest). */
	private Object input(final String key) {
		return Parameters.named(this, key);
	}

	/** The certainty image when asked for, once {@link #run()} has run; else null. */
	public ImagePlus certaintyImage() {
		return certainty_image;
	}

	/** The filtered image once {@link #run()} has run. */
	public ImagePlus result() {
		return result;
	}
}
