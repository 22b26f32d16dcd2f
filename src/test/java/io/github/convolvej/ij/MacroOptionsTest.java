package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacroOptionsTest {

	@Test
	void valuesAsImageJReadsThem() {
		assertEquals("same", MacroOptions.value("mode=same", "mode"));
		assertEquals("0 1 0; 1 -4 1", MacroOptions.value("kernel=[0 1 0; 1 -4 1] mode=full", "kernel"));
		assertEquals("[1,2],[3,4]", MacroOptions.value("kernel=[[1,2],[3,4]]", "kernel"));
		assertEquals("a b", MacroOptions.value("title='a b' x=1", "title"));
		assertNull(MacroOptions.value("mode=same", "boundary"));
		assertNull(MacroOptions.value(null, "mode"));
		// a key inside another word is not the key
		assertNull(MacroOptions.value("supermode=x", "mode"));
	}

	@Test
	void keysInsideABracketedValueBelongToIt() {
		assertEquals("1 2 mode=valid", MacroOptions.value("kernel=[1 2 mode=valid]", "kernel"));
		assertNull(MacroOptions.value("kernel=[1 2 mode=valid]", "mode"));
		final IllegalArgumentException unclosed = assertThrows(IllegalArgumentException.class, () -> MacroOptions.value("kernel=[1 2 mode=valid", "mode"));
		assertTrue(unclosed.getMessage().contains("never closed"), unclosed.getMessage());
	}

	@Test
	void unknownAndRepeatedKeysAreNamed() {
		final java.util.List< String > keys = java.util.List.of("kernel", "mode", "normalize");
		assertEquals(java.util.List.of(), MacroOptions.keyProblems("kernel=[1 2] mode=full normalize", keys));
		final java.util.List< String > typo = MacroOptions.keyProblems("kernel=laplace modee=full", keys);
		assertEquals(1, typo.size());
		assertTrue(typo.get(0).contains("'modee'") && typo.get(0).contains("did you mean 'mode'") && typo.get(0).contains("kernel, mode, normalize"), typo.get(0));
		final java.util.List< String > twice = MacroOptions.keyProblems("mode=full kernel=laplace mode=valid", keys);
		assertEquals(1, twice.size());
		assertTrue(twice.get(0).contains("'mode' is given more than once") && twice.get(0).contains("mode=full"), twice.get(0));
		// a bracket too many is named as such, not as a key
		final java.util.List< String > stray = MacroOptions.keyProblems("kernel=[1 2 1]] mode=full", keys);
		assertEquals(java.util.List.of("A stray ']' follows the options before it: brackets pair up, as in kernel=[1 2; 3 4] or kernel=[gaussian(2)]."), stray);
		// every key the commands write is one they accept
		assertEquals(java.util.List.of(), FilterSettings.keyProblems(FilterSettings.builder(io.github.convolvej.core.Operation.CONVOLVE).parse(FilterSettings.KERNEL, "laplace").set(FilterSettings.NORMALIZE, true).build().toMacroOptions()));
		assertEquals(java.util.List.of(), MatchSettings.keyProblems(MatchSettings.builder().set(MatchSettings.SUBPIXEL, true).set(MatchSettings.SCORE_MAP, true).build().toMacroOptions()));
	}

	@Test
	void flagsStandAloneOutsideValues() {
		assertTrue(MacroOptions.flag("subpixel", "subpixel"));
		assertTrue(MacroOptions.flag("a=1 subpixel b=2", "subpixel"));
		assertFalse(MacroOptions.flag("a=[x subpixel y]", "subpixel"));
		assertFalse(MacroOptions.flag("a='x subpixel'", "subpixel"));
		assertFalse(MacroOptions.flag("subpixels", "subpixel"));
		assertFalse(MacroOptions.flag("subpixel=false", "subpixel"));
		assertFalse(MacroOptions.flag(null, "subpixel"));
	}

	@Test
	void quotedTextReadsBack() {
		for (final String text : new String[] { "plain", "with space", "a=b", "[[1,2],[3,4]]", "", "it's" }) {
			final String options = "x=" + MacroOptions.quote(text) + " y=1";
			assertEquals(text, MacroOptions.value(options, "x"), options);
			assertEquals("1", MacroOptions.value(options, "y"), options);
		}
	}

	@Test
	void numbersReadBackExactly() {
		for (final double v : new double[] { 0, -1, 0.1, 1e-300, 123456789.125, -2.5e20, Double.NaN, Double.POSITIVE_INFINITY }) {
			final String options = "value=" + MacroOptions.format(v);
			assertEquals(v, MacroOptions.number(options, "value", 7), options);
		}
		assertEquals(7, MacroOptions.number("other=1", "value", 7));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacroOptions.number("value=1,5", "value", 0));
		assertTrue(e.getMessage().contains("value='1,5'"), e.getMessage());
	}
}
