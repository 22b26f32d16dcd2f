package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * One macro key of a command, declared once: its name, its default, how its
 * text is read ({@link #parse}), how a value is recorded, and the dialog
 * field that shows it. A command's list of keys drives parsing, recording,
 * the accepted key names, equality (two settings are equal when they record
 * the same text), its dialog (the fields in the list's order, each read back
 * through the same parse) and the SciJava parameters (named as the keys).
 * <p>
 * A dialog field's label is the key's name capitalised, perhaps with words
 * after it: ImageJ records a field under its label's first word in lower case.
 *
 * @param <T> the value's type
 */
public final class MacroKey< T > {

	/** How a key shows in a dialog: a text field, a choice, a number, a checkbox. */
	public enum Field {
		TEXT, CHOICE, NUMBER, CHECKBOX
	}

	/** An item of a choice that the dialog replaces with the titles of the open images. */
	public static final String OPEN_IMAGES = "<open images>";

	private final String name;
	private final T defaultValue;
	private final Function< String, T > parse;
	private final Function< T, String > record;
	private final boolean omittedWhenDefault;
	private final MacroKey< ? > recordedOnlyWith;
	private final Consumer< T > check;
	private final String label;
	private final Field field;
	private final Function< T, String > shown;
	private final String[] choices;
	private final int columns;

	private MacroKey(final String name, final T defaultValue, final Function< String, T > parse, final Function< T, String > record, final boolean omittedWhenDefault, final MacroKey< ? > recordedOnlyWith,
			final Consumer< T > check, final String label, final Field field, final Function< T, String > shown, final String[] choices, final int columns) {
		this.name = name;
		this.defaultValue = defaultValue;
		this.parse = parse;
		this.record = record;
		this.omittedWhenDefault = omittedWhenDefault;
		this.recordedOnlyWith = recordedOnlyWith;
		this.check = check;
		this.label = label;
		this.field = field;
		this.shown = shown;
		this.choices = choices;
		this.columns = columns;
	}

	/**
	 * A key with a value ({@code name=text}), shown in a text field.
	 *
	 * @param parse the value of a given text; throws IllegalArgumentException saying what is accepted
	 * @param record the text to record (quoted where it holds spaces), or null to leave the key out
	 */
	static < T > MacroKey< T > value(final String name, final T defaultValue, final Function< String, T > parse, final Function< T, String > record) {
		return new MacroKey<>(name, defaultValue, parse, record, false, null, v -> {}, capitalised(name), Field.TEXT, v -> Objects.toString(record.apply(v), ""), null, 12);
	}

	/** A number, in a number field. */
	static MacroKey< Double > number(final String name, final double defaultValue) {
		return value(name, defaultValue, text -> MacroOptions.parseNumber(name, text), MacroOptions::format).as(Field.NUMBER, null);
	}

	/** One of an option's values, in a choice of all their labels. */
	static < E extends Enum< E > & Labelled > MacroKey< E > choice(final String name, final E defaultValue, final Function< String, E > parse) {
		return choice(name, defaultValue, parse, Labels.of(defaultValue.getDeclaringClass().getEnumConstants()));
	}

	/** One of an option's values, in a choice of {@code labels} (those this command offers). */
	static < E extends Labelled > MacroKey< E > choice(final String name, final E defaultValue, final Function< String, E > parse, final String[] labels) {
		return choice(name, defaultValue, parse, Labelled::label, labels);
	}

	/** One of a set of labels, in a choice. */
	static < E > MacroKey< E > choice(final String name, final E defaultValue, final Function< String, E > parse, final Function< E, String > label, final String[] labels) {
		return value(name, defaultValue, parse, v -> MacroOptions.quote(label.apply(v))).shown(label).as(Field.CHOICE, labels);
	}

	/**
	 * The title of an open image, in a choice of the open images; null (not
	 * recorded) when blank or {@code none}, which the choice offers first
	 * unless it is null.
	 */
	static MacroKey< String > title(final String name, final String none) {
		final Function< String, String > parse = text -> text.trim().isEmpty() || text.trim().equalsIgnoreCase(none) ? null : text;
		return value(name, null, parse, t -> t == null ? null : MacroOptions.quote(t)).shown(t -> t == null ? none : t)
				.as(Field.CHOICE, none == null ? new String[] { OPEN_IMAGES } : new String[] { none, OPEN_IMAGES });
	}

	/** Free text; null (not recorded) when blank. */
	static MacroKey< String > text(final String name) {
		return value(name, null, text -> text.trim().isEmpty() ? null : text, t -> t == null ? null : MacroOptions.quote(t)).shown(t -> t == null ? "" : t);
	}

	/** A key without a value, on when present ({@code name}); a checkbox in a dialog. */
	static MacroKey< Boolean > flag(final String name) {
		return new MacroKey<>(name, false, text -> text != null, on -> on ? "" : null, false, null, on -> {}, capitalised(name), Field.CHECKBOX, on -> on ? "" : null, null, 0);
	}

	/** This key with its dialog field labelled {@code label} (which must start with the key's name). */
	MacroKey< T > labelled(final String fieldLabel) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, recordedOnlyWith, check, fieldLabel, field, shown, choices, columns);
	}

	/** This key with its dialog field showing {@code shownText} of a value. */
	MacroKey< T > shown(final Function< T, String > shownText) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, recordedOnlyWith, check, label, field, shownText, choices, columns);
	}

	/** This key with a text field {@code n} columns wide. */
	MacroKey< T > columns(final int n) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, recordedOnlyWith, check, label, field, shown, choices, n);
	}

	/** This key, left out of the record when it holds its default, so macros that do not use it record as before. */
	MacroKey< T > omittedWhenDefault() {
		return new MacroKey<>(name, defaultValue, parse, record, true, recordedOnlyWith, check, label, field, shown, choices, columns);
	}

	/** This key, recorded only when {@code other} is. */
	MacroKey< T > recordedOnlyWith(final MacroKey< ? > other) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, other, check, label, field, shown, choices, columns);
	}

	/**
	 * This key with its values checked by {@code core}: the core option's
	 * setter, so that what a value may be is said in one place; its message
	 * comes prefixed with the key and the value ({@code max_overlap=1.5: ...}).
	 */
	MacroKey< T > checkedBy(final Consumer< T > core) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, recordedOnlyWith, core, label, field, shown, choices, columns);
	}

	/** This key in a number field (its recorded text must be a number). */
	MacroKey< T > inNumberField() {
		return as(Field.NUMBER, null);
	}

	private MacroKey< T > as(final Field f, final String[] items) {
		return new MacroKey<>(name, defaultValue, parse, record, omittedWhenDefault, recordedOnlyWith, check, label, f, shown, items, columns);
	}

	public String name() {
		return name;
	}

	public T defaultValue() {
		return defaultValue;
	}

	/** The value of a macro's or a field's text; for a flag, on when the text is not null. */
	public T parse(final String text) {
		return parse.apply(text);
	}

	/** @throws IllegalArgumentException when the core refuses {@code value}, naming the key */
	void check(final T value) {
		try {
			check.accept(value);
		} catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(name + "=" + shown.apply(value) + ": " + e.getMessage(), e);
		}
	}

	public boolean isFlag() {
		return field == Field.CHECKBOX;
	}

	/** The text to record for {@code values}, or null to leave the key out. */
	String recorded(final MacroValues values) {
		final T v = values.get(this);
		if (omittedWhenDefault && Objects.deepEquals(v, defaultValue) || recordedOnlyWith != null && recordedOnlyWith.recorded(values) == null)
			return null;
		return record.apply(v);
	}

	/** The field's label. */
	public String label() {
		return label;
	}

	public Field field() {
		return field;
	}

	/** The field's text for {@code values}; for a checkbox, non-null when on. */
	public String shown(final MacroValues values) {
		return shown.apply(values.get(this));
	}

	/** A choice's items; {@link #OPEN_IMAGES} stands for the titles of the open images. */
	public String[] choices() {
		return choices == null ? null : choices.clone();
	}

	public int columns() {
		return columns;
	}

	/** The keys named, in that order (a dialog's order where it differs from the recorded one). */
	static List< MacroKey< ? > > inOrder(final List< MacroKey< ? > > keys, final String... names) {
		final List< MacroKey< ? > > ordered = new ArrayList<>();
		for (final String n : names)
			for (final MacroKey< ? > k : keys)
				if (k.name.equals(n))
					ordered.add(k);
		if (ordered.size() != keys.size())
			throw new IllegalArgumentException("The order names " + ordered.size() + " of " + keys.size() + " keys.");
		return List.copyOf(ordered);
	}

	/** The names of {@code keys}, in order. */
	static List< String > names(final List< MacroKey< ? > > keys) {
		final List< String > names = new ArrayList<>();
		for (final MacroKey< ? > k : keys)
			names.add(k.name);
		return List.copyOf(names);
	}

	private static String capitalised(final String name) {
		return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
	}
}
