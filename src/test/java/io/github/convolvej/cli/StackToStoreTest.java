package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.io.FileSaver;
import ij.process.ShortProcessor;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;

/**
 * Convolve ND with {@code output_folder=} on a virtual stack: the planes are
 * read from disk a block at a time, written to a folder of TIFF planes or a
 * Zarr array, and opened as a virtual stack holding the numbers of the
 * in-memory run.
 */
class StackToStoreTest {

	private static final String KERNEL = "kernel=[1 2 1; 0 1 -1 | 2 0 1; 1 1 1 | 0 1 0; 3 -1 2] mode=same boundary=symm";

	@TempDir
	Path dir;

	/** A 16-bit stack on disk, opened virtually (planes read when asked), and the same loaded whole. */
	private ImagePlus[] stack(final int w, final int h, final int d) {
		final ImageStack s = new ImageStack(w, h);
		final Random random = new Random(d);
		for (int z = 0; z < d; z++) {
			final short[] v = new short[w * h];
			for (int i = 0; i < v.length; i++)
				v[i] = (short) random.nextInt(4000);
			s.addSlice(new ShortProcessor(w, h, v, null));
		}
		final ImagePlus whole = new ImagePlus("cells.tif", s);
		final Path file = dir.resolve("cells.tif");
		assertTrue(new FileSaver(whole).saveAsTiffStack(file.toString()));
		final ImagePlus virtual = IJ.openVirtual(file.toString());
		assertTrue(virtual.getStack().isVirtual());
		return new ImagePlus[] { virtual, whole };
	}

	private static void assertSameNumbers(final ImagePlus expected, final ImagePlus actual) {
		assertEquals(expected.getStackSize(), actual.getStackSize());
		for (int z = 1; z <= expected.getStackSize(); z++) {
			final float[] e = (float[]) expected.getStack().getProcessor(z).convertToFloatProcessor().getPixels();
			final float[] a = (float[]) actual.getStack().getProcessor(z).convertToFloatProcessor().getPixels();
			for (int i = 0; i < e.length; i++)
				assertEquals(e[i], a[i], 1e-3 + 1e-6 * Math.abs(e[i]), "plane " + z + " pixel " + i);
		}
	}

	@Test
	void aVirtualStackGivesTheInMemoryNumbersInBothFormats() throws IOException {
		final ImagePlus[] images = stack(37, 23, 40);
		for (final String format : new String[] { "[TIFF planes]", "Zarr" }) {
			final Path out = dir.resolve("out-" + format.replaceAll("\\W", ""));
			final FilterSettings settings = FilterSettings.fromMacroOptions(Operation.CONVOLVE, KERNEL + " output_folder=[" + out + "] output_format=" + format);
			final ImagePlus result = StackToStore.filter(images[0], settings, settings.kernel(t -> null), ProgressListener.NONE);
			assertTrue(result.getStack().isVirtual(), format + ": a virtual stack");
			assertEquals("cells.tif-convolved", result.getTitle());
			final FilterSettings inMemory = FilterSettings.fromMacroOptions(Operation.CONVOLVE, KERNEL);
			assertSameNumbers(ImageFilter.apply(images[1], inMemory, inMemory.kernel(t -> null), ProgressListener.NONE), result);
			assertTrue(Files.isDirectory(out));
		}
	}

	@Test
	void badFoldersAndImagesAreRefused() throws IOException {
		final ImagePlus[] images = stack(12, 10, 5);
		final Path full = Files.createDirectories(dir.resolve("full"));
		Files.writeString(full.resolve("notes.txt"), "mine");
		final FilterSettings settings = FilterSettings.fromMacroOptions(Operation.CONVOLVE, KERNEL + " output_folder=[" + full + "]");
		final Exception e = assertThrows(IllegalArgumentException.class, () -> StackToStore.filter(images[0], settings, settings.kernel(t -> null), ProgressListener.NONE));
		assertTrue(e.getMessage().contains("not empty"), e.getMessage());
		assertEquals("mine", Files.readString(full.resolve("notes.txt")), "nothing touched");
		final ImagePlus twoChannels = IJ.createImage("hyper", "16-bit", 8, 8, 2, 3, 1);
		final FilterSettings other = FilterSettings.fromMacroOptions(Operation.CONVOLVE, KERNEL + " output_folder=[" + dir.resolve("o") + "]");
		final Exception c = assertThrows(IllegalArgumentException.class, () -> StackToStore.filter(twoChannels, other, other.kernel(t -> null), ProgressListener.NONE));
		assertTrue(c.getMessage().contains("2 channels"), c.getMessage());
		assertThrows(IllegalArgumentException.class, () -> FilterSettings.fromMacroOptions(Operation.CONVOLVE, KERNEL + " output_format=HDF5"));
	}

	/** As a macro runs it: the menu command with output_folder= shows the result as a virtual stack. */
	@Test
	void theMenuCommandWritesAndOpensTheResult() throws IOException {
		assumeFalse(GraphicsEnvironment.isHeadless());
		final ImagePlus[] images = stack(20, 16, 12);
		final Path out = dir.resolve("menu");
		if (ij.Menus.getCommands() == null)
			IJ.run("Collect Garbage"); // any command makes ImageJ build its menus
		ij.Menus.getCommands().put("Convolve ND...", io.github.convolvej.plugin.ConvolveNdPlugin.class.getName());
		ij.macro.Interpreter.batchMode = true; // as a macro runs it: the images stay hidden
		images[0].show();
		try {
			IJ.run(images[0], "Convolve ND...", KERNEL + " output_folder=[" + out + "] output_format=[TIFF planes]");
			ImagePlus result = null;
			for (int wait = 0; wait < 100 && result == null; wait++) { // the window opens on the event thread
				result = WindowManager.getImage("cells.tif-convolved");
				if (result == null)
					IJ.wait(100);
			}
			assertNotNull(result, String.join(", ", WindowManager.getImageTitles()) + " / log: " + IJ.getLog() + " / " + (Files.exists(out) ? String.join(",", out.toFile().list()) : "no folder"));
			assertTrue(result.getStack().isVirtual());
			assertEquals(12, result.getStackSize());
			try (var list = Files.list(out)) {
				assertEquals(12, list.filter(p -> p.getFileName().toString().startsWith("plane_")).count());
			}
			result.changes = false;
			result.close();
		}
		finally {
			images[0].changes = false;
			images[0].close();
			ij.macro.Interpreter.batchMode = false;
		}
	}
}
