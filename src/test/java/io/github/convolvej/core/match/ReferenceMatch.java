package io.github.convolvej.core.match;

import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;

/**
 * The six scores straight from their definitions, window by window, in
 * double with two-pass means: the test oracle for images the golden file
 * does not cover (1-D, 3-D, other boundaries, flat regions).
 */
final class ReferenceMatch {

	private ReferenceMatch() {}

	/** Scores with the layout's size, flat, x fastest. */
	static double[] scores(final double[] image, final int[] dims, final double[] template, final int[] k, final MatchMethod method, final OutputMode mode, final Boundary boundary, final double fill, final int[] anchor) {
		final int n = dims.length;
		final int[] out = new int[n];
		for (int d = 0; d < n; d++)
			out[d] = mode == OutputMode.VALID ? dims[d] - k[d] + 1 : dims[d];
		final int outSize = product(out), taps = product(k);
		final double[] result = new double[outSize];
		final double[] w = new double[taps];
		double tMean = 0;
		for (final double v : template)
			tMean += v;
		tMean /= taps;
		final int[] pos = new int[n], j = new int[n];
		for (int o = 0; o < outSize; o++) {
			index(o, out, pos);
			for (int t = 0; t < taps; t++) {
				index(t, k, j);
				int flat = 0, stride = 1;
				boolean outside = false;
				for (int d = 0; d < n; d++) {
					final long x = mode == OutputMode.VALID ? pos[d] + j[d] : pos[d] + j[d] - anchor[d];
					final long s = boundary.sourceIndex(x, dims[d]);
					outside |= s < 0;
					flat += s * stride;
					stride *= dims[d];
				}
				w[t] = outside ? fill : image[flat];
			}
			double wMean = 0;
			for (final double v : w)
				wMean += v;
			wMean /= taps;
			double sq = 0, ww = 0, tt = 0, wt = 0, wz = 0, tz = 0, wtz = 0;
			for (int t = 0; t < taps; t++) {
				sq += (w[t] - template[t]) * (w[t] - template[t]);
				ww += w[t] * w[t];
				tt += template[t] * template[t];
				wt += w[t] * template[t];
				wz += (w[t] - wMean) * (w[t] - wMean);
				tz += (template[t] - tMean) * (template[t] - tMean);
				wtz += (w[t] - wMean) * (template[t] - tMean);
			}
			final double v;
			switch (method) {
				case SQDIFF:
					v = sq;
					break;
				case SQDIFF_NORMED:
					v = ww * tt > 0 ? sq / Math.sqrt(ww * tt) : 1;
					break;
				case CCORR:
					v = wt;
					break;
				case CCORR_NORMED:
					v = ww * tt > 0 ? wt / Math.sqrt(ww * tt) : 0;
					break;
				case CCOEFF:
					v = wtz;
					break;
				default:
					v = wz * tz > 0 ? wtz / Math.sqrt(wz * tz) : 0;
			}
			result[o] = v;
		}
		return result;
	}

	static int product(final int[] v) {
		int p = 1;
		for (final int x : v)
			p *= x;
		return p;
	}

	private static void index(int flat, final int[] dims, final int[] pos) {
		for (int d = 0; d < dims.length; d++) {
			pos[d] = flat % dims[d];
			flat /= dims[d];
		}
	}
}
