package io.github.convolvej.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.Operation;

/**
 * The lists of macro keys that drive parsing, recording and the dialogs: the
 * Recorder writes a dialog field under its label's first word in lower case,
 * so every label must start with its key's name, or a recorded macro would
 * hold a key the command does not read.
 */
class MacroKeyTest {

	@Test
	void everyDialogFieldRecordsUnderItsKeysName() {
		for (final List< ? extends MacroKey< ?, ? > > keys : List.of(FilterSettings.MACRO_KEYS, MatchSettings.MACRO_KEYS))
			for (final MacroKey< ?, ? > k : keys) {
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
}
