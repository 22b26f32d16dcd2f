package io.github.convolvej.ij;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * What is shown of a complex result (a complex kernel such as the Scharr
 * kernel gives one): its magnitude, real part, imaginary part, phase in
 * radians ({@code atan2(im, re)}, from -pi to pi), or all four as channels.
 * A real kernel gives a real result, and this choice has no effect.
 */
public enum ComplexOutput implements Labelled {
	MAGNITUDE, REAL, IMAGINARY, PHASE, ALL;

	/** The parts {@link #ALL} shows, in channel order. */
	static final ComplexOutput[] PARTS = { MAGNITUDE, REAL, IMAGINARY, PHASE };

	/** @throws IllegalArgumentException naming the accepted values */
	public static ComplexOutput fromLabel(final String text) {
		return Labels.find(values(), text, t -> "Unknown complex output '" + t + "'. Use complex=Magnitude, Real, Imaginary, Phase or All.");
	}

	/**
	 * This part of {@code re + i im}, element by element, into {@code out}.
	 * Not for {@link #ALL}.
	 */
	void compute(final float[] re, final float[] im, final float[] out) {
		switch (this) {
			case MAGNITUDE:
				for (int i = 0; i < out.length; i++)
					out[i] = (float) Math.hypot(re[i], im[i]);
				break;
			case REAL:
				System.arraycopy(re, 0, out, 0, out.length);
				break;
			case IMAGINARY:
				System.arraycopy(im, 0, out, 0, out.length);
				break;
			case PHASE:
				for (int i = 0; i < out.length; i++)
					out[i] = (float) Math.atan2(im[i], re[i]);
				break;
			default:
				throw new IllegalStateException("ALL is not one part");
		}
	}
}
