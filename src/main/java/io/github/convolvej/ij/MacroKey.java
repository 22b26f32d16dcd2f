package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

import ij.ImagePlus;

/**
 * One macro key of a command, declared once: its name, how its text sets a
 * builder, how settings write it back, and the dialog field that shows it. A
 * command's list of keys drives parsing ({@link #readAll}), recording
 * ({@link #writeAll}), the accepted key names ({@link #names}), equality (two
 * settings are equal when they record the same text) and its dialog (the
 * fields in the list's order, each read back through the same parse).
 *
 * @param <S> the settings
 * @param <B> their builder
 */
public final class MacroKey< S, B > {

	/** How a key shows in a dialog: a text field, a choice, a number, a checkbox. */
	public enum Field {
		TEXT, CHOICE, NUMBER, CHECKBOX
	}

	/** An item of a choice that the dialog replaces with the titles of the open images. */
	public static final String OPEN_IMAGES = "<open images>";

	private final String name;
	private final boolean flag;
	private final BiConsumer< B, String > read;
	private final Function< S, String > write;
	private final String label;
	private final Field field;
	private final Function< S, String > shown;
	private final String[] choices;
	private final int columns;

	private MacroKey(final String name, final boolean flag, final BiConsumer< B, String > read, final Function< S, String > write, final String label, final Field field, final Function< S, String > shown, final String[] choices, final int columns) {
		this.name = name;
		this.flag = flag;
		this.read = read;
		this.write = write;
		this.label = label;
		this.field = field;
		this.shown = shown;
		this.choices = choices;
		this.columns = columns;
	}

	/**
	 * A key with a value ({@code name=text}).
	 *
	 * @param read sets the builder from the text, when the key is given
	 * @param write the text to record (quoted where it holds spaces), or null to leave the key out
	 */
	static < S, B > MacroKey< S, B > value(final String name, final BiConsumer< B, String > read, final Function< S, String > write) {
		return new MacroKey<>(name, false, read, write, null, null, null, null, 0);
	}

	/** A key without a value, on when present ({@code name}); a checkbox in a dialog ({@link #inDialog(String)}). */
	static < S, B > MacroKey< S, B > flag(final String name, final BiConsumer< B, Boolean > read, final Predicate< S > write) {
		final Function< S, String > on = s -> write.test(s) ? "" : null;
		return new MacroKey<>(name, true, (b, text) -> read.accept(b, text != null), on, null, Field.CHECKBOX, on, null, 0);
	}

	/** This flag, shown in the dialog as a checkbox labelled {@code label}. */
	MacroKey< S, B > inDialog(final String label) {
		return new MacroKey<>(name, flag, read, write, label, field, shown, choices, columns);
	}

	/** This key, shown in the dialog as a field holding the text it records. */
	MacroKey< S, B > inDialog(final String label, final Field field, final String[] choices, final int columns) {
		return inDialog(label, field, write, choices, columns);
	}

	/**
	 * This key, shown in the dialog as a field (ImageJ records a field under
	 * its label's first word, lower case: it must be the key's name).
	 *
	 * @param shown the field's text for given settings (for a number, the number)
	 * @param choices a choice's items ({@link #OPEN_IMAGES} stands for the open images' titles), else null
	 * @param columns a text field's width
	 */
	MacroKey< S, B > inDialog(final String label, final Field field, final Function< S, String > shown, final String[] choices, final int columns) {
		return new MacroKey<>(name, flag, read, write, label, field, shown, choices, columns);
	}

	public String name() {
		return name;
	}

	/** The field's label, or null when the key has no dialog field. */
	public String label() {
		return label;
	}

	public Field field() {
		return field;
	}

	/** The field's text for {@code settings}; for a checkbox, non-null when on. */
	public String shown(final S settings) {
		return shown.apply(settings);
	}

	/** A choice's items; {@link #OPEN_IMAGES} stands for the titles of the open images. */
	public String[] choices() {
		return choices;
	}

	public int columns() {
		return columns;
	}

	/** Sets {@code builder} from a dialog field's text (for a checkbox: null when off). */
	public void read(final B builder, final String text) {
		if (flag || text != null)
			read.accept(builder, text);
	}

	/** Sets {@code builder} from every key given in {@code options}; keys not given keep the builder's defaults. */
	static < S, B > void readAll(final List< MacroKey< S, B > > keys, final String options, final B builder) {
		final String o = options == null ? "" : options;
		readAll(keys, name -> MacroOptions.value(o, name), name -> MacroOptions.flag(o, name), builder);
	}

	/**
	 * Sets {@code builder} from each key's text ({@code text(name)}, null when
	 * not given) or, for a flag, whether it is on.
	 */
	static < S, B > void readAll(final List< MacroKey< S, B > > keys, final Function< String, String > text, final Predicate< String > on, final B builder) {
		for (final MacroKey< S, B > k : keys)
			k.read(builder, k.flag ? (on.test(k.name) ? "" : null) : text.apply(k.name));
	}

	/**
	 * Sets {@code builder} from typed inputs named as the keys (a SciJava
	 * command's parameters), each read as the macro text it stands for: an
	 * image is its title, several images {@code [a,b]}, a number as a macro
	 * writes it; null leaves the key out, a flag is on when true.
	 */
	static < S, B > void readInputs(final List< MacroKey< S, B > > keys, final Function< String, Object > input, final B builder) {
		readAll(keys, name -> inputText(input.apply(name)), name -> Boolean.TRUE.equals(input.apply(name)), builder);
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

	/** The options text of {@code settings}: each key written in the list's order, those without a value left out. */
	static < S, B > String writeAll(final List< MacroKey< S, B > > keys, final S settings) {
		final StringBuilder sb = new StringBuilder();
		for (final MacroKey< S, B > k : keys) {
			final String text = k.write.apply(settings);
			if (text == null)
				continue;
			sb.append(sb.length() == 0 ? "" : " ").append(k.name);
			if (!k.flag)
				sb.append('=').append(text);
		}
		return sb.toString();
	}

	/** The keys named, in that order (a dialog's order where it differs from the recorded one). */
	static < S, B > List< MacroKey< S, B > > inOrder(final List< MacroKey< S, B > > keys, final String... names) {
		final List< MacroKey< S, B > > ordered = new ArrayList<>();
		for (final String n : names)
			for (final MacroKey< S, B > k : keys)
				if (k.name.equals(n))
					ordered.add(k);
		if (ordered.size() != keys.size())
			throw new IllegalArgumentException("The order names " + ordered.size() + " of " + keys.size() + " keys.");
		return List.copyOf(ordered);
	}

	/** The names of {@code keys}, in order. */
	static < S, B > List< String > names(final List< MacroKey< S, B > > keys) {
		final List< String > names = new ArrayList<>();
		for (final MacroKey< S, B > k : keys)
			names.add(k.name);
		return List.copyOf(names);
	}
}
