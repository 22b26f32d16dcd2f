package io.github.convolvej.core;

/**
 * The defining formula, pixel by pixel, with no cleverness: the independent
 * reference that the engines are checked against. Complex values as
 * {re, im} arrays; {@code n} runs over the mode's output interval.
 */
final class ReferenceConvolution {

	private ReferenceConvolution() {}

	/** Returns {re, im} of the result, x fastest. */
	static double[][] compute(final double[] image, final int[] dims, final Kernel kernel, final Operation op, final OutputMode mode, final Boundary boundary, final double fill) {
		final int n = dims.length;
		final Kernel k = kernel.withDimensions(n);
		final long[] imgMin = new long[n];
		final long[] imgMax = new long[n];
		for (int d = 0; d < n; d++)
			imgMax[d] = dims[d] - 1;
		final net.imglib2.Interval out = mode.outputInterval(new net.imglib2.FinalInterval(imgMin, imgMax), k, op);
		final int[] outDims = new int[n];
		int size = 1;
		for (int d = 0; d < n; d++) {
			outDims[d] = (int) out.dimension(d);
			size *= outDims[d];
		}
		final double[] kr = k.real(), ki = k.imaginary();
		final int[] kd = k.dimensions();
		final double[] re = new double[size], im = new double[size];
		final long[] pos = new long[n];
		final int[] j = new int[n];
		for (int o = 0; o < size; o++) {
			int rest = o;
			for (int d = 0; d < n; d++) {
				pos[d] = out.min(d) + rest % outDims[d];
				rest /= outDims[d];
			}
			double sr = 0, si = 0;
			for (int t = 0; t < kr.length; t++) {
				int r = t;
				for (int d = 0; d < n; d++) {
					j[d] = r % kd[d];
					r /= kd[d];
				}
				// correlate: F[n + j - a] with conj(k); convolve: F[n - j + a] with k
				int idx = 0, stride = 1;
				boolean outside = false;
				for (int d = 0; d < n; d++) {
					final long x = op == Operation.CORRELATE ? pos[d] + j[d] - k.anchor(d) : pos[d] - j[d] + k.anchor(d);
					final long s = boundary.sourceIndex(x, dims[d]);
					if (s < 0)
						outside = true;
					idx += s * stride;
					stride *= dims[d];
				}
				final double f = outside ? fill : image[idx];
				final double wi = op == Operation.CORRELATE ? -ki[t] : ki[t];
				sr += kr[t] * f;
				si += wi * f;
			}
			re[o] = sr;
			im[o] = si;
		}
		return new double[][] { re, im };
	}
}
