package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One in-process run of the command-line tool, with what it printed. */
final class CliRun {

	final int exitCode;
	final String out;
	final String err;

	private CliRun(final int exitCode, final String out, final String err) {
		this.exitCode = exitCode;
		this.out = out;
		this.err = err;
	}

	static CliRun of(final String... args) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			code = ConvolveJCli.run(args, o, e);
		}
		return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** The tool's {@code main} in a JVM of its own, as a shell runs it; killed after {@code seconds}. */
	static CliRun inChildJvm(final Path dir, final int seconds, final String... args) throws IOException, InterruptedException {
		return mainInChildJvm(ConvolveJCli.class, dir, seconds, args);
	}

	/** A class's {@code main} in a headless JVM of its own, on the tests' class path; killed after {@code seconds}. */
	static CliRun mainInChildJvm(final Class< ? > main, final Path dir, final int seconds, final String... args) throws IOException, InterruptedException {
		final List< String > command = new ArrayList<>();
		command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add("-Djava.awt.headless=true");
		command.add(main.getName());
		command.addAll(Arrays.asList(args));
		final Path out = Files.createTempFile(dir, "stdout", ".txt"), err = Files.createTempFile(dir, "stderr", ".txt");
		final Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly().waitFor();
			throw new AssertionError(main.getSimpleName() + " " + String.join(" ", args) + " did not end within " + seconds + " s");
		}
		return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
	}

	@Override
	public String toString() {
		return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
	}
}
