package io.github.convolvej.core;

/**
 * A kernel text that cannot be read; the message names the bad token, its
 * position and the accepted syntax.
 */
public class KernelSyntaxException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final int position;

	public KernelSyntaxException(final String message, final int position) {
		super(message);
		this.position = position;
	}

	/**
	 * Index (from 0) of the first character of the bad token in the text, or -1
	 * when there is no text; the message counts characters from 1.
	 */
	public int position() {
		return position;
	}
}
