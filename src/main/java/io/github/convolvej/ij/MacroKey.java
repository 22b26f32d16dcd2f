package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One macro key of a command, declared once: its name, how its text sets a
 * builder, and how settings write it back. A command's list of keys drives
 * parsing ({@link #readAll}), recording ({@link #writeAll}), the accepted
 * key names ({@link #names}) and equality (two settings are equal when they
 * record the same text).
 *
 * @param <S> the settings
 * @param <B> their builder
 */
final class MacroKey< S, B > {

	private final String name;
	private final boolean flag;
	private final BiConsumer< B, String > read;
	private final Function< S, String > write;

	private MacroKey(final String name, final boolean flag, final BiConsumer< B, String > read, final Function< S, String > write) {
		this.name = name;
		this.flag = flag;
		this.read = read;
		this.write = write;
	}

	/**
	 * A key with a value ({@code name=text}).
	 *
	 * @param read sets the builder from the text, when the key is given
	 * @param write the text to record (quoted where it holds spaces), or null to leave the key out
	 */
	static < S, B > MacroKey< S, B > value(final String name, final BiConsumer< B, String > read, final Function< S, String > write) {
		return new MacroKey<>(name, false, read, write);
	}

	/** A key without a value, on when present ({@code name}). */
	static < S, B > MacroKey< S, B > flag(final String name, final BiConsumer< B, Boolean > read, final Predicate< S > write) {
		return new MacroKey<>(name, true, (b, text) -> read.accept(b, text != null), s -> write.test(s) ? "" : null);
	}

	String name() {
		return name;
	}

	/** Sets {@code builder} from every key given in {@code options}; keys not given keep the builder's defaults. */
	static < S, B > void readAll(final List< MacroKey< S, B > > keys, final String options, final B builder) {
		final String o = options == null ? "" : options;
		for (final MacroKey< S, B > k : keys)
			if (k.flag)
				k.read.accept(builder, MacroOptions.flag(o, k.name) ? "" : null);
			else {
				final String text = MacroOptions.value(o, k.name);
				if (text != null)
					k.read.accept(builder, text);
			}
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

	/** The names of {@code keys}, in order. */
	static < S, B > List< String > names(final List< MacroKey< S, B > > keys) {
		final List< String > names = new ArrayList<>();
		for (final MacroKey< S, B > k : keys)
			names.add(k.name);
		return List.copyOf(names);
	}
}
