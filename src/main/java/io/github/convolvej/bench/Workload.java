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

		/** True for a run in a JVM of its own: cold each time, its heap its own. */
		default boolean ownJvm() {
			return false;
		}

		/** For a run in a JVM of its own: the most heap its runs used, in MB. */
		default double peakHeapMb() {
			return 0;
		}

		/** A line to print under the workload's row (rates, heap), or null. */
		default String report(final double medianMs) {
			return null;
		}
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
