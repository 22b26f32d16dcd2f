package io.github.convolvej.core;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * SPEC's "Missing data" formulas, pixel by pixel, for real kernels on 2-D
 * and 3-D images: the reference the engines are compared with. A pixel is
 * missing where its value is NaN or the mask (extended by the same rule,
 * present outside for {@code fill}) is 0.
 */
public final class MissingReference {

	private MissingReference() {}

	/** The output over the mode's interval, x fastest. */
	public static double[] compute(final double[] image, final double[] mask, final int[] dims, final Kernel kernel, final Operation op, final OutputMode mode, final Boundary boundary, final double fill, final MissingData missing) {
		return compute(image, mask, dims, kernel, op, mode, boundary, fill, missing, null);
	}

	/** As above, computing only the outputs at flat indices {@code only} (the others are 0); null for all. */
	public static double[] compute(final double[] image, final double[] mask, final int[] dims, final Kernel kernel, final Operation op, final OutputMode mode, final Boundary boundary, final double fill, final MissingData missing, final int[] only) {
		final int n = dims.length;
		final Kernel k = kernel.withDimensions(n);
		final long[] max = new long[n];
		for (int d = 0; d < n; d++)
			max[d] = dims[d] - 1;
		final Interval out = mode.outputInterval(new FinalInterval(new long[n], max), k, op);
		final int[] kd = k.dimensions();
		final double[] w = k.real();
		double sum = 0;
		for (final double v : w)
			sum += v;
		final int outSize = (int) net.imglib2.util.Intervals.numElements(out);
		final double[] result = new double[outSize];
		final long[] pos = new long[n];
		final int[] j = new int[n];
		final long[] src = new long[n];
		for (int oi = 0; oi < (only == null ? outSize : only.length); oi++) {
			final int o = only == null ? oi : only[oi];
			long rest = o;
			for (int d = 0; d < n; d++) {
				pos[d] = out.min(d) + rest % out.dimension(d);
				rest /= out.dimension(d);
			}
			double total = 0, num = 0, den = 0;
			boolean touched = false;
			for (int t = 0; t < w.length; t++) {
				int r = t;
				for (int d = 0; d < n; d++) {
					j[d] = r % kd[d];
					r /= kd[d];
				}
				if (w[t] == 0)
					continue; // a zero weight never touches a pixel
				for (int d = 0; d < n; d++)
					src[d] = op == Operation.CONVOLVE ? pos[d] - j[d] + k.anchor(d) : pos[d] + j[d] - k.anchor(d);
				double v = fill;
				double m = 1;
				int flat = 0, stride = 1;
				boolean outside = false;
				for (int d = 0; d < n; d++) {
					final long i = boundary.sourceIndex(src[d], dims[d]);
					if (i < 0)
						outside = true;
					flat += (int) i * stride;
					stride *= dims[d];
				}
				if (!outside) {
					v = image[flat];
					m = mask == null ? 1 : mask[flat];
				}
				final boolean isMissing = Double.isNaN(v) || m == 0;
				switch (missing) {
					case PROPAGATE:
						total += w[t] * (isMissing ? Double.NaN : v);
						break;
					case FILL:
						total += w[t] * (isMissing ? fill : v);
						break;
					default:
						if (!isMissing) {
							num += w[t] * v;
							den += w[t];
							touched = true;
						}
				}
			}
			result[o] = missing == MissingData.INTERPOLATE ? touched ? num / den * sum : Double.NaN : total;
		}
		return result;
	}
}
