package io.github.convolvej.plugin;

/**
 * Where each dialog's Help button leads: the README's section on the
 * command, on the project's page.
 */
final class HelpPages {

	static final String README = "https://github.com/convolvej/ConvolveJ#";

	/** README anchors (GitHub's form of the section titles). */
	static final String FILTER = "convolve-nd-and-correlate-nd";
	static final String MATCH = "match-template";
	static final String SAMPLES = "sample-images";

	private HelpPages() {}

	static String url(final String anchor) {
		return README + anchor;
	}
}
