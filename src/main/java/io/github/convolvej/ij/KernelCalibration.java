package io.github.convolvej.ij;

import java.util.Locale;
import java.util.Optional;

import ij.ImagePlus;
import ij.measure.Calibration;

/**
 * Whether a kernel image (a measured PSF, say) has the pixel size of the
 * image it filters. A kernel image is applied pixel for pixel, so when the
 * two differ its physical size on the image is not the one it was measured
 * at: worth a warning, not an error (the user may mean it).
 */
public final class KernelCalibration {

	private KernelCalibration() {}

	/**
	 * A warning naming both pixel sizes and the fix, or empty when they agree
	 * (within 0.1 %), or when either image has no spatial calibration.
	 */
	public static Optional< String > mismatch(final ImagePlus image, final ImagePlus kernelImage) {
		if (image == null || kernelImage == null)
			return Optional.empty();
		final Calibration a = image.getCalibration(), b = kernelImage.getCalibration();
		if (!a.scaled() || !b.scaled())
			return Optional.empty();
		final boolean volume = image.getNSlices() > 1 && kernelImage.getNSlices() > 1;
		final boolean sameUnit = a.getUnit().equals(b.getUnit());
		final boolean same = sameUnit && close(a.pixelWidth, b.pixelWidth) && close(a.pixelHeight, b.pixelHeight) && (!volume || close(a.pixelDepth, b.pixelDepth));
		if (same)
			return Optional.empty();
		return Optional.of("the kernel image '" + kernelImage.getTitle() + "' has pixels of " + size(b, volume) + " but the image '" + image.getTitle() + "' has pixels of " + size(a, volume)
				+ ". The kernel is applied pixel for pixel, so its size on the image is not the size it was made at. Scale the kernel image to the image's pixel size (Image > Scale...) if that is not what you mean.");
	}

	private static boolean close(final double x, final double y) {
		return Math.abs(x - y) <= 1e-3 * Math.max(Math.abs(x), Math.abs(y));
	}

	private static String size(final Calibration c, final boolean volume) {
		return String.format(Locale.ROOT, "%.4g x %.4g", c.pixelWidth, c.pixelHeight) + (volume ? String.format(Locale.ROOT, " x %.4g", c.pixelDepth) : "") + " " + c.getUnit();
	}
}
