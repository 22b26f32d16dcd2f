package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command's error in an {@code ImageJ -batch} macro: the message
 * reaches the console, the macro stops there, and ImageJ ends. A modal
 * error dialog would wait forever, so a hang fails the test by its timeout.
 */
class BatchMacroErrorsIT {

	private static final String STILL_RUNNING = "still running after the error";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"Match Template...|image=scene template=nosuch|Match Template: ",
			"Match Template...|image=scene template=object matches=0|Match Template: ",
			"Match Template...|image=scene template=object method=[Bogus]|Match Template: ",
			"Open ConvolveJ Sample|sample=nosuch|Open ConvolveJ Sample: ",
			"Convolve ND...|kernel=[1 2; 3]|Convolve ND: ",
			"Correlate ND...|kernel=laplace mode=bogus|Correlate ND: " })
	void theMacroStopsWithTheMessage(final String command, final String options, final String message, @TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		final PlainImageJ.Run run = PlainImageJ.batch(dir, List.of(), 60,
				"newImage(\"scene\", \"32-bit ramp\", 64, 48, 1);",
				"makeRectangle(10, 10, 8, 6);",
				"run(\"Duplicate...\", \"title=object\");",
				"selectImage(\"scene\");",
				"run(\"Select None\");",
				"run(\"" + command + "\", \"" + options + "\");",
				"print(\"" + STILL_RUNNING + "\");");
		assertTrue(run.finished, "ImageJ hung on " + command + " " + options + ": " + run.output);
		assertTrue(run.output.contains(message), run.output);
		assertFalse(run.output.contains(STILL_RUNNING), run.output);
		assertFalse(run.output.contains("\tat "), "no stack trace: " + run.output);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"Convolve ND...|kernel=gaussian(2) output=32-bit",
			"Match Template...|image=big template=object method=[Normalized correlation coefficient]" })
	void aHeapTooSmallIsSaidAndStopsTheMacro(final String command, final String options, @TempDir final Path dir) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "plain ImageJ builds AWT menus: needs a display");
		// 6000 x 6000 32-bit is 144 MB: the result and its working copies cannot fit beside it in 200 MB
		final PlainImageJ.Run run = PlainImageJ.batch(dir, List.of("-Xmx200m"), 120,
				"newImage(\"big\", \"32-bit ramp\", 6000, 6000, 1);",
				"makeRectangle(10, 10, 16, 16);",
				"run(\"Duplicate...\", \"title=object\");",
				"selectImage(\"big\");",
				"run(\"Select None\");",
				"run(\"" + command + "\", \"" + options + "\");",
				"print(\"" + STILL_RUNNING + "\");");
		assertTrue(run.finished, "ImageJ hung: " + run.output);
		assertTrue(run.output.contains("Not enough memory: needs about"), run.output);
		assertFalse(run.output.contains(STILL_RUNNING), run.output);
		assertFalse(run.output.contains("Unexpected"), run.output);
	}
}
