package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.plugin.LutLoader;
import ij.process.LUT;

/**
 * The score maps' LUT against matplotlib's afmhot definition (red {@code 2x},
 * green {@code 2x - 1/2}, blue {@code 2x - 1}, clipped; values at a few
 * entries worked out by hand), and the shipped {@code luts/afmhot.lut}
 * against the class.
 */
class AfmHotLutTest {

	@Test
	void coloursFollowAfmHot() {
		final LUT lut = AfmHotLut.lut();
		assertEquals(256, lut.getMapSize());
		// black, then red rising alone, then green, then blue, ending white
		assertRgb(lut, 0, 0, 0, 0);
		assertRgb(lut, 64, 128, 0, 0); // x = 0.251: r = 0.502
		assertRgb(lut, 128, 255, 129, 1); // x = 0.502: r = 1, g = 0.504, b = 0.004
		assertRgb(lut, 192, 255, 255, 129); // x = 0.753: g = 1, b = 0.506
		assertRgb(lut, 255, 255, 255, 255);
		for (int i = 1; i < 256; i++) {
			assertEquals(true, red(lut, i) >= red(lut, i - 1) && green(lut, i) >= green(lut, i - 1) && blue(lut, i) >= blue(lut, i - 1), "never darker, at " + i);
			assertEquals(true, red(lut, i) >= green(lut, i) && green(lut, i) >= blue(lut, i), "red over green over blue, at " + i);
		}
	}

	@Test
	void theShippedLutFileHoldsTheSameColours(@TempDir final Path dir) throws IOException {
		final byte[] raw;
		try (InputStream in = AfmHotLut.class.getResourceAsStream("/luts/afmhot.lut")) {
			assertNotNull(in, "luts/afmhot.lut is in the jar");
			raw = in.readAllBytes();
		}
		assertArrayEquals(AfmHotLut.rawBytes(), raw);
		// and ImageJ reads it as these colours
		final Path file = dir.resolve("afmhot.lut");
		Files.copy(new java.io.ByteArrayInputStream(raw), file, StandardCopyOption.REPLACE_EXISTING);
		final LUT read = LutLoader.openLut(file.toString());
		assertNotNull(read);
		final LUT lut = AfmHotLut.lut();
		for (int i = 0; i < 256; i++)
			assertEquals(lut.getRGB(i), read.getRGB(i), "entry " + i);
	}

	private static void assertRgb(final LUT lut, final int i, final int r, final int g, final int b) {
		assertEquals(r, red(lut, i), "red " + i);
		assertEquals(g, green(lut, i), "green " + i);
		assertEquals(b, blue(lut, i), "blue " + i);
	}

	private static int red(final LUT lut, final int i) {
		return lut.getRed(i);
	}

	private static int green(final LUT lut, final int i) {
		return lut.getGreen(i);
	}

	private static int blue(final LUT lut, final int i) {
		return lut.getBlue(i);
	}
}
