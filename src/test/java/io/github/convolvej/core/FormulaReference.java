package io.github.convolvej.core;

/**
 * {@link ReferenceConvolution}, the defining formula pixel by pixel, for
 * tests outside the core package (the ImageJ bridge checks its numbers
 * against it).
 */
public final class FormulaReference {

	private FormulaReference() {}

	/** Returns {re, im} of the result, x fastest, over the mode's output interval. */
	public static double[][] compute(final double[] image, final int[] dims, final Kernel kernel, final Operation op, final OutputMode mode, final Boundary boundary, final double fill) {
		return ReferenceConvolution.compute(image, dims, kernel, op, mode, boundary, fill);
	}
}
