package io.github.convolvej.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.measure.Calibration;
import ij.plugin.FolderOpener;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;
import io.github.convolvej.ij.OutputType;
import io.github.convolvej.ij.StoreFormat;

/**
 * Convolve ND / Correlate ND of an ImageJ stack too large for memory (a
 * virtual stack, whose planes are read from disk when asked) into a folder:
 * the block plan of the command line, a block of planes at a time, written
 * as 32-bit TIFF planes or a Zarr v2 array, then opened as a virtual stack.
 * Only the planes a block needs are in memory; a cancel stops between
 * blocks (and within one), and what is written stays valid: the command
 * line's {@code --resume} finishes it.
 */
public final class StackToStore {

	/** Output planes per block. */
	static final int BLOCK_PLANES = 16;

	private StackToStore() {}

	/**
	 * Filters the image into {@code settings.outputFolder()} and opens the
	 * result, titled as the in-memory result would be.
	 *
	 * @throws IllegalArgumentException for an image or options a folder of planes cannot take
	 * @throws IOException when the folder cannot be written
	 * @throws io.github.convolvej.core.CancelledException when {@code progress} cancels
	 */
	public static ImagePlus filter(final ImagePlus image, final FilterSettings settings, final Kernel kernel, final ProgressListener progress) throws IOException {
		if (image.getNChannels() > 1 || image.getNFrames() > 1 || image.getBitDepth() == 24)
			throw new IllegalArgumentException("output_folder= writes one gray channel of Z planes; '" + image.getTitle() + "' has " + image.getNChannels() + " channels and " + image.getNFrames()
					+ " time points" + (image.getBitDepth() == 24 ? " (RGB)" : "") + ". Split it first (Image > Color > Split Channels, Image > Stacks > Tools > Reduce), or leave output_folder= out.");
		if (settings.get(FilterSettings.MASK) != null || settings.get(FilterSettings.CERTAINTY))
			throw new IllegalArgumentException("output_folder= takes no mask= and no certainty: leave them out, or the folder.");
		if (settings.get(FilterSettings.OUTPUT) != OutputType.FLOAT)
			throw new IllegalArgumentException("output_folder= writes 32-bit planes; leave output= out or give output=32-bit.");
		final Path out = Path.of(settings.get(FilterSettings.OUTPUT_FOLDER));
		if (Files.exists(out) && !Files.isDirectory(out))
			throw new IllegalArgumentException("output_folder=" + out + " is a file. Give a folder (it is created when missing).");
		final ImageStack stack = image.getStack();
		final VolumeSource volume = VolumeSource.ofStack(stack, image.getWidth(), image.getHeight());
		final boolean zarr = settings.get(FilterSettings.OUTPUT_FORMAT) == StoreFormat.ZARR;
		final BlockSink sink = zarr ? new ZarrWriter(out, new int[] { BLOCK_PLANES, 256, 256 }, true) : new TiffPlaneSink(out);
		final ConvolutionOptions options = settings.convolutionOptions().progress(progress);
		final RunRecord record = new RunRecord(settings.operation().name().toLowerCase(java.util.Locale.ROOT) + "-nd of the image '" + image.getTitle() + "' \"" + settings.toMacroOptions() + "\"", false);
		BlockRun.filter(volume, kernel, options, sink, new long[] { 0, 0, BLOCK_PLANES }, record, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
		progress.progress(1);
		final ImagePlus result = open(out, zarr);
		result.setTitle(ImageFilter.title(image, settings));
		final Calibration cal = image.getCalibration().copy();
		cal.disableDensityCalibration();
		result.setCalibration(cal);
		return result;
	}

	/** A folder of planes or a Zarr array as a virtual stack: planes read when shown. */
	public static ImagePlus open(final Path folder, final boolean zarr) throws IOException {
		if (!zarr) {
			final ImagePlus imp = FolderOpener.open(folder.toString(), "virtual");
			if (imp == null)
				throw new IOException("Cannot open the planes written to " + folder + ".");
			return imp;
		}
		final ZarrArray array = ZarrArray.open(folder);
		final VirtualStack stack = new VirtualStack(array.width(), array.height(), null, folder.toString()) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				try {
					return new FloatProcessor(array.width(), array.height(), array.plane(n - 1));
				}
				catch (final IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}

			@Override
			public int getSize() {
				return array.depth();
			}

			@Override
			public String getSliceLabel(final int n) {
				return "z " + (n - 1);
			}
		};
		return new ImagePlus(folder.getFileName().toString(), stack);
	}
}
