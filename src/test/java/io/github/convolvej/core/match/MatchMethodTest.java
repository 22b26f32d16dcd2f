package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Labels;

class MatchMethodTest {

	@Test
	void labelsAreSpecs() {
		assertArrayEquals(new String[] { "Square difference", "Normalized square difference", "Cross correlation", "Normalized cross correlation", "Correlation coefficient", "Normalized correlation coefficient" }, Labels.of(MatchMethod.values()));
		assertEquals(MatchMethod.CCOEFF_NORMED, MatchMethod.DEFAULT);
		assertEquals(MatchMethod.DEFAULT, new MatchOptions().method());
	}

	@Test
	void everyNameParsesIgnoringCase() {
		for (final MatchMethod m : MatchMethod.values()) {
			assertEquals(m, MatchMethod.fromLabel(m.label()));
			assertEquals(m, MatchMethod.fromLabel(m.label().toUpperCase()));
			assertEquals(m, MatchMethod.fromLabel("  " + m.label().toLowerCase() + " "));
			assertEquals(m, MatchMethod.fromLabel(m.openCvName()));
			assertEquals(m, MatchMethod.fromLabel(m.openCvName().toLowerCase()));
			assertEquals(m, MatchMethod.fromLabel(m.shortName()));
			assertEquals(m, MatchMethod.fromLabel(m.shortName().toUpperCase()));
		}
		assertEquals(MatchMethod.SQDIFF_NORMED, MatchMethod.fromLabel("TM_SQDIFF_NORMED"));
		assertEquals(MatchMethod.CCOEFF, MatchMethod.fromLabel("correlation   coefficient"));
	}

	@Test
	void unknownNamesListTheValidOnes() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatchMethod.fromLabel("zncc"));
		assertTrue(e.getMessage().contains("'zncc'"), e.getMessage());
		for (final MatchMethod m : MatchMethod.values())
			assertTrue(e.getMessage().contains(m.label()) && e.getMessage().contains(m.openCvName()) && e.getMessage().contains(m.shortName()), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MatchMethod.fromLabel(null));
		assertThrows(IllegalArgumentException.class, () -> MatchMethod.fromLabel(""));
	}

	@Test
	void onlySquareDifferencesAreBestWhenLowest() {
		assertTrue(MatchMethod.SQDIFF.lowerIsBetter());
		assertTrue(MatchMethod.SQDIFF_NORMED.lowerIsBetter());
		for (final MatchMethod m : new MatchMethod[] { MatchMethod.CCORR, MatchMethod.CCORR_NORMED, MatchMethod.CCOEFF, MatchMethod.CCOEFF_NORMED })
			assertFalse(m.lowerIsBetter());
		assertTrue(MatchMethod.CCORR_NORMED.isNormalized());
		assertFalse(MatchMethod.CCOEFF.isNormalized());
	}
}
