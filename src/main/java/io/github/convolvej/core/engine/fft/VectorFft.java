package io.github.convolvej.core.engine.fft;

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

	/**
	 * Convolution of the rows' values {@code k0..k1-1} with a spectrum:
	 * {@code dest = inverse(forward(a) * b)}, where {@code b} is a forward
	 * transform laid out as {@code a} is (its row {@code r} at
	 * {@code bOffset + r * bRowStep}, the same values per row). The last
	 * forward stage, the product and the first inverse stage are done together
	 * on each group of rows while it is in registers. {@code a} is left
	 * transformed up to its last stage, so further calls with other
	 * {@code b} need {@code transformed} true; {@code dest} may be {@code a}
	 * (for the last call) or {@code b}.
	 */
	void convolve(final double[] a, final int offset, final int rowStep, final boolean transformed, final double[] b, final int bOffset, final int bRowStep, final double[] dest, final int k0, final int k1) {
		final int last = span.length - 1;
		if (!transformed)
			for (int s = 0; s < last; s++)
				if (radix[s] == 4)
					forward4(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
				else
					forward2(a, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
		if (radix[last] == 4)
			middle4(a, offset, rowStep, b, bOffset, bRowStep, dest, 2 * k0, 2 * k1);
		else
			middle2(a, offset, rowStep, b, bOffset, bRowStep, dest, 2 * k0, 2 * k1);
		for (int s = last - 1; s >= 0; s--)
			if (radix[s] == 4)
				inverse4(dest, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
			else
				inverse2(dest, offset, rowStep, 2 * k0, 2 * k1, span[s], twiddles[s]);
	}

	/** The last radix-4 stage (span 1, no twiddles), the product, and its inverse. */
	private void middle4(final double[] a, final int offset, final int rowStep, final double[] b, final int bOffset, final int bRowStep, final double[] dest, final int from, final int to) {
		for (int g = 0; g < n; g += 4) {
			final int o0 = offset + g * rowStep, o1 = o0 + rowStep, o2 = o1 + rowStep, o3 = o2 + rowStep;
			final int p0 = bOffset + g * bRowStep, p1 = p0 + bRowStep, p2 = p1 + bRowStep, p3 = p2 + bRowStep;
			for (int k = from; k < to; k += 2) {
				final double a0r = a[o0 + k], a0i = a[o0 + k + 1], a1r = a[o1 + k], a1i = a[o1 + k + 1];
				final double a2r = a[o2 + k], a2i = a[o2 + k + 1], a3r = a[o3 + k], a3i = a[o3 + k + 1];
				final double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
				final double t2r = a1r + a3r, t2i = a1i + a3i;
				final double t3r = a1i - a3i, t3i = a3r - a1r;
				final double y0r = t0r + t2r, y0i = t0i + t2i, y1r = t1r + t3r, y1i = t1i + t3i;
				final double y2r = t0r - t2r, y2i = t0i - t2i, y3r = t1r - t3r, y3i = t1i - t3i;
				final double b0r = b[p0 + k], b0i = b[p0 + k + 1], b1r = b[p1 + k], b1i = b[p1 + k + 1];
				final double b2r = b[p2 + k], b2i = b[p2 + k + 1], b3r = b[p3 + k], b3i = b[p3 + k + 1];
				final double z0r = y0r * b0r - y0i * b0i, z0i = y0r * b0i + y0i * b0r;
				final double z1r = y1r * b1r - y1i * b1i, z1i = y1r * b1i + y1i * b1r;
				final double z2r = y2r * b2r - y2i * b2i, z2i = y2r * b2i + y2i * b2r;
				final double z3r = y3r * b3r - y3i * b3i, z3i = y3r * b3i + y3i * b3r;
				final double u0r = z0r + z2r, u0i = z0i + z2i, u1r = z0r - z2r, u1i = z0i - z2i;
				final double u2r = z1r + z3r, u2i = z1i + z3i;
				final double u3r = z3i - z1i, u3i = z1r - z3r;
				dest[o0 + k] = u0r + u2r;
				dest[o0 + k + 1] = u0i + u2i;
				dest[o1 + k] = u1r + u3r;
				dest[o1 + k + 1] = u1i + u3i;
				dest[o2 + k] = u0r - u2r;
				dest[o2 + k + 1] = u0i - u2i;
				dest[o3 + k] = u1r - u3r;
				dest[o3 + k + 1] = u1i - u3i;
			}
		}
	}

	/** The last radix-2 stage (span 1, no twiddles), the product, and its inverse. */
	private void middle2(final double[] a, final int offset, final int rowStep, final double[] b, final int bOffset, final int bRowStep, final double[] dest, final int from, final int to) {
		for (int g = 0; g < n; g += 2) {
			final int o0 = offset + g * rowStep, o1 = o0 + rowStep;
			final int p0 = bOffset + g * bRowStep, p1 = p0 + bRowStep;
			for (int k = from; k < to; k += 2) {
				final double a0r = a[o0 + k], a0i = a[o0 + k + 1], a1r = a[o1 + k], a1i = a[o1 + k + 1];
				final double y0r = a0r + a1r, y0i = a0i + a1i, y1r = a0r - a1r, y1i = a0i - a1i;
				final double b0r = b[p0 + k], b0i = b[p0 + k + 1], b1r = b[p1 + k], b1i = b[p1 + k + 1];
				final double z0r = y0r * b0r - y0i * b0i, z0i = y0r * b0i + y0i * b0r;
				final double z1r = y1r * b1r - y1i * b1i, z1i = y1r * b1i + y1i * b1r;
				dest[o0 + k] = z0r + z1r;
				dest[o0 + k + 1] = z0i + z1i;
				dest[o1 + k] = z0r - z1r;
				dest[o1 + k + 1] = z0i - z1i;
			}
		}
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
				if (j == 0) {
					for (int k = from; k < to; k += 2) {
						final double b0r = a[o0 + k], b0i = a[o0 + k + 1], b1r = a[o1 + k], b1i = a[o1 + k + 1];
						final double b2r = a[o2 + k], b2i = a[o2 + k + 1], b3r = a[o3 + k], b3i = a[o3 + k + 1];
						final double t0r = b0r + b2r, t0i = b0i + b2i, t1r = b0r - b2r, t1i = b0i - b2i;
						final double t2r = b1r + b3r, t2i = b1i + b3i;
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
					continue;
				}
				final int w = 6 * j;
				// conjugate twiddles undo the forward ones
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
