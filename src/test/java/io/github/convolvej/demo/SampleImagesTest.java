package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import ij.IJ;
import ij.ImagePlus;

/** The bundled samples: sizes and types as documented, pixels as ImageJ's own opener reads the files. */
class SampleImagesTest {

	@Test
	void samplesOpenAsDocumented() throws IOException {
		assertSample("cameraman", 512, 512, ImagePlus.GRAY8);
		assertSample("ascent", 512, 512, ImagePlus.GRAY8);
		assertSample("astronaut", 512, 512, ImagePlus.COLOR_RGB);
		assertSample("raccoon-face", 1024, 768, ImagePlus.COLOR_RGB);
		assertSample("raccoon-face-gray", 1024, 768, ImagePlus.GRAY8);
	}

	/** Opening from the class path gives the same pixels as IJ.openImage on the file. */
	@Test
	void samePixelsAsImageJOpener() throws IOException {
		for (final String name : SampleImages.NAMES) {
			final Path file = Paths.get("src/main/resources/samples", name + ".png");
			assertTrue(Files.isRegularFile(file), file.toString());
			final ImagePlus expected = IJ.openImage(file.toString());
			final ImagePlus got = SampleImages.open(name);
			assertEquals(expected.getType(), got.getType(), name);
			final Object e = expected.getProcessor().getPixels();
			final Object g = got.getProcessor().getPixels();
			if (e instanceof byte[])
				assertArrayEquals((byte[]) e, (byte[]) g, name);
			else
				assertArrayEquals((int[]) e, (int[]) g, name);
		}
	}

	@Test
	void namesAreForgiving() {
		assertEquals("cameraman", SampleImages.canonicalName(" Cameraman.PNG "));
	}

	@Test
	void unknownSampleSaysWhichExist() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleImages.open("lena"));
		assertTrue(e.getMessage().contains("'lena'") && e.getMessage().contains("cameraman, ascent"), e.getMessage());
	}

	/** Every bundled sample is listed in the samples' README with its source. */
	@Test
	void everySampleHasProvenance() throws IOException {
		final String readme = new String(Files.readAllBytes(Paths.get("src/main/resources/samples/README.md")), "UTF-8");
		for (final String name : SampleImages.NAMES)
			assertTrue(readme.contains("| " + name + ".png |"), name);
	}

	private static void assertSample(final String name, final int w, final int h, final int type) throws IOException {
		final ImagePlus image = SampleImages.open(name);
		assertEquals(name, image.getTitle());
		assertEquals(w, image.getWidth(), name);
		assertEquals(h, image.getHeight(), name);
		assertEquals(type, image.getType(), name);
	}
}
