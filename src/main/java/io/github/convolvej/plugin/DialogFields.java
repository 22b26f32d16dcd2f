package io.github.convolvej.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

import ij.WindowManager;
import ij.gui.GenericDialog;
import io.github.convolvej.ij.MacroKey;
import io.github.convolvej.ij.MacroOptions;
import io.github.convolvej.ij.MacroValues;

/**
 * A command's dialog fields from its list of macro keys: added in the list's
 * order (so the Recorder writes the keys in that order) and read back through
 * the keys' own parsing, so a dialog and a macro set the same settings.
 */
final class DialogFields {

	private DialogFields() {}

	/**
	 * Adds a field for every key, showing {@code values}.
	 *
	 * @param units put in place of {@code {units}} in labels
	 */
	static void add(final GenericDialog gd, final List< MacroKey< ? > > keys, final MacroValues values, final String units) {
		for (final MacroKey< ? > k : keys) {
			final String label = k.label().replace("{units}", units);
			final String shown = k.shown(values);
			switch (k.field()) {
				case TEXT:
					gd.addStringField(label, shown, k.columns());
					break;
				case CHOICE:
					gd.addChoice(label, items(k.choices()), shown);
					break;
				case NUMBER:
					final double v = MacroOptions.parseNumber(k.name(), shown);
					gd.addNumericField(label, v, v == Math.rint(v) ? 0 : 4);
					break;
				default:
					gd.addCheckbox(label, shown != null);
			}
		}
	}

	/** A choice's items, {@link MacroKey#OPEN_IMAGES} replaced with the titles of the open images. */
	private static String[] items(final String[] choices) {
		final List< String > items = new ArrayList<>();
		for (final String c : choices)
			if (c.equals(MacroKey.OPEN_IMAGES))
				items.addAll(Arrays.asList(WindowManager.getImageTitles()));
			else
				items.add(c);
		return items.toArray(new String[0]);
	}

	/**
	 * Gives each field's text to {@code parse} with its key, read in the order
	 * the fields were added (a checkbox's text: null when off).
	 *
	 * @throws IllegalArgumentException for a number field that holds no number
	 */
	static void read(final GenericDialog gd, final List< MacroKey< ? > > keys, final BiConsumer< MacroKey< ? >, String > parse) {
		for (final MacroKey< ? > k : keys) {
			switch (k.field()) {
				case TEXT:
					parse.accept(k, gd.getNextString());
					break;
				case CHOICE:
					parse.accept(k, gd.getNextChoice());
					break;
				case NUMBER:
					final double v = gd.getNextNumber();
					if (gd.invalidNumber())
						throw new IllegalArgumentException("The " + k.name() + " field is not a number. Give a plain number, e.g. 0 or -1.5.");
					parse.accept(k, MacroOptions.format(v));
					break;
				default:
					parse.accept(k, gd.getNextBoolean() ? "" : null);
			}
		}
	}
}
