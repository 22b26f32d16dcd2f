package io.github.convolvej.ij;

import java.util.function.Function;

/**
 * What a command's settings builder does with the command's macro keys: set
 * typed values, or parse the texts macros, dialogs and SciJava parameters
 * give, each checked as the key says.
 *
 * @param <B> the command's builder
 */
public abstract class SettingsBuilder< B extends SettingsBuilder< B > > {

	final MacroValues.Builder values;

	SettingsBuilder(final MacroValues.Builder values) {
		this.values = values;
	}

	/** @throws IllegalArgumentException when the core refuses the value, naming the key */
	public < T > B set(final MacroKey< T > key, final T value) {
		values.set(key, value);
		return self();
	}

	/** Sets {@code key} from a field's or a macro's text (for a flag: null when off); a null text keeps the value. */
	public B parse(final MacroKey< ? > key, final String text) {
		values.parse(key, text);
		return self();
	}

	/** Sets every key given in a macro options string; keys not given keep their values. */
	public B parseAll(final String options) {
		values.parseAll(options);
		return self();
	}

	/** Sets every key from typed inputs named as the keys (see {@link MacroValues.Builder#parseInputs}). */
	B parseInputs(final Function< String, Object > input) {
		values.parseInputs(input);
		return self();
	}

	@SuppressWarnings("unchecked")
	private B self() {
		return (B) this;
	}
}
