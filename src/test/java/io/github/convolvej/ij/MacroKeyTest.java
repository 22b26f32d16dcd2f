package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Operation;
import io.github.convolvej.core.OutputMode;

/**
 * The lists of macro keys that drive parsing, recording and the dialogs: the
 * Recorder writes a dialog field under its label's first word in lower case,
 * so every label must start with its key's name, or a recorded macro would
 * hold a key the command does not read.
 */
class MacroKeyTest {

	@Test
	void everyDialogFieldRecordsUnderItsKeysName() {
		for (final List< MacroKey< ? > > keys : List.of(FilterSettings.MACRO_KEYS, MatchSettings.MACRO_KEYS))
			for (final MacroKey< ? > k : keys) {
				assertNotNull(k.label(), k.name() + " has no dialog field");
				assertEquals(k.name(), k.label().split(" ")[0].toLowerCase(Locale.ROOT), "the field of " + k.name());
			}
	}

	@Test
	void theMatchDialogShowsEveryKeyOnce() {
		assertEquals(MatchSettings.MACRO_KEYS.size(), MatchSettings.DIALOG_KEYS.size());
		assertEquals(new java.util.HashSet<>(MatchSettings.KEYS), new java.util.HashSet<>(MacroKey.names(MatchSettings.DIALOG_KEYS)));
		assertThrows(IllegalArgumentException.class, () -> MacroKey.inOrder(MatchSettings.MACRO_KEYS, "image", "template"));
	}

	@Test
	void typedInputsReadAsTheMacroTextDoes() {
		final FilterSettings fromMacro = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace mode=valid boundary=fill value=2.5 normalize precision=double");
		final FilterSettings fromInputs = FilterSettings.fromInputs(Operation.CONVOLVE, key -> {
			switch (key) {
				case "kernel":
					return "laplace";
				case "mode":
					return "valid";
				case "boundary":
					return "fill";
				case "value":
					return 2.5;
				case "normalize":
					return true;
				case "precision":
					return "double";
				case "scaled":
					return false;
				default:
					return null;
			}
		});
		assertEquals(fromMacro, fromInputs);
	}

	@Test
	void typedValuesAreCheckedByTheCoreAndTheMessageNamesTheKey() {
		final IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> MatchSettings.builder().set(MatchSettings.MAX_OVERLAP, 1.5));
		assertTrue(overlap.getMessage().startsWith("max_overlap=1.5: "), overlap.getMessage());
		final IllegalArgumentException matches = assertThrows(IllegalArgumentException.class, () -> MatchSettings.builder().set(MatchSettings.MATCHES, 0));
		assertTrue(matches.getMessage().startsWith("matches=0: ") && matches.getMessage().contains("at least 1"), matches.getMessage());
		assertThrows(IllegalArgumentException.class, () -> MatchSettings.builder().set(MatchSettings.MODE, OutputMode.FULL));
		// the same rule as the macro text's
		assertThrows(IllegalArgumentException.class, () -> MatchSettings.fromMacroOptions("max_overlap=1.5"));
	}

	@Test
	void arraysStayAsTheyWereSet() {
		final int[] anchor = { 1, 1 };
		final FilterSettings s = FilterSettings.builder(Operation.CONVOLVE).set(FilterSettings.KERNEL, "laplace").set(FilterSettings.ANCHOR, anchor).build();
		anchor[0] = 5;
		s.get(FilterSettings.ANCHOR)[1] = 7;
		assertArrayEquals(new int[] { 1, 1 }, s.get(FilterSettings.ANCHOR));
		assertEquals("kernel=laplace mode=same boundary=symm value=0 anchor=[1,1] output=32-bit complex=Magnitude algorithm=Auto", s.toMacroOptions());
	}

	@Test
	void theOutputFormatIsRecordedOnlyWithAFolder() {
		final FilterSettings inMemory = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace output_format=Zarr");
		assertEquals(StoreFormat.ZARR, inMemory.get(FilterSettings.OUTPUT_FORMAT));
		assertFalse(inMemory.toMacroOptions().contains("output_format"), inMemory.toMacroOptions());
		final FilterSettings toFolder = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace output_folder=[/data/out put] output_format=zarr");
		assertTrue(toFolder.toMacroOptions().endsWith("output_folder=[/data/out put] output_format=Zarr"), toFolder.toMacroOptions());
		assertEquals(toFolder, FilterSettings.fromMacroOptions(Operation.CONVOLVE, toFolder.toMacroOptions()));
		assertTrue(FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace output_folder=out").toMacroOptions().endsWith("output_folder=out output_format=[TIFF planes]"));
	}

	@Test
	void aKeyOfAnotherCommandIsRefused() {
		final FilterSettings s = FilterSettings.fromMacroOptions(Operation.CONVOLVE, "kernel=laplace");
		assertThrows(IllegalArgumentException.class, () -> s.get(MatchSettings.MODE));
		assertThrows(IllegalArgumentException.class, () -> FilterSettings.builder(Operation.CONVOLVE).set(MatchSettings.SUBPIXEL, true));
	}
}
