package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;

/**
 * The Open ConvolveJ Sample command as a batch-mode macro calls it, with no
 * display: ImageJ hands options only to threads named like its macro threads,
 * and batch mode keeps the opened image out of windows.
 */
class OpenSampleTest {

	@Test
	void macroOptionsOpenTheNamedSample() throws Exception {
		assertEquals("ascent", runAsMacro("sample=ascent").getTitle());
	}

	@Test
	void menuArgumentOpensTheNamedSample() throws Exception {
		final ImagePlus image = runAsMacro(null, "astronaut");
		assertEquals("astronaut", image.getTitle());
		assertEquals(ImagePlus.COLOR_RGB, image.getType());
	}

	private static ImagePlus runAsMacro(final String options) throws Exception {
		return runAsMacro(options, "");
	}

	private static ImagePlus runAsMacro(final String options, final String arg) throws Exception {
		final ImagePlus[] opened = new ImagePlus[1];
		final Throwable[] failure = new Throwable[1];
		final Thread thread = new Thread(() -> {
			Interpreter.batchMode = true;
			try {
				if (options != null)
					Macro.setOptions(Thread.currentThread(), options);
				new OpenSample().run(arg);
				opened[0] = WindowManager.getCurrentImage();
			}
			catch (final Throwable t) {
				failure[0] = t;
			}
			finally {
				Macro.setOptions(Thread.currentThread(), null);
				Interpreter.batchMode = false;
			}
		}, "Run$_open_sample_test");
		thread.start();
		thread.join();
		if (failure[0] != null)
			throw new AssertionError(failure[0]);
		assertNotNull(opened[0], "no image opened");
		final ImagePlus image = opened[0];
		WindowManager.setTempCurrentImage(null);
		Interpreter.removeBatchModeImage(image);
		return image;
	}
}
