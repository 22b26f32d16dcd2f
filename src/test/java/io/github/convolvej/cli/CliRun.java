package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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

	@Override
	public String toString() {
		return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
	}
}
