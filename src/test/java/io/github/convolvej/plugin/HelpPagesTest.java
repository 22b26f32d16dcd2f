package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every dialog's Help button leads to a section the README has, under GitHub's anchor for its title. */
class HelpPagesTest {

	/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
	static String anchor(final String heading) {
		return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

	@Test
	void helpButtonsLeadToReadmeSections() throws IOException {
		final Set< String > anchors = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("#")).map(l -> anchor(l.replaceFirst("^#+", "")))
				.collect(Collectors.toSet());
		for (final String a : new String[] { HelpPages.FILTER, HelpPages.MATCH, HelpPages.SAMPLES })
			assertTrue(anchors.contains(a), "README has no section with anchor #" + a);
		assertTrue(HelpPages.url(HelpPages.FILTER).startsWith("https://"));
	}
}
