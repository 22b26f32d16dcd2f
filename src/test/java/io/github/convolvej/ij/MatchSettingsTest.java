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
		assertNull(s.imageTitle());
		assertNull(s.templateTitle());
		assertEquals(MatchMethod.CCOEFF_NORMED, s.method());
		assertEquals(OutputMode.SAME, s.mode());
		assertEquals(Boundary.SYMMETRIC, s.boundary());
		assertEquals(0, s.value(), 0);
		assertEquals(1, s.matches());
		assertTrue(Double.isNaN(s.threshold()));
		assertTrue(Double.isNaN(s.minDistance()));
		assertEquals(1, s.maxOverlap(), 0);
		assertNull(s.anchor());
		assertFalse(s.subpixel() || s.scoreMap() || s.addToManager());
		assertEquals(s, MatchSettings.fromMacroOptions(null));
		assertEquals(s, MatchSettings.builder().build());
	}

	@Test
	void everyKeyIsRead() {
		final MatchSettings s = MatchSettings.fromMacroOptions("image=[noisy face] template=eye method=[Correlation coefficient] mode=valid boundary=fill value=-2.5 matches=7 threshold=0.25 min_distance=4.5 max_overlap=0.3 anchor=[2,1] subpixel score_map add_to_manager");
		assertEquals("noisy face", s.imageTitle());
		assertEquals("eye", s.templateTitle());
		assertEquals(MatchMethod.CCOEFF, s.method());
		assertEquals(OutputMode.VALID, s.mode());
		assertEquals(Boundary.FILL, s.boundary());
		assertEquals(-2.5, s.value(), 0);
		assertEquals(7, s.matches());
		assertEquals(0.25, s.threshold(), 0);
		assertEquals(4.5, s.minDistance(), 0);
		assertEquals(0.3, s.maxOverlap(), 0);
		assertArrayEquals(new int[] { 2, 1 }, s.anchor());
		assertTrue(s.subpixel() && s.scoreMap() && s.addToManager());

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
		assertEquals(MatchMethod.SQDIFF_NORMED, MatchSettings.fromMacroOptions("method=TM_SQDIFF_NORMED").method());
		assertEquals(MatchMethod.CCORR, MatchSettings.fromMacroOptions("method=ccorr").method());
		assertEquals(MatchMethod.CCORR_NORMED, MatchSettings.fromMacroOptions("method=[normalized  cross correlation]").method());
		assertEquals(Boundary.SYMMETRIC, MatchSettings.fromMacroOptions("boundary=reflect").boundary());
		assertEquals(Boundary.FILL, MatchSettings.fromMacroOptions("boundary=constant").boundary());
		assertTrue(Double.isNaN(MatchSettings.fromMacroOptions("threshold=none").threshold()));
		assertTrue(Double.isNaN(MatchSettings.fromMacroOptions("min_distance=auto").minDistance()));
		assertNull(MatchSettings.fromMacroOptions("template=<selection>").templateTitle());
		assertNull(MatchSettings.fromMacroOptions("anchor=center").anchor());
		assertEquals(3, MatchSettings.fromMacroOptions("matches=3.0").matches());
		// a flag inside a bracketed title is not a flag
		final MatchSettings s = MatchSettings.fromMacroOptions("image=[cells subpixel score_map]");
		assertEquals("cells subpixel score_map", s.imageTitle());
		assertFalse(s.subpixel() || s.scoreMap());
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
