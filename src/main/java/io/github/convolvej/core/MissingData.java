package io.github.convolvej.core;

/**
 * What a convolution does with missing pixels: NaN pixels, pixels a mask
 * marks 0, and, with {@code boundary=fill value=NaN}, everything outside the
 * image.
 * <ul>
 * <li>{@link #PROPAGATE}: an output is NaN exactly when a missing pixel lies
 * under a non-zero weight, on every engine; an infinite pixel under non-zero
 * weights gives what the direct sum over those weights gives (±Inf, or NaN
 * when both signs meet).</li>
 * <li>{@link #INTERPOLATE}: normalized convolution,
 * {@code sum k c f / sum k c} times {@code sum k}, with {@code c} 1 where
 * present and 0 where missing (astropy's
 * {@code convolve(..., nan_treatment='interpolate')}); NaN where no non-zero
 * weight touches a present pixel.</li>
 * <li>{@link #FILL}: missing pixels read as the fill value.</li>
 * </ul>
 */
public enum MissingData implements Labelled {
	PROPAGATE, INTERPOLATE, FILL;

	/** @throws IllegalArgumentException naming the accepted values */
	public static MissingData fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown nan='" + t + "'. Use Propagate (missing pixels make their neighbourhood NaN), Interpolate (normalized convolution over the present pixels) or Fill (missing pixels read as value=).");
	}
}
