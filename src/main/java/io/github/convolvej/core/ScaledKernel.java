package io.github.convolvej.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named kernels whose lengths are in calibrated units (µm, nm, ...), turned
 * into pixels by each axis's pixel size, as ImageJ's <i>Gaussian Blur 3D</i>
 * and <i>Scaled units</i> do:
 * <ul>
 * <li>{@code gaussian(s)}: sigma {@code s / pixel size} along every spatial
 * axis the image has (a 3-D Gaussian on a Z stack); {@code gaussian(sx,sy)}
 * and {@code gaussian(sx,sy,sz)} per axis;</li>
 * <li>{@code box(n)}: {@code n / pixel size} pixels along x and y, rounded
 * to the nearest odd number, every entry {@code 1/(W·H)}.</li>
 * </ul>
 * Other kernels have no lengths and are read unchanged.
 *
 * <pre>
 * // gaussian(1) µm on voxels of 0.1 x 0.1 x 0.3 µm is gaussian(10, 10, 3.333) in pixels
 * ScaledKernel s = ScaledKernel.parse("gaussian(1)", 0.1, 0.1, 0.3);
 * s.kernel();      // 81 x 81 x 27
 * s.inPixels();    // "gaussian(10, 10, 3.3333)"
 * </pre>
 */
public final class ScaledKernel {

	private static final Pattern NAMED = Pattern.compile("\\s*\\[?\\s*(gaussian|box)\\s*\\(([^)]*)\\)\\s*\\]?\\s*", Pattern.CASE_INSENSITIVE);

	private final Kernel kernel;
	private final String inPixels;

	private ScaledKernel(final Kernel kernel, final String inPixels) {
		this.kernel = kernel;
		this.inPixels = inPixels;
	}

	/**
	 * @param pixelSizes the pixel size of each spatial axis, x first (2 for a
	 *            single plane, 3 for a Z stack)
	 * @throws KernelSyntaxException for unreadable kernel text
	 * @throws IllegalArgumentException for a pixel size that is not a positive
	 *             number, or three sigmas on a single plane
	 */
	public static ScaledKernel parse(final String text, final double... pixelSizes) {
		if (pixelSizes.length < 2 || pixelSizes.length > 3)
			throw new IllegalArgumentException("Give the pixel size of 2 or 3 axes, got " + pixelSizes.length + ".");
		for (final double p : pixelSizes)
			if (!(p > 0) || !Double.isFinite(p))
				throw new IllegalArgumentException("Pixel sizes must be positive numbers, got " + p + ". Set the scale with Image > Properties or Analyze > Set Scale.");
		final Matcher m = text == null ? null : NAMED.matcher(text);
		if (m == null || !m.matches())
			return new ScaledKernel(Kernel.parse(text), null);
		Kernel.parse(text); // the usual checks and messages for the arguments
		final String[] parts = m.group(2).trim().split("[\\s,]+");
		final double[] args = new double[parts.length];
		for (int i = 0; i < args.length; i++)
			args[i] = Double.parseDouble(parts[i].replace('\u2212', '-'));
		if (m.group(1).equalsIgnoreCase("box")) {
			final int w = nearestOdd(args[0] / pixelSizes[0]), h = nearestOdd(args[0] / pixelSizes[1]);
			final double[] v = new double[Math.multiplyExact(w, h)];
			java.util.Arrays.fill(v, 1.0 / ((double) w * h));
			return new ScaledKernel(Kernel.of(v, w, h), "box " + w + " x " + h);
		}
		final double[] sigmas;
		if (args.length == 1) {
			sigmas = new double[pixelSizes.length];
			for (int d = 0; d < sigmas.length; d++)
				sigmas[d] = args[0] / pixelSizes[d];
		} else {
			if (args.length > pixelSizes.length)
				throw new IllegalArgumentException("gaussian with " + args.length + " sigmas needs a Z stack; this image has one plane. Give one or two sigmas.");
			sigmas = new double[args.length];
			for (int d = 0; d < sigmas.length; d++)
				sigmas[d] = args[d] / pixelSizes[d];
		}
		final StringBuilder sb = new StringBuilder("gaussian(");
		for (int d = 0; d < sigmas.length; d++)
			sb.append(d == 0 ? "" : ", ").append(number(sigmas[d]));
		return new ScaledKernel(NamedKernels.gaussian(sigmas), sb.append(')').toString());
	}

	/** The odd whole number nearest to {@code v} (ties go up), at least 1. */
	static int nearestOdd(final double v) {
		// every x in [2k, 2k+2) is nearest to 2k+1; an even x lies midway and goes up
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1, 2 * Math.floor(v / 2) + 1));
	}

	/** The kernel in pixels. */
	public Kernel kernel() {
		return kernel;
	}

	/** What the lengths became in pixels ({@code gaussian(10, 10, 3.3333)}, {@code box 5 x 3}), or null when the kernel has none. */
	public String inPixels() {
		return inPixels;
	}

	private static String number(final double v) {
		final String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
		return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
	}
}
