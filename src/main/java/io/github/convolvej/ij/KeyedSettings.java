package io.github.convolvej.ij;

/**
 * A command's settings: the values of its macro keys. Immutable.
 */
public abstract class KeyedSettings {

	final MacroValues values;

	KeyedSettings(final MacroValues values) {
		this.values = values;
	}

	/** The value of one of the command's keys. */
	public < T > T get(final MacroKey< T > key) {
		return values.get(key);
	}

	/** The values of all keys, as a dialog shows them. */
	public MacroValues values() {
		return values;
	}

	/**
	 * Options that the command's {@code fromMacroOptions} parses back to equal
	 * settings: every key written in the order of its list (those left out
	 * hold their defaults), values with spaces in brackets.
	 */
	public String toMacroOptions() {
		return values.toMacroOptions();
	}
}
