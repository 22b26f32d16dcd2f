package io.github.convolvej.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * An N-dimensional convolution kernel: real or complex values in double
 * precision, laid out flat with x varying fastest (as ImgLib2 orders pixels),
 * and an anchor per axis, the kernel index that lands on the output pixel.
 * <p>
 * The default anchor is {@code (K-1)/2} per axis (integer division), which
 * reproduces {@code scipy.signal.convolve2d}/{@code correlate2d} for odd and
 * even kernels alike; {@code scipy.ndimage}'s {@code origin=o} is anchor
 * {@code K/2 + o}.
 * <p>
 * Instances are immutable: every operation returns a new kernel.
 *
 * <pre>
 * Kernel laplace = Kernel.of(new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3);
 * Kernel scharr = Kernel.parse("scharr"); // complex
 * Kernel shifted = laplace.withAnchor(0, 0);
 * </pre>
 */
public final class Kernel {

	private final int[] dims;
	private final double[] re;
	private final double[] im; // null for a real kernel
	private final int[] anchor;

	private Kernel(final int[] dims, final double[] re, final double[] im, final int[] anchor) {
		this.dims = dims;
		this.re = re;
		this.im = im;
		this.anchor = anchor;
	}

	/** A real kernel with the default anchor; {@code dims} x first. */
	public static Kernel of(final double[] values, final int... dims) {
		return complex(values, null, dims);
	}

	/**
	 * A complex kernel (or a real one when {@code imaginary} is null or all
	 * zero) with the default anchor.
	 */
	public static Kernel complex(final double[] real, final double[] imaginary, final int... dims) {
		if (dims.length == 0)
			throw new IllegalArgumentException("A kernel needs at least one axis.");
		long n = 1;
		for (final int d : dims) {
			if (d < 1)
				throw new IllegalArgumentException("Kernel sizes must be at least 1, got " + Arrays.toString(dims) + ".");
			n *= d;
		}
		if (real.length != n)
			throw new IllegalArgumentException("A kernel of size " + Axes.sizes(dims) + " needs " + n + " values, got " + real.length + ".");
		if (imaginary != null && imaginary.length != n)
			throw new IllegalArgumentException("The imaginary part has " + imaginary.length + " values, the real part " + n + ".");
		final boolean complex = imaginary != null && Arrays.stream(imaginary).anyMatch(v -> v != 0);
		return new Kernel(dims.clone(), real.clone(), complex ? imaginary.clone() : null, defaultAnchor(dims));
	}

	/**
	 * Reads kernel text: a matrix or a named kernel ({@link NamedKernels}).
	 * <p>
	 * A matrix has numbers separated by spaces or commas, rows separated by
	 * {@code ;} or line breaks, Z planes by {@code |} or a blank line, optionally
	 * in {@code [ ]}; Python's nested lists ({@code [[1,2],[3,4]]}) work too.
	 * Entries may be complex ({@code 3-3i}, {@code -10j}, {@code i}) and use
	 * exponents ({@code 2.5E+2}). Rows are written top to bottom: text row r is
	 * y = r, column c is x = c, plane p is z = p. One plane gives a 2-D kernel
	 * (a single row {@code 1 2 3} is 3x1), several a 3-D one.
	 *
	 * <pre>
	 * Kernel.parse("0 1 0; 1 -4 1; 0 1 0");
	 * Kernel.parse("[[-3-3j,-10j,3-3j],[-10,0,10],[-3+3j,10j,3+3j]]"); // complex
	 * Kernel.parse("gaussian(2, 1)"); // sigma x = 2, sigma y = 1
	 * </pre>
	 *
	 * @throws KernelSyntaxException for text that is empty, unreadable, not
	 *             finite or not rectangular; the message names the bad token,
	 *             its position and the accepted syntax
	 */
	public static Kernel parse(final String text) {
		return KernelParser.parse(text);
	}

	/** {@code (K-1)/2} per axis. */
	public static int[] defaultAnchor(final int... dims) {
		final int[] a = new int[dims.length];
		for (int d = 0; d < dims.length; d++)
			a[d] = (dims[d] - 1) / 2;
		return a;
	}

	public int numDimensions() {
		return dims.length;
	}

	public int dimension(final int d) {
		return d < dims.length ? dims[d] : 1;
	}

	/** Sizes, x first. */
	public int[] dimensions() {
		return dims.clone();
	}

	/** Number of entries. */
	public int size() {
		return re.length;
	}

	public boolean isComplex() {
		return im != null;
	}

	/** The real parts, x fastest (a copy). */
	public double[] real() {
		return re.clone();
	}

	/** The imaginary parts, x fastest (a copy; all zero for a real kernel). */
	public double[] imaginary() {
		return im == null ? new double[re.length] : im.clone();
	}

	/** Anchor per axis (a copy). */
	public int[] anchor() {
		return anchor.clone();
	}

	public int anchor(final int d) {
		return d < anchor.length ? anchor[d] : 0;
	}

	/**
	 * The same values with another anchor. Anchors outside the kernel are
	 * allowed (the output simply shifts further), as {@code scipy.ndimage}
	 * allows origins up to the kernel's size.
	 */
	public Kernel withAnchor(final int... newAnchor) {
		if (newAnchor.length != dims.length)
			throw new IllegalArgumentException("The anchor needs " + dims.length + " coordinates (one per kernel axis), got " + newAnchor.length + ".");
		for (int d = 0; d < dims.length; d++)
			if (newAnchor[d] < 0 || newAnchor[d] >= dims[d])
				throw new IllegalArgumentException("The anchor " + Arrays.toString(newAnchor) + " lies outside the " + Axes.sizes(dims) + " kernel: along " + Axes.name(d) + " it must be from 0 to " + (dims[d] - 1)
						+ ". Give coordinates inside the kernel, counted from 0 at the top left (the default is the centre).");
		return new Kernel(dims, re, im, newAnchor.clone());
	}

	/** The same kernel with trailing axes of size 1 added up to {@code n} axes. */
	public Kernel withDimensions(final int n) {
		if (n < dims.length) {
			for (int d = n; d < dims.length; d++)
				if (dims[d] != 1)
					throw new IllegalArgumentException("The kernel has " + dims.length + " axes; it cannot be used with " + n + ".");
			return new Kernel(Arrays.copyOf(dims, n), re, im, Arrays.copyOf(anchor, n));
		}
		final int[] nd = Arrays.copyOf(dims, n);
		final int[] na = Arrays.copyOf(anchor, n);
		for (int d = dims.length; d < n; d++)
			nd[d] = 1;
		return new Kernel(nd, re, im, na);
	}

	/**
	 * Reversed along every axis; the anchor follows its entry to
	 * {@code K-1-a}, so that {@code convolve(f, k) == correlate(f, conj(k.flip()))}.
	 */
	public Kernel flip() {
		final double[] fr = new double[re.length];
		final double[] fi = im == null ? null : new double[re.length];
		final int n = re.length;
		for (int i = 0; i < n; i++) {
			fr[n - 1 - i] = re[i]; // flipping every axis of a flat array reverses it
			if (fi != null)
				fi[n - 1 - i] = im[i];
		}
		final int[] fa = new int[dims.length];
		for (int d = 0; d < dims.length; d++)
			fa[d] = dims[d] - 1 - anchor[d];
		return new Kernel(dims, fr, fi, fa);
	}

	/** Complex conjugate (the same kernel when real). */
	public Kernel conjugate() {
		if (im == null)
			return this;
		final double[] ci = new double[im.length];
		for (int i = 0; i < im.length; i++)
			ci[i] = -im[i];
		return new Kernel(dims, re, ci, anchor);
	}

	/** Sum of the real parts. */
	public double sum() {
		double s = 0;
		for (final double v : re)
			s += v;
		return s;
	}

	/** Sum of the imaginary parts (0 for a real kernel). */
	public double imaginarySum() {
		if (im == null)
			return 0;
		double s = 0;
		for (final double v : im)
			s += v;
		return s;
	}

	/**
	 * Divided by its sum when the (complex) sum is not 0; unchanged otherwise,
	 * since an edge filter summing to 0 cannot be normalized that way.
	 */
	public Kernel normalize() {
		// Entries are scaled by the power of two nearest their largest magnitude
		// first (exact), so sums of huge (1e300) or tiny (1e-300) entries
		// neither overflow nor underflow, and a zero sum stays exactly zero.
		double largest = 0;
		for (int i = 0; i < re.length; i++)
			largest = Math.max(largest, Math.max(Math.abs(re[i]), im == null ? 0 : Math.abs(im[i])));
		if (largest == 0 || !Double.isFinite(largest))
			return this;
		final int shift = -Math.getExponent(largest);
		double sr = 0, si = 0;
		for (int i = 0; i < re.length; i++) {
			sr += Math.scalb(re[i], shift);
			si += im == null ? 0 : Math.scalb(im[i], shift);
		}
		final double m2 = sr * sr + si * si;
		if (m2 == 0)
			return this;
		final double[] nr = new double[re.length];
		final double[] ni = im == null ? null : new double[re.length];
		for (int i = 0; i < re.length; i++) {
			final double a = Math.scalb(re[i], shift), b = im == null ? 0 : Math.scalb(im[i], shift);
			// (a + bi) / (sr + si i)
			nr[i] = (a * sr + b * si) / m2;
			if (ni != null)
				ni[i] = (b * sr - a * si) / m2;
		}
		return new Kernel(dims, nr, ni, anchor);
	}

	/** True when any entry is NaN or infinite. */
	public boolean hasNonFinite() {
		for (int i = 0; i < re.length; i++)
			if (!Double.isFinite(re[i]) || im != null && !Double.isFinite(im[i]))
				return true;
		return false;
	}

	/** True when every entry is zero. */
	public boolean isZero() {
		for (int i = 0; i < re.length; i++)
			if (re[i] != 0 || im != null && im[i] != 0)
				return false;
		return true;
	}

	/**
	 * The 1-D factors when this real kernel is separable (rank 1): kernel[x,y,..]
	 * == f0[x] * f1[y] * ... within a relative tolerance of 1e-12. Empty for
	 * complex kernels and kernels of higher rank.
	 */
	public Optional<double[][]> separableFactors() {
		if (im != null)
			return Optional.empty();
		return Separability.factors(re, dims);
	}

	/** Largest absolute value of any entry. */
	public double maxAbs() {
		double m = 0;
		for (int i = 0; i < re.length; i++)
			m = Math.max(m, Math.hypot(re[i], im == null ? 0 : im[i]));
		return m;
	}

	@Override
	public String toString() {
		return "Kernel " + Axes.sizes(dims) + (im == null ? "" : " complex") + " anchor " + Arrays.toString(anchor);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Kernel))
			return false;
		final Kernel k = (Kernel) o;
		return Arrays.equals(dims, k.dims) && Arrays.equals(re, k.re) && Arrays.equals(im, k.im) && Arrays.equals(anchor, k.anchor);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(dims) * 31 + Arrays.hashCode(re) * 17 + Arrays.hashCode(anchor);
	}
}
