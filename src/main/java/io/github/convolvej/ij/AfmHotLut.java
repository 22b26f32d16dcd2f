package io.github.convolvej.ij;

import ij.process.LUT;

/**
 * The lookup table of score maps: matplotlib's {@code afmhot}, black through
 * red and orange to white. For {@code x = i / 255}, {@code i = 0..255}:
 * red {@code 2x}, green {@code 2x - 0.5}, blue {@code 2x - 1}, each clipped
 * to 0..1 and scaled to 0..255 (rounded). The jar also ships it as
 * {@code luts/afmhot.lut} (768 bytes: 256 reds, 256 greens, 256 blues, as
 * ImageJ reads raw LUT files).
 */
public final class AfmHotLut {

	/** The number of entries. */
	public static final int SIZE = 256;

	private AfmHotLut() {}

	/** A new LUT with the 256 afmhot colours. */
	public static LUT lut() {
		return new LUT(channel(0), channel(0.5), channel(1));
	}

	/** The 768 bytes of the raw {@code .lut} file: reds, greens, blues. */
	public static byte[] rawBytes() {
		final byte[] raw = new byte[3 * SIZE];
		System.arraycopy(channel(0), 0, raw, 0, SIZE);
		System.arraycopy(channel(0.5), 0, raw, SIZE, SIZE);
		System.arraycopy(channel(1), 0, raw, 2 * SIZE, SIZE);
		return raw;
	}

	/** {@code round(255 * clip(2x - offset, 0, 1))} for each entry. */
	static byte[] channel(final double offset) {
		final byte[] c = new byte[SIZE];
		for (int i = 0; i < SIZE; i++) {
			final double v = Math.max(0, Math.min(1, 2.0 * i / (SIZE - 1) - offset));
			c[i] = (byte) Math.round(255 * v);
		}
		return c;
	}
}
