package io.github.convolvej.cli;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import io.github.convolvej.demo.SampleImages;

/**
 * Reading and writing images for the command line, with no display: ImageJ's
 * openers and {@link FileSaver} only (never {@code IJ.run}, which needs menus).
 * <p>
 * The output format follows the file's extension:
 * <ul>
 * <li>{@code .tif}, {@code .tiff}: the result as it is (32-bit float unless
 * {@code output=[Same as input]}), stacks and hyperstacks included;</li>
 * <li>{@code .png}: one plane, 8-bit gray or RGB (16-bit stays 16-bit). A
 * 32-bit result is rounded and clipped to 0..255, the rule of
 * {@code output=[Same as input]}, so a blur of an 8-bit image keeps its values;
 * with {@code scale}, its minimum..maximum is stretched to 0..255 instead, for
 * viewing a Laplacian or a gradient magnitude. Three channels become RGB.</li>
 * </ul>
 */
public final class ImageFiles {

	/** Prefix of an input that names a bundled sample instead of a file. */
	public static final String SAMPLE_PREFIX = "sample:";

	private ImageFiles() {}

	/**
	 * Opens an image file, or a bundled sample given as {@code sample:NAME}.
	 *
	 * @throws IOException if the file is missing or not an image ImageJ reads
	 */
	public static ImagePlus read(final String path) throws IOException {
		if (path.startsWith(SAMPLE_PREFIX))
			return SampleImages.open(path.substring(SAMPLE_PREFIX.length()));
		final File file = new File(path);
		if (!file.isFile())
			throw new FileNotFoundException("No such image file: " + path);
		if (!file.canRead())
			throw new IOException("Cannot read " + path + ": permission denied.");
		// Checked first: for an unknown format ImageJ prints its own message on stdout.
		final int type = new Opener().getFileType(path);
		if (type == Opener.UNKNOWN)
			throw new IOException("Cannot read " + path + ": not an image format ImageJ knows (TIFF, PNG, JPEG, GIF, BMP, ...).");
		if (type == Opener.TIFF)
			TiffCheck.check(file);
		final ImagePlus image = IJ.openImage(path);
		if (image == null || image.getWidth() < 1 || image.getHeight() < 1)
			throw new IOException("Cannot read " + path + ": ImageJ could not open it as an image.");
		return image;
	}

	/**
	 * Checks that a file name ends with an extension {@link #write} knows.
	 *
	 * @throws UsageException otherwise
	 */
	public static void checkWritable(final String path) {
		format(path);
	}

	/**
	 * Writes an image in the format of the file's extension, creating missing
	 * folders; a failed write leaves no partial file (see {@link SafeWrite}).
	 *
	 * @param scale for PNG: stretch a 32-bit or 16-bit result's min..max to 0..255
	 *            instead of clipping
	 * @param notes where a note goes when clipping changed values (may be null)
	 * @throws IOException if the file cannot be written
	 */
	public static void write(final ImagePlus image, final String path, final boolean scale, final PrintStream notes)
			throws IOException {
		final String format = format(path);
		final ImagePlus written = "tiff".equals(format) ? image : forPng(image, scale, notes);
		SafeWrite.write(Path.of(path), file -> {
			final FileSaver saver = new FileSaver(written);
			if (!("tiff".equals(format) ? saver.saveAsTiff(file.toString()) : saver.saveAsPng(file.toString())))
				throw new IOException("Could not write " + path + ".");
		});
	}

	/** The one plane a PNG holds: 8-bit, 16-bit or RGB. */
	static ImagePlus forPng(final ImagePlus image, final boolean scale, final PrintStream notes) {
		final int planes = image.getStackSize();
		if (image.getType() == ImagePlus.COLOR_RGB && planes == 1)
			return image;
		if (planes == 1)
			return new ImagePlus(image.getTitle(), toPngPlane(image.getProcessor(), scale, notes));
		if (image.getNChannels() == 3 && planes == 3) {
			final ImageStack stack = image.getStack();
			final ColorProcessor rgb = new ColorProcessor(image.getWidth(), image.getHeight());
			final byte[][] channels = new byte[3][];
			for (int c = 0; c < 3; c++)
				channels[c] = (byte[]) toByte(stack.getProcessor(c + 1), scale, notes).getPixels();
			rgb.setRGB(channels[0], channels[1], channels[2]);
			return new ImagePlus(image.getTitle(), rgb);
		}
		throw new IllegalArgumentException("A PNG holds one plane, but the result has " + planes + " ("
				+ image.getNChannels() + " channels, " + image.getNSlices() + " slices, " + image.getNFrames()
				+ " frames). Write it as .tif instead.");
	}

	private static ImageProcessor toPngPlane(final ImageProcessor ip, final boolean scale, final PrintStream notes) {
		if (ip instanceof ByteProcessor || ip instanceof ColorProcessor)
			return ip;
		if (ip instanceof ShortProcessor && !scale)
			return ip;
		return toByte(ip, scale, notes);
	}

	/** Rounds and clips to 0..255, or with {@code scale} maps min..max to 0..255. */
	private static ByteProcessor toByte(final ImageProcessor ip, final boolean scale, final PrintStream notes) {
		final int n = ip.getPixelCount();
		double min = 0;
		double max = 255;
		if (scale) {
			min = Double.POSITIVE_INFINITY;
			max = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				final float v = ip.getf(i);
				if (Float.isFinite(v)) {
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
			}
		}
		final double factor = scale && max > min ? 255 / (max - min) : 1;
		final byte[] pixels = new byte[n];
		long clipped = 0;
		for (int i = 0; i < n; i++) {
			final float v = ip.getf(i);
			double g = Float.isNaN(v) ? 0 : scale ? (max > min ? (v - min) * factor : 0) : v;
			if (g < -0.5 || g >= 255.5) {
				clipped++;
				g = Math.max(0, Math.min(255, g));
			}
			pixels[i] = (byte) (int) Math.round(g);
		}
		if (clipped > 0 && notes != null)
			notes.println("note: " + clipped + " of " + n + " values lay outside 0..255 and were clipped in the PNG;"
					+ " write .tif to keep them, or pass --scale to stretch min..max to 0..255.");
		return new ByteProcessor(ip.getWidth(), ip.getHeight(), pixels);
	}

	private static String format(final String path) {
		final String lower = path.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".tif") || lower.endsWith(".tiff"))
			return "tiff";
		if (lower.endsWith(".png"))
			return "png";
		throw new UsageException("Cannot tell the output format of '" + path
				+ "': end the file name with .tif or .tiff (32-bit, exact values) or .png (8-bit).");
	}
}
