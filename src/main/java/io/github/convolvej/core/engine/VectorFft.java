package io.github.convolvej.core.engine;

/**
 * Complex FFTs of power-of-two length {@code n} along an axis of a spectrum,
 * many at once: element {@code r} of every transform is a contiguous run of
 * complex values (a row), so each butterfly is a loop along rows, in place,
 * in cache order, and nothing is gathered into line buffers.
 * <p>
 * The forward transform is decimation in frequency (radix 4, one radix-2
 * stage when {@code log2 n} is odd) and leaves the frequencies in a permuted
 * (digit-reversed) order; the inverse undoes exactly those stages in reverse,
 * so it takes that order back to natural order. Spectra that are only
 * multiplied element by element (the kernel's is made by the same forward
 * transform) never need the permutation undone. The inverse is unscaled: a
 * round trip multiplies by {@code n}, as JTransforms' complex inverse does.
 */
final class VectorFft {

	final int n;
	/** Per stage: the span (distance between a butterfly's rows) and radix. */
	private final int[] span, radix;
	/** Per stage: {@code cos, sin} of {@code -2 pi j r / (radix span)} for r = 1..radix-1, per j. */
	private final double[][] twiddles;

	VectorFft(final int n) {
		if (n < 2 || Integer.bitCount(n) != 1)
			throw new IllegalArgumentException("Length " + n + " is not a power of two of at least 2.");
		this.n = n;
		final int log = Integer.numberOfTrailingZeros(n);
		final int stages = (log + 1) / 2;
		span = new int[stages];
		radix = new int[stages];
		twiddles = new double[stages][];
		int m = n;
		for (int s = 0; s < stages; s++) {
			radix[s] = m % 4 == 0 ? 4 : 2;
			m /= radix[s];
			span[s] = m;
			final int r1 = radix[s] - 1;
			final double[] t = new double[2 * r1 * m];
			for (int j = 0; j < m; j++)
				for (int r = 1; r <= r1; r++) {
					final double angle = -2 * Math.PI * j * r / (radix[s] * m);
					t[2 * (j * r1 + r - 1)] = Math.cos(angle);
					t[2 * (j * r1 + r - 1) + 1] = Math.sin(angle);
				}
			twiddles[s] = t;
		}
	}

	/**
	 * Forward transforms of the complex values {@code k0..k1-1} of each row:
	 * row {@code r} starts at double index {@code offset + r * rowStep}.
	 */
	void forward(final double[] a, final int offset, final int rowStep, final int k0, final int k1) {
		for (int s = 0; s < span.length; s++)
			if (radix[s] == 4)
				forward4(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
			else
				forward2(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
	}

	/** Inverse of {@link #forward}, unscaled (times {@code n}). */
	void inverse(final double[] a, final int offset, final int rowStep, final int k0, final int k1) {
		for (int s = span.length - 1; s >= 0; s--)
			if (radix[s] == 4)
				inverse4(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
			else
				inverse2(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
	}

	private void forward4(final double[] a, final int offset, final int rowStep, final int from, final int to, final int m, final double[] t) {
		for (int g = 0; g < n; g += 4 * m)
			for (int j = 0; j < m; j++) {
				final int o0 = offset + (g + j) * rowStep, o1 = o0 + m * rowStep, o2 = o1 + m * rowStep, o3 = o2 + m * rowStep;
				if (j == 0) {
					for (int k = from; k < to; k += 2) {
						final double a0r = a[o0 + k], a0i = a[o0 + k + 1], a1r = a[o1 + k], a1i = a[o1 + k + 1];
						final double a2r = a[o2 + k], a2i = a[o2 + k + 1], a3r = a[o3 + k], a3i = a[o3 + k + 1];
						final double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
						final double t2r = a1r + a3r, t2i = a1i + a3i;
						// (-i)(a1 - a3)
						final double t3r = a1i - a3i, t3i = a3r - a1r;
						a[o0 + k] = t0r + t2r;
						a[o0 + k + 1] = t0i + t2i;
						a[o1 + k] = t1r + t3r;
						a[o1 + k + 1] = t1i + t3i;
						a[o2 + k] = t0r - t2r;
						a[o2 + k + 1] = t0i - t2i;
						a[o3 + k] = t1r - t3r;
						a[o3 + k + 1] = t1i - t3i;
					}
					continue;
				}
				final int w = 6 * j;
				final double w1r = t[w], w1i = t[w + 1], w2r = t[w + 2], w2i = t[w + 3], w3r = t[w + 4], w3i = t[w + 5];
				for (int k = from; k < to; k += 2) {
					final double a0r = a[o0 + k], a0i = a[o0 + k + 1], a1r = a[o1 + k], a1i = a[o1 + k + 1];
					final double a2r = a[o2 + k], a2i = a[o2 + k + 1], a3r = a[o3 + k], a3i = a[o3 + k + 1];
					final double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
					final double t2r = a1r + a3r, t2i = a1i + a3i;
					final double t3r = a1i - a3i, t3i = a3r - a1r;
					final double y1r = t1r + t3r, y1i = t1i + t3i;
					final double y2r = t0r - t2r, y2i = t0i - t2i;
					final double y3r = t1r - t3r, y3i = t1i - t3i;
					a[o0 + k] = t0r + t2r;
					a[o0 + k + 1] = t0i + t2i;
					a[o1 + k] = y1r * w1r - y1i * w1i;
					a[o1 + k + 1] = y1r * w1i + y1i * w1r;
					a[o2 + k] = y2r * w2r - y2i * w2i;
					a[o2 + k + 1] = y2r * w2i + y2i * w2r;
					a[o3 + k] = y3r * w3r - y3i * w3i;
					a[o3 + k + 1] = y3r * w3i + y3i * w3r;
				}
			}
	}

	private void inverse4(final double[] a, final int offset, final int rowStep, final int from, final int to, final int m, final double[] t) {
		for (int g = 0; g < n; g += 4 * m)
			for (int j = 0; j < m; j++) {
				final int o0 = offset + (g + j) * rowStep, o1 = o0 + m * rowStep, o2 = o1 + m * rowStep, o3 = o2 + m * rowStep;
				final int w = 6 * j;
				// conjugate twiddles undo the forward ones (j = 0: all 1)
				final double w1r = t[w], w1i = -t[w + 1], w2r = t[w + 2], w2i = -t[w + 3], w3r = t[w + 4], w3i = -t[w + 5];
				for (int k = from; k < to; k += 2) {
					final double b0r = a[o0 + k], b0i = a[o0 + k + 1];
					final double y1r = a[o1 + k], y1i = a[o1 + k + 1], y2r = a[o2 + k], y2i = a[o2 + k + 1], y3r = a[o3 + k], y3i = a[o3 + k + 1];
					final double b1r = y1r * w1r - y1i * w1i, b1i = y1r * w1i + y1i * w1r;
					final double b2r = y2r * w2r - y2i * w2i, b2i = y2r * w2i + y2i * w2r;
					final double b3r = y3r * w3r - y3i * w3i, b3i = y3r * w3i + y3i * w3r;
					final double t0r = b0r + b2r, t0i = b0i + b2i, t1r = b0r - b2r, t1i = b0i - b2i;
					final double t2r = b1r + b3r, t2i = b1i + b3i;
					// i (b1 - b3)
					final double t3r = b3i - b1i, t3i = b1r - b3r;
					a[o0 + k] = t0r + t2r;
					a[o0 + k + 1] = t0i + t2i;
					a[o1 + k] = t1r + t3r;
					a[o1 + k + 1] = t1i + t3i;
					a[o2 + k] = t0r - t2r;
					a[o2 + k + 1] = t0i - t2i;
					a[o3 + k] = t1r - t3r;
					a[o3 + k + 1] = t1i - t3i;
				}
			}
	}

	private void forward2(final double[] a, final int offset, final int rowStep, final int from, final int to, final int m, final double[] t) {
		for (int g = 0; g < n; g += 2 * m)
			for (int j = 0; j < m; j++) {
				final int o0 = offset + (g + j) * rowStep, o1 = o0 + m * rowStep;
				final double wr = t[2 * j], wi = t[2 * j + 1];
				for (int k = from; k < to; k += 2) {
					final double a0r = a[o0 + k], a0i = a[o0 + k + 1], a1r = a[o1 + k], a1i = a[o1 + k + 1];
					final double dr = a0r - a1r, di = a0i - a1i;
					a[o0 + k] = a0r + a1r;
					a[o0 + k + 1] = a0i + a1i;
					a[o1 + k] = dr * wr - di * wi;
					a[o1 + k + 1] = dr * wi + di * wr;
				}
			}
	}

	private void inverse2(final double[] a, final int offset, final int rowStep, final int from, final int to, final int m, final double[] t) {
		for (int g = 0; g < n; g += 2 * m)
			for (int j = 0; j < m; j++) {
				final int o0 = offset + (g + j) * rowStep, o1 = o0 + m * rowStep;
				final double wr = t[2 * j], wi = -t[2 * j + 1];
				for (int k = from; k < to; k += 2) {
					final double y0r = a[o0 + k], y0i = a[o0 + k + 1], y1r = a[o1 + k], y1i = a[o1 + k + 1];
					final double br = y1r * wr - y1i * wi, bi = y1r * wi + y1i * wr;
					a[o0 + k] = y0r + br;
					a[o0 + k + 1] = y0i + bi;
					a[o1 + k] = y0r - br;
					a[o1 + k + 1] = y0i - bi;
				}
			}
	}
}
