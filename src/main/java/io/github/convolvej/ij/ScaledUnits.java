package io.github.convolvej.ij;

import java.util.Locale;

import ij.ImagePlus;
import ij.measure.Calibration;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.ScaledKernel;

/**
 * {@code scaled}: named kernels in the image's calibrated units, through its
 * pixel width, height and (on a Z stack) depth; and the line that tells the
 * user which kernel in pixels that was.
 */
public final class ScaledUnits {

	private ScaledUnits() {}

	/**
	 * @throws IllegalArgumentException for an image without a spatial
	 *             calibration, saying how to set one
	 */
	static ScaledKernel kernel(final String text, final ImagePlus image) {
		return ScaledKernel.parse(text, pixelSizes(image));
	}

	/** Pixel width and height, and depth on a Z stack. */
	static double[] pixelSizes(final ImagePlus image) {
		if (image == null)
			throw new IllegalArgumentException("scaled needs an image whose pixel size is known.");
		final Calibration cal = image.getCalibration();
		if (cal == null || !cal.scaled())
			throw new IllegalArgumentException("'" + image.getTitle() + "' has no spatial calibration (its pixels are 1 pixel wide), so scaled cannot turn lengths into pixels. Set the pixel size with Image > Properties or Analyze > Set Scale, or leave scaled off and give the kernel in pixels.");
		return image.getNSlices() > 1 ? new double[] { cal.pixelWidth, cal.pixelHeight, cal.pixelDepth } : new double[] { cal.pixelWidth, cal.pixelHeight };
	}

	/**
	 * What {@code scaled} made of the kernel text on this image, for the log
	 * and the recorded macro, e.g. {@code gaussian(1) micron on pixels of 0.1 x
	 * 0.1 x 0.3 micron = gaussian(10, 10, 3.3333) pixels, kernel 81 x 81 x 27}.
	 */
	public static String describe(final String text, final ImagePlus image) {
		final ScaledKernel s = kernel(text, image);
		final double[] px = pixelSizes(image);
		final String unit = unit(image.getCalibration().getUnit());
		final StringBuilder sb = new StringBuilder(text.trim()).append(' ').append(unit).append(" on pixels of ");
		for (int d = 0; d < px.length; d++)
			sb.append(d == 0 ? "" : " x ").append(number(px[d]));
		sb.append(' ').append(unit);
		final Kernel k = s.kernel();
		if (s.inPixels() == null)
			return sb.append(": no lengths to scale, kernel used as given").toString();
		sb.append(" = ").append(s.inPixels()).append(" pixels, kernel ");
		for (int d = 0; d < k.numDimensions(); d++)
			sb.append(d == 0 ? "" : " x ").append(k.dimension(d));
		return sb.toString();
	}

	/** ImageJ keeps µm as "micron". */
	private static String unit(final String unit) {
		return unit.equals("micron") || unit.equals("microns") || unit.equals("um") ? "\u00b5m" : unit;
	}

	private static String number(final double v) {
		final String s = String.format(Locale.ROOT, "%.6g", v);
		return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}
}
