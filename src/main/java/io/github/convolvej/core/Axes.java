package io.github.convolvej.core;

import net.imglib2.util.Util;

/** How messages name axes and sizes: {@code x}, {@code y}, {@code z}, then {@code axis 3}; sizes as {@code 7x7x3}. */
public final class Axes {

	private Axes() {}

	/** {@code x}, {@code y} or {@code z}, else {@code axis d}. */
	public static String name(final int d) {
		return d < 3 ? "xyz".substring(d, d + 1) : "axis " + d;
	}

	/** The sizes joined by {@code x}: {@code 7x7x3}. */
	public static String sizes(final long... dims) {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < dims.length; d++)
			sb.append(d == 0 ? "" : "x").append(dims[d]);
		return sb.toString();
	}

	/** The sizes joined by {@code x}: {@code 7x7x3}. */
	public static String sizes(final int... dims) {
		return sizes(Util.int2long(dims));
	}
}
