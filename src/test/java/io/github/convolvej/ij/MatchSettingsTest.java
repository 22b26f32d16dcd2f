package io.github.convolvej.ij;

import static io.github.convolvej.ij.TemplateMatchingTest.expectError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;

/** The options string of Match Template: keys, defaults, aliases, round trip and error messages. */
class MatchSettingsTest {

	@Test
	void defaultsAreSpecs() {
		final MatchSettings s = MatchSettings.fromMacroOptions("");
		assertNull(s.get(MatchSettings.IMAGE));
		assertNull(s.get(MatchSettings.TEMPLATE));
		assertEquals(MatchMethod.CCOEFF_NORMED, s.get(MatchSettings.METHOD));
		assertEquals(OutputMode.SAME, s.get(MatchSettings.MODE));
		assertEquals(Boundary.SYMMETRIC, s.get(MatchSettings.BOUNDARY));
		assertEquals(0, s.get(MatchSettings.VALUE), 0);
		assertEquals(1, s.get(MatchSettings.MATCHES));
		assertTrue(Double.isNaN(s.get(MatchSettings.THRESHOLD)));
		assertTrue(Double.isNaN(s.get(MatchSettings.MIN_DISTANCE)));
		assertEquals(1, s.get(MatchSettings.MAX_OVERLAP), 0);
		assertNull(s.get(MatchSettings.ANCHOR));
		assertFalse(s.get(MatchSettings.SUBPIXEL) || s.get(MatchSettings.SCORE_MAP) || s.get(MatchSettings.ADD_TO_MANAGER));
		assertEquals(s, MatchSettings.fromMacroOptions(null));
		assertEquals(s, MatchSettings.builder().build());
	}

	@Test
	void everyKeyIsRead() {
		final MatchSettings s = MatchSettings.fromMacroOptions("image=[noisy face] template=eye method=[Correlation coefficient] mode=valid boundary=fill value=-2.5 matches=7 threshold=0.25 min_distance=4.5 max_overlap=0.3 anchor=[2,1] subpixel score_map add_to_manager");
		assertEquals("noisy face", s.get(MatchSettings.IMAGE));
		assertEquals("eye", s.get(MatchSettings.TEMPLATE));
		assertEquals(MatchMethod.CCOEFF, s.get(MatchSettings.METHOD));
		assertEquals(OutputMode.VALID, s.get(MatchSettings.MODE));
		assertEquals(Boundary.FILL, s.get(MatchSettings.BOUNDARY));
		assertEquals(-2.5, s.get(MatchSettings.VALUE), 0);
		assertEquals(7, s.get(MatchSettings.MATCHES));
		assertEquals(0.25, s.get(MatchSettings.THRESHOLD), 0);
		assertEquals(4.5, s.get(MatchSettings.MIN_DISTANCE), 0);
		assertEquals(0.3, s.get(MatchSettings.MAX_OVERLAP), 0);
		assertArrayEquals(new int[] { 2, 1 }, s.get(MatchSettings.ANCHOR));
		assertTrue(s.get(MatchSettings.SUBPIXEL) && s.get(MatchSettings.SCORE_MAP) && s.get(MatchSettings.ADD_TO_MANAGER));

		final MatchOptions o = s.matchOptions();
		assertEquals(MatchMethod.CCOEFF, o.method());
		assertEquals(OutputMode.VALID, o.mode());
		assertEquals(Boundary.FILL, o.boundary());
		assertEquals(-2.5, o.fillValue(), 0);
		assertArrayEquals(new int[] { 2, 1 }, o.anchor());
		final PeakFinder p = s.peakFinder();
		assertEquals(7, p.maxMatches());
		assertEquals(0.25, p.threshold(), 0);
		assertEquals(4.5, p.minDistance(), 0);
		assertEquals(0.3, p.maxOverlap(), 0);
		assertTrue(p.subpixel());
	}

	@Test
	void aliasesAndSpellingsAreAccepted() {
		assertEquals(MatchMethod.SQDIFF_NORMED, MatchSettings.fromMacroOptions("method=TM_SQDIFF_NORMED").get(MatchSettings.METHOD));
		assertEquals(MatchMethod.CCORR, MatchSettings.fromMacroOptions("method=ccorr").get(MatchSettings.METHOD));
		assertEquals(MatchMethod.CCORR_NORMED, MatchSettings.fromMacroOptions("method=[normalized  cross correlation]").get(MatchSettings.METHOD));
		assertEquals(Boundary.SYMMETRIC, MatchSettings.fromMacroOptions("boundary=reflect").get(MatchSettings.BOUNDARY));
		assertEquals(Boundary.FILL, MatchSettings.fromMacroOptions("boundary=constant").get(MatchSettings.BOUNDARY));
		assertTrue(Double.isNaN(MatchSettings.fromMacroOptions("threshold=none").get(MatchSettings.THRESHOLD)));
		assertTrue(Double.isNaN(MatchSettings.fromMacroOptions("min_distance=auto").get(MatchSettings.MIN_DISTANCE)));
		assertNull(MatchSettings.fromMacroOptions("template=<selection>").get(MatchSettings.TEMPLATE));
		assertNull(MatchSettings.fromMacroOptions("anchor=center").get(MatchSettings.ANCHOR));
		assertEquals(3, MatchSettings.fromMacroOptions("matches=3.0").get(MatchSettings.MATCHES));
		// a flag inside a bracketed title is not a flag
		final MatchSettings s = MatchSettings.fromMacroOptions("image=[cells subpixel score_map]");
		assertEquals("cells subpixel score_map", s.get(MatchSettings.IMAGE));
		assertFalse(s.get(MatchSettings.SUBPIXEL) || s.get(MatchSettings.SCORE_MAP));
	}

	@Test
	void toMacroOptionsParsesBackToEqualSettings() {
		final String[] options = { "", "image=face template=eye method=[Correlation coefficient] mode=same boundary=symm matches=1 score_map",
				"image=[a b] template=[c=d] method=sqdiff mode=valid boundary=wrap value=3.25 matches=12 threshold=-0.5 min_distance=0 max_overlap=0.5 anchor=[0,3,1] subpixel add_to_manager" };
		for (final String o : options) {
			final MatchSettings s = MatchSettings.fromMacroOptions(o);
			final String written = s.toMacroOptions();
			assertEquals(s, MatchSettings.fromMacroOptions(written), written);
			assertEquals(written, MatchSettings.fromMacroOptions(written).toMacroOptions());
		}
		assertEquals("image=face template=eye method=[Correlation coefficient] mode=same boundary=symm value=0 matches=1 threshold=none min_distance=auto max_overlap=1 anchor=center score_map",
				MatchSettings.fromMacroOptions(options[1]).toMacroOptions());
	}

	@Test
	void badValuesSayWhatIsWrongAndHowToFixIt() {
		expectError(() -> MatchSettings.fromMacroOptions("method=[best one]"), "Unknown matching method 'best one'", "Correlation coefficient");
		expectError(() -> MatchSettings.fromMacroOptions("mode=full"), "mode=same", "mode=valid");
		expectError(() -> MatchSettings.fromMacroOptions("mode=wide"), "Unknown mode 'wide'");
		expectError(() -> MatchSettings.fromMacroOptions("boundary=sideways"), "Unknown boundary 'sideways'");
		expectError(() -> MatchSettings.fromMacroOptions("value=abc"), "value='abc'");
		expectError(() -> MatchSettings.fromMacroOptions("matches=0"), "matches= must be a whole number of at least 1, not 0", "matches=1");
		expectError(() -> MatchSettings.fromMacroOptions("matches=2.5"), "whole number", "not 2.5");
		expectError(() -> MatchSettings.fromMacroOptions("threshold=high"), "threshold='high'");
		expectError(() -> MatchSettings.fromMacroOptions("min_distance=-3"), "min_distance=-3", "auto");
		expectError(() -> MatchSettings.fromMacroOptions("max_overlap=1.5"), "max_overlap=1.5", "from 0");
		expectError(() -> MatchSettings.fromMacroOptions("anchor=[a,b]"), "Cannot read anchor 'a,b'");
		expectError(() -> MatchSettings.fromMacroOptions("anchor=[-1,0]"), "negative");
	}
}
