package io.github.convolvej.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.WindowManager;
import ij.gui.GenericDialog;
import io.github.convolvej.ij.MacroKey;
import io.github.convolvej.ij.MacroOptions;

/**
 * A command's dialog fields from its list of macro keys: added in the list's
 * order (so the Recorder writes the keys in that order) and read back through
 * the keys' own parsing, so a dialog and a macro set the same settings.
 */
final class DialogFields {

	private DialogFields() {}

	/**
	 * Adds a field for every key that has one, showing {@code settings}.
	 *
	 * @param units put in place of {@code {units}} in labels
	 */
	static < S, B > void add(final GenericDialog gd, final List< MacroKey< S, B > > keys, final S settings, final String units) {
		for (final MacroKey< S, B > k : keys) {
			if (k.label() == null)
				continue;
			final String label = k.label().replace("{units}", units);
			final String shown = k.shown(settings);
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
	 * Sets {@code builder} from the fields, read in the order they were added.
	 *
	 * @throws IllegalArgumentException for a number field that holds no number
	 */
	static < S, B > void read(final GenericDialog gd, final List< MacroKey< S, B > > keys, final B builder) {
		for (final MacroKey< S, B > k : keys) {
			if (k.label() == null)
				continue;
			switch (k.field()) {
				case TEXT:
					k.read(builder, gd.getNextString());
					break;
				case CHOICE:
					k.read(builder, gd.getNextChoice());
					break;
				case NUMBER:
					final double v = gd.getNextNumber();
					if (gd.invalidNumber())
						throw new IllegalArgumentException("The " + k.name() + " field is not a number. Give a plain number, e.g. 0 or -1.5.");
					k.read(builder, MacroOptions.format(v));
					break;
				default:
					k.read(builder, gd.getNextBoolean() ? "" : null);
			}
		}
	}
}
