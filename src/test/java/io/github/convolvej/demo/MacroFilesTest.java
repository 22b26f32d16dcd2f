package io.github.convolvej.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;

/**
 * The example macros: every filter line a valid SPEC options string, the demo
 * running exactly their lines, each macro packed in the jar.
 */
class MacroFilesTest {

	private static final Pattern FILTER_LINE = Pattern.compile("run\\(\"(Convolve ND|Correlate ND)\\.\\.\\.\", \"([^\"]*)\"\\)");
	private static final Pattern SAMPLE = Pattern.compile("run\\(\"Open ConvolveJ Sample\", \"sample=([^\"]*)\"\\)");

	@Test
	void everyFilterLineParses() throws IOException {
		int lines = 0;
		for (final Path macro : macros()) {
			final Matcher m = FILTER_LINE.matcher(read(macro));
			while (m.find()) {
				final Operation op = m.group(1).startsWith("Convolve") ? Operation.CONVOLVE : Operation.CORRELATE;
				final FilterSettings settings = FilterSettings.fromMacroOptions(op, m.group(2));
				if (settings.get(FilterSettings.KERNEL_IMAGE) == null) {
					final Kernel kernel = settings.kernel(title -> null);
					assertFalse(kernel.isZero(), macro + ": " + m.group(2));
				}
				lines++;
			}
		}
		assertTrue(lines >= 9, "filter lines in the macros: " + lines);
	}

	/** The demo runs the macros' own option strings, with the same command. */
	@Test
	void demoStepsAreMacroLines() throws IOException {
		final List< String > found = new ArrayList<>();
		for (final Path macro : macros()) {
			final Matcher m = FILTER_LINE.matcher(read(macro));
			while (m.find())
				found.add(m.group(1) + "|" + m.group(2));
		}
		for (final Demo.Step step : Demo.STEPS) {
			final String command = step.operation == Operation.CONVOLVE ? "Convolve ND" : "Correlate ND";
			assertTrue(found.contains(command + "|" + step.options), "no macro runs " + command + " with " + step.options);
		}
	}

	@Test
	void macrosOpenBundledSamples() throws IOException {
		for (final Path macro : macros()) {
			final Matcher m = SAMPLE.matcher(read(macro));
			assertTrue(m.find(), macro + " opens a sample");
			assertEquals(m.group(1), SampleImages.canonicalName(m.group(1)), macro.toString());
		}
	}

	/** The build packs macros/ into the jar, where the menu runs them from (JAR:macros/...). */
	@Test
	void macrosArePackedAsResources() throws IOException {
		for (final Path macro : macros())
			assertNotNull(getClass().getResource("/macros/" + macro.getFileName()), macro.toString());
	}

	static List< Path > macros() throws IOException {
		try (Stream< Path > files = Files.list(Paths.get("macros"))) {
			final List< Path > list = files.filter(p -> p.toString().endsWith(".ijm")).sorted().collect(Collectors.toList());
			assertTrue(list.size() >= 5, "macros: " + list);
			return list;
		}
	}

	static String read(final Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}
}
