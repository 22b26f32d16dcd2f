package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ij.ImagePlus;

/**
 * The values of a command's macro keys, each its default until given.
 * Immutable; two are equal when they record the same options text.
 */
public final class MacroValues {

	private final List< MacroKey< ? > > keys;
	private final Map< MacroKey< ? >, Object > given;

	private MacroValues(final List< MacroKey< ? > > keys, final Map< MacroKey< ? >, Object > given) {
		this.keys = keys;
		this.given = Collections.unmodifiableMap(new HashMap<>(given)); // values may be null: no Map.copyOf
	}

	/** Every key at its default. */
	static Builder builder(final List< MacroKey< ? > > keys) {
		return new Builder(keys, new HashMap<>());
	}

	/** The value of {@code key}: as given, else its default. */
	@SuppressWarnings("unchecked")
	public < T > T get(final MacroKey< T > key) {
		requireKey(keys, key);
		return (T) copy(given.containsKey(key) ? given.get(key) : key.defaultValue());
	}

	/** @throws IllegalArgumentException for a key of another command */
	private static void requireKey(final List< MacroKey< ? > > keys, final MacroKey< ? > key) {
		if (!keys.contains(key))
			throw new IllegalArgumentException("The key " + key.name() + " is not one of " + MacroKey.names(keys) + ".");
	}

	/** Arrays are copied in and out, so that the values stay as they were set. */
	private static Object copy(final Object v) {
		if (v instanceof int[])
			return ((int[]) v).clone();
		return v instanceof double[] ? ((double[]) v).clone() : v;
	}

	/** Each key written in the list's order, those without a value left out. */
	public String toMacroOptions() {
		final StringBuilder sb = new StringBuilder();
		for (final MacroKey< ? > k : keys) {
			final String text = k.recorded(this);
			if (text == null)
				continue;
			sb.append(sb.length() == 0 ? "" : " ").append(k.name());
			if (!k.isFlag())
				sb.append('=').append(text);
		}
		return sb.toString();
	}

	Builder toBuilder() {
		return new Builder(keys, given);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof MacroValues && keys.equals(((MacroValues) o).keys) && toMacroOptions().equals(((MacroValues) o).toMacroOptions());
	}

	@Override
	public int hashCode() {
		return toMacroOptions().hashCode();
	}

	@Override
	public String toString() {
		return toMacroOptions();
	}

	/** Sets values from typed values or from the texts macros hold. */
	static final class Builder {
		private final List< MacroKey< ? > > keys;
		private final Map< MacroKey< ? >, Object > given;

		private Builder(final List< MacroKey< ? > > keys, final Map< MacroKey< ? >, Object > given) {
			this.keys = keys;
			this.given = new HashMap<>(given);
		}

		< T > Builder set(final MacroKey< T > key, final T value) {
			requireKey(keys, key);
			key.check(value);
			given.put(key, copy(value));
			return this;
		}

		/**
		 * Sets {@code key} from its text: a field's or a macro's value, or for
		 * a flag null when off; a value key's null text leaves it as it is.
		 */
		Builder parse(final MacroKey< ? > key, final String text) {
			return text == null && !key.isFlag() ? this : setParsed(key, text);
		}

		private < T > Builder setParsed(final MacroKey< T > key, final String text) {
			return set(key, key.parse(text));
		}

		/** Sets every key given in {@code options}; keys not given keep their values. */
		Builder parseAll(final String options) {
			final String o = options == null ? "" : options;
			for (final MacroKey< ? > k : keys)
				parse(k, k.isFlag() ? (MacroOptions.flag(o, k.name()) ? "" : null) : MacroOptions.value(o, k.name()));
			return this;
		}

		/**
		 * Sets every key from typed inputs named as the keys (a SciJava
		 * command's parameters), each read as the macro text it stands for: an
		 * image is its title, several images {@code [a,b]}, a number as a macro
		 * writes it; null leaves the key out, a flag is on when true.
		 */
		Builder parseInputs(final Function< String, Object > input) {
			for (final MacroKey< ? > k : keys) {
				final Object v = input.apply(k.name());
				parse(k, k.isFlag() ? (Boolean.TRUE.equals(v) ? "" : null) : inputText(v));
			}
			return this;
		}

		MacroValues build() {
			return new MacroValues(keys, given);
		}
	}

	private static String inputText(final Object v) {
		if (v == null)
			return null;
		if (v instanceof ImagePlus)
			return ((ImagePlus) v).getTitle();
		if (v instanceof ImagePlus[]) {
			final List< String > titles = new ArrayList<>();
			for (final ImagePlus imp : (ImagePlus[]) v)
				titles.add(imp.getTitle());
			return "[" + String.join(",", titles) + "]";
		}
		return v instanceof Double ? MacroOptions.format((Double) v) : v.toString();
	}
}
