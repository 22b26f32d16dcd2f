package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

/** Figures: value mapping, panel scaling and placement. */
class MontageTest {

	@Test
	void grayscaleMapsMinToBlackAndMaxToWhiteAndClips() {
		final FloatProcessor fp = new FloatProcessor(5, 1, new float[] { -1, 0, 0.5f, 1, 2 });
		final ColorProcessor rgb = Montage.grayscale(fp, 0, 1);
		final int[] expected = { 0, 0, 128, 255, 255 };
		for (int i = 0; i < 5; i++) {
			final int c = rgb.get(i);
			assertEquals(expected[i], c & 0xff, "pixel " + i);
			assertEquals(c & 0xff, (c >> 8) & 0xff, "gray");
			assertEquals(c & 0xff, (c >> 16) & 0xff, "gray");
		}
	}

	/** matplotlib's afmhot: black, red, orange, white along min..max. */
	@Test
	void afmhotRunsFromBlackThroughOrangeToWhite() {
		final FloatProcessor fp = new FloatProcessor(4, 1, new float[] { -1, 0, 0.5f, 2 });
		final ColorProcessor rgb = Montage.afmhot(fp, 0, 1);
		assertEquals(0x000000, rgb.get(0) & 0xffffff, "below min");
		assertEquals(0x000000, rgb.get(1) & 0xffffff, "min");
		assertEquals(0xff8000, rgb.get(2) & 0xffffff, "middle: red full, green half, blue none");
		assertEquals(0xffffff, rgb.get(3) & 0xffffff, "above max");
	}

	@Test
	void constantImageIsBlack() {
		final ColorProcessor rgb = Montage.grayscale(new FloatProcessor(2, 2, new float[] { 3, 3, 3, 3 }), 3, 3);
		assertEquals(0, rgb.get(0) & 0xffffff);
	}

	/** One scale factor for all panels: the tallest reaches the panel height, sizes stay comparable. */
	@Test
	void panelsShareOneScale() {
		final ColorProcessor big = filled(200, 100, 0xff0000);
		final ColorProcessor small = filled(20, 10, 0x0000ff);
		final ColorProcessor figure = new Montage("", 50).add(big, "").add(small, "").render();
		int red = 0;
		int blue = 0;
		for (int i = 0; i < figure.getPixelCount(); i++) {
			final int c = figure.get(i) & 0xffffff;
			if (c == 0xff0000)
				red++;
			else if (c == 0x0000ff)
				blue++;
		}
		assertEquals(100 * 50, red, 100 * 2);
		assertEquals(10 * 5, blue, 10 * 2);
		assertTrue(figure.getHeight() >= 50);
	}

	@Test
	void captionsAreDrawnWhenFontsExist() {
		assumeTrue(Captions.available(), "this JDK has no fonts: figures are drawn without text");
		final ColorProcessor plain = new Montage("", 40).add(filled(40, 40, 0xffffff), "").render();
		final ColorProcessor captioned = new Montage("Title", 40).add(filled(40, 40, 0xffffff), "a long caption").render();
		assertTrue(captioned.getWidth() > plain.getWidth(), "a caption wider than its panel widens the slot");
		int dark = 0;
		for (int i = 0; i < captioned.getPixelCount(); i++)
			if ((captioned.get(i) & 0xff) < 128)
				dark++;
		assertTrue(dark > 50, "text pixels: " + dark);
	}

	@Test
	void emptyFigureIsRefused() {
		assertThrows(IllegalStateException.class, () -> new Montage("t", 10).render());
		assertThrows(IllegalArgumentException.class, () -> new Montage("t", 0));
	}

	private static ColorProcessor filled(final int w, final int h, final int rgb) {
		final ColorProcessor cp = new ColorProcessor(w, h);
		for (int i = 0; i < w * h; i++)
			cp.set(i, rgb);
		return cp;
	}
}
