package io.github.convolvej.command;

/**
 * Reads a command's parameter by its name, which is its macro key: the
 * commands hand their parameters to the settings' list of keys this way
 * (their tests pin the parameters to the keys).
 */
final class Parameters {

	private Parameters() {}

	/** The value of the field named {@code key} of {@code command}'s class or one it extends. */
	static Object named(final Object command, final String key) {
		for (Class< ? > c = command.getClass(); c != null; c = c.getSuperclass())
			try {
				final java.lang.reflect.Field field = c.getDeclaredField(key);
				field.setAccessible(true);
				return field.get(command);
			} catch (final NoSuchFieldException e) {
				// declared further up
			} catch (final IllegalAccessException e) {
				throw new IllegalStateException("The parameter " + key + " cannot be read.", e);
			}
		throw new IllegalStateException("No parameter for the macro key " + key);
	}
}
