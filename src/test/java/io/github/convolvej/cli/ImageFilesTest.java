package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

/** What goes into a PNG, and where files go. */
class ImageFilesTest {

	@TempDir
	Path dir;

	@Test
	void sixteenBitStaysSixteenBitUnlessScaled() {
		final ShortProcessor sp = new ShortProcessor(2, 1, new short[] { 1000, (short) 40000 }, null);
		final ImagePlus image = new ImagePlus("s", sp);
		assertSame(image.getProcessor(), ImageFiles.forPng(image, false, null).getProcessor());
		final ImagePlus scaled = ImageFiles.forPng(image, true, null);
		assertEquals(8, scaled.getBitDepth());
		assertEquals(0, scaled.getProcessor().get(0));
		assertEquals(255, scaled.getProcessor().get(1));
	}

	@Test
	void nanBecomesZeroAndHalvesRoundUp() {
		final FloatProcessor fp = new FloatProcessor(4, 1, new float[] { Float.NaN, 2.5f, 254.49f, 255.4f });
		final ByteArrayOutputStream notes = new ByteArrayOutputStream();
		final ImagePlus png = ImageFiles.forPng(new ImagePlus("f", fp), false, new PrintStream(notes, true, StandardCharsets.UTF_8));
		assertArrayEquals(new byte[] { 0, 3, (byte) 254, (byte) 255 }, (byte[]) png.getProcessor().getPixels());
		assertEquals("", notes.toString(StandardCharsets.UTF_8), "nothing was clipped");
	}

	@Test
	void fourChannelsDoNotFitAPng() {
		final ImageStack stack = new ImageStack(2, 2);
		for (int c = 0; c < 4; c++)
			stack.addSlice(new FloatProcessor(2, 2));
		final ImagePlus image = new ImagePlus("all", stack);
		image.setDimensions(4, 1, 1);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFiles.forPng(image, false, null));
		assertTrue(e.getMessage().contains("4 channels"), e.getMessage());
	}

	@Test
	void writeCreatesMissingFolders() throws Exception {
		final Path out = dir.resolve("a/b/c.tif");
		ImageFiles.write(new ImagePlus("f", new FloatProcessor(3, 2)), out.toString(), false, null);
		assertTrue(Files.isRegularFile(out));
		assertEquals(32, IJ.openImage(out.toString()).getBitDepth());
	}

	@Test
	void outputFormatFromExtension() {
		ImageFiles.checkWritable("x.TIF");
		ImageFiles.checkWritable("x.tiff");
		ImageFiles.checkWritable("x.png");
		assertThrows(UsageException.class, () -> ImageFiles.checkWritable("x.jpg"));
		assertThrows(UsageException.class, () -> ImageFiles.checkWritable("x"));
	}
}
