package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ij.IJ;

/**
 * A plain ImageJ 1 in a child JVM with ConvolveJ installed as a user does it:
 * the build's {@code target/install} folder ({@code plugins/} with the jar,
 * {@code jars/} with imglib2, JTransforms and the rest) copied into a fresh
 * ImageJ folder, with only {@code ij.jar} on ImageJ's class path. Needs
 * {@code mvn package} first (Failsafe runs after it) and a display.
 */
final class PlainImageJ {

	/** What one {@code ImageJ -batch} run printed, and how it ended. */
	static final class Run {
		final boolean finished;
		final int exitCode;
		final String output;

		Run(final boolean finished, final int exitCode, final String output) {
			this.finished = finished;
			this.exitCode = exitCode;
			this.output = output;
		}
	}

	private PlainImageJ() {}

	/**
	 * Runs the macro with {@code ImageJ -batch}; a run longer than
	 * {@code timeoutSeconds} is killed and reported as not finished.
	 */
	static Run batch(final Path dir, final List< String > jvmOptions, final long timeoutSeconds, final String... macroLines) throws Exception {
		copyInstallFolder(dir);
		final Path macro = dir.resolve("run.ijm");
		Files.write(macro, Arrays.asList(macroLines), StandardCharsets.UTF_8);
		final List< String > command = new ArrayList<>();
		command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
		command.addAll(jvmOptions);
		command.addAll(Arrays.asList("-Dplugins.dir=" + dir, "-Duser.home=" + dir, // ImageJ's preferences stay in the temporary folder
				"-cp", location(IJ.class).toString(), "ij.ImageJ", "-batch", macro.toString()));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final Thread reader = new Thread(() -> {
			try {
				p.getInputStream().transferTo(out);
			} catch (final IOException e) {
				// the process ended
			}
		});
		reader.start();
		final boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!finished)
			p.destroyForcibly().waitFor();
		reader.join(10000);
		return new Run(finished, p.exitValue(), out.toString(StandardCharsets.UTF_8));
	}

	/** Copies the build's ready-to-copy install folder as the README tells users to. */
	private static void copyInstallFolder(final Path imagej) throws IOException {
		final Path install = Path.of(System.getProperty("basedir", "."), "target", "install");
		for (final String folder : new String[] { "plugins", "jars" }) {
			final Path from = install.resolve(folder);
			assertTrue(Files.isDirectory(from), from + " is made by mvn package");
			final Path to = Files.createDirectories(imagej.resolve(folder));
			try (var files = Files.list(from)) {
				for (final Path f : (Iterable< Path >) files::iterator)
					Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		try (var jars = Files.list(imagej.resolve("plugins"))) {
			assertTrue(jars.anyMatch(f -> f.getFileName().toString().matches("ConvolveJ_.*\\.jar")), "the plugin jar, its name with an underscore");
		}
	}

	private static Path location(final Class< ? > c) throws URISyntaxException {
		return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
	}
}
