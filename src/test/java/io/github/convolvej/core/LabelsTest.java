package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.match.Flip;
import io.github.convolvej.core.match.MatchMethod;

/**
 * Every option reads its names back the same way: each label, in any case
 * and with stray spaces, gives its constant; a text no constant answers to
 * fails with a message that quotes it.
 */
class LabelsTest {

	@Test
	void everyLabelReadsBackInAnyCaseAndSpacing() {
		for (final Algorithm a : Algorithm.values())
			assertSame(a, Algorithm.fromLabel("  " + a.label().toUpperCase(Locale.ROOT) + " "));
		for (final OutputMode m : OutputMode.values())
			assertSame(m, OutputMode.fromLabel(m.label().toUpperCase(Locale.ROOT)));
		for (final MissingData m : MissingData.values())
			assertSame(m, MissingData.fromLabel(m.label().toLowerCase(Locale.ROOT)));
		for (final Precision p : Precision.values())
			assertSame(p, Precision.fromLabel(" " + p.label()));
		for (final Boundary b : Boundary.values())
			assertSame(b, Boundary.fromLabel(b.name()));
		for (final Flip f : Flip.values())
			assertSame(f, Flip.fromLabel(f.label().toUpperCase(Locale.ROOT)));
		for (final MatchMethod m : MatchMethod.values())
			assertSame(m, MatchMethod.fromLabel(m.label().replace(" ", "   ")));
		for (final io.github.convolvej.ij.ComplexOutput c : io.github.convolvej.ij.ComplexOutput.values())
			assertSame(c, io.github.convolvej.ij.ComplexOutput.fromLabel(c.label().toUpperCase(Locale.ROOT)));
		for (final io.github.convolvej.ij.StoreFormat f : io.github.convolvej.ij.StoreFormat.values())
			assertSame(f, io.github.convolvej.ij.StoreFormat.fromLabel(" " + f.label().toLowerCase(Locale.ROOT)));
		for (final io.github.convolvej.ij.OutputType o : io.github.convolvej.ij.OutputType.values())
			assertSame(o, io.github.convolvej.ij.OutputType.fromLabel(o.label().replace(" ", "  ")));
	}

	/** The labels are the contract's words (SPEC's macro keys), whether written out or made from the constant's name. */
	@Test
	void labelsAreTheOnesMacrosWrite() {
		assertArrayEquals(new String[] { "Auto", "Direct", "Separable", "FFT" }, Labels.of(Algorithm.values()));
		assertArrayEquals(new String[] { "full", "same", "valid" }, Labels.of(OutputMode.values()));
		assertArrayEquals(new String[] { "symm", "mirror", "nearest", "wrap", "fill" }, Labels.of(Boundary.values()));
		assertArrayEquals(new String[] { "Propagate", "Interpolate", "Fill" }, Labels.of(MissingData.values()));
		assertArrayEquals(new String[] { "float", "double" }, Labels.of(Precision.values()));
		assertArrayEquals(new String[] { "None", "Horizontal", "Vertical", "Both" }, Labels.of(Flip.values()));
		assertArrayEquals(new String[] { "Magnitude", "Real", "Imaginary", "Phase", "All" }, Labels.of(io.github.convolvej.ij.ComplexOutput.values()));
		assertArrayEquals(new String[] { "32-bit", "Same as input" }, Labels.of(io.github.convolvej.ij.OutputType.values()));
		assertArrayEquals(new String[] { "TIFF planes", "Zarr" }, Labels.of(io.github.convolvej.ij.StoreFormat.values()));
		assertEquals(List.of("Normalized correlation coefficient", "TM_CCOEFF_NORMED", "ccoeff_normed"), MatchMethod.CCOEFF_NORMED.names());
		assertEquals(List.of("Square difference", "TM_SQDIFF", "sqdiff"), MatchMethod.SQDIFF.names());
	}

	@Test
	void otherNamesAndUnknownTexts() {
		assertSame(Boundary.SYMMETRIC, Boundary.fromLabel("Reflect"));
		assertSame(MatchMethod.CCOEFF_NORMED, MatchMethod.fromLabel("tm_ccoeff_normed"));
		assertSame(MatchMethod.SQDIFF, MatchMethod.fromLabel("sqdiff"));
		assertSame(io.github.convolvej.ij.OutputType.FLOAT, io.github.convolvej.ij.OutputType.fromLabel("32"));
		assertSame(io.github.convolvej.ij.OutputType.SAME_AS_INPUT, io.github.convolvej.ij.OutputType.fromLabel("same"));
		assertSame(io.github.convolvej.ij.StoreFormat.TIFF_PLANES, io.github.convolvej.ij.StoreFormat.fromLabel("TIF"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> io.github.convolvej.ij.StoreFormat.fromLabel("n5")).getMessage().startsWith("Unknown output_format 'n5'"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithm.fromLabel("fastest"));
		assertEquals("Unknown algorithm 'fastest'. Use Auto, Direct, Separable or FFT.", e.getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputMode.fromLabel(null)).getMessage().startsWith("Unknown mode 'null'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Flip.fromLabel("sideways")).getMessage().contains("None, Horizontal, Vertical, Both"));
	}
}
