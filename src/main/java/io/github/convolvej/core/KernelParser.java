package io.github.convolvej.core;

/** Parses kernel text (being written). */
final class KernelParser {
	private KernelParser() {}

	static Kernel parse(final String text) {
		throw new UnsupportedOperationException("not yet");
	}
}
