package io.github.convolvej.bench;

import java.util.function.Supplier;

/**
 * One fixed benchmark workload: how to make its input (not timed) and the
 * timed call, which returns the engine that ran.
 */
final class Workload {

	/** The timed part, on an input made beforehand. */
	interface Run {
		String run(Object input);
	}

	final String id;
	final String description;
	final long outputPixels;
	final Supplier< Object > input;
	final Run run;

	Workload(final String id, final String description, final long outputPixels, final Supplier< Object > input, final Run run) {
		this.id = id;
		this.description = description;
		this.outputPixels = outputPixels;
		this.input = input;
		this.run = run;
	}
}
