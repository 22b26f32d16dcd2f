package io.github.convolvej.core;

import java.util.Locale;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * Which output positions are computed, per axis, for an image of size
 * {@code N} and a kernel of size {@code K} with anchor {@code a}.
 *
 * <pre>
 * mode   size     correlate               convolve
 * full   N+K-1    -(K-1-a) .. N-1+a       -a .. N+K-2-a       every overlap (SciPy's default)
 * same   N        0 .. N-1                0 .. N-1            aligned with the input
 * valid  N-K+1    a .. N-K+a              K-1-a .. N-1-a      kernel wholly inside
 * </pre>
 *
 * The positions are image coordinates: a {@code full} result starts left of
 * the image, which is how calibrated front ends keep physical coordinates.
 */
public enum OutputMode implements Labelled {
	FULL, SAME, VALID;

	/** {@code full}, {@code same}, {@code valid}, as SciPy writes them. */
	@Override
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static OutputMode fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown mode '" + t + "'. Use full, same or valid.");
	}

	/**
	 * The output positions, in image coordinates, for the image interval and
	 * a kernel with as many or fewer axes (missing axes have size 1).
	 *
	 * @throws IllegalArgumentException for {@code valid} with a kernel larger
	 *             than the image along an axis
	 */
	public Interval outputInterval(final Interval image, final Kernel kernel, final Operation op) {
		final int n = image.numDimensions();
		if (kernel.numDimensions() > n)
			throw new IllegalArgumentException("The kernel has " + kernel.numDimensions() + " axes but the image only " + n + ". Use a kernel with at most " + n + " axes.");
		final long[] min = new long[n], max = new long[n];
		for (int d = 0; d < n; d++) {
			final long size = image.dimension(d), k = kernel.dimension(d), a = kernel.anchor(d);
			final long o = image.min(d);
			// position of the first weight relative to the output pixel, in
			// correlation form: out[n] reads F[n - a' .. n - a' + K - 1]
			final long ac = op == Operation.CORRELATE ? a : k - 1 - a;
			switch (this) {
				case SAME:
					min[d] = o;
					max[d] = o + size - 1;
					break;
				case FULL:
					min[d] = o - (k - 1 - ac);
					max[d] = o + size - 1 + ac;
					break;
				default:
					if (k > size)
						throw new IllegalArgumentException("mode=valid needs a kernel no larger than the image, but along " + Axes.name(d) + " the kernel has " + k + " pixels and the image " + size + ". Use mode=same or mode=full, or a smaller kernel.");
					min[d] = o + ac;
					max[d] = o + size - k + ac;
			}
		}
		return new FinalInterval(min, max);
	}

}
