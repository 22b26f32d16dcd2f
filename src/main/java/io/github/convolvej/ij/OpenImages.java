package io.github.convolvej.ij;

import java.util.function.Function;

import ij.ImagePlus;

/** Images that settings name by title, looked up the same way by every command. */
final class OpenImages {

	private OpenImages() {}

	/**
	 * The image titled {@code title}, looked up with {@code imagesByTitle}
	 * (e.g. {@code WindowManager::getImage}).
	 *
	 * @param missing the message when there is no such image (or no lookup)
	 * @throws IllegalArgumentException with that message
	 */
	static ImagePlus titled(final Function< String, ImagePlus > imagesByTitle, final String title, final String missing) {
		final ImagePlus imp = imagesByTitle == null ? null : imagesByTitle.apply(title);
		if (imp == null)
			throw new IllegalArgumentException(missing);
		return imp;
	}
}
