package io.github.convolvej.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import ij.ImagePlus;

/**
 * The sample photographs bundled in the jar under {@code samples/} (provenance
 * in {@code samples/README.md}). They open from the class path, so they work
 * from the plugin jar in ImageJ, from the command line and with no display.
 */
public final class SampleImages {

	/** Names of the bundled samples: the file names without {@code .png}. */
	public static final List< String > NAMES = Collections.unmodifiableList(Arrays.asList(
			"cameraman", "ascent", "astronaut", "raccoon-face", "raccoon-face-gray"));

	private SampleImages() {}

	/**
	 * Opens a bundled sample as a new image titled with its name: 8-bit for the
	 * gray ones, RGB for the colour ones.
	 *
	 * @param name one of {@link #NAMES}, case-insensitive, with or without {@code .png}
	 * @throws IllegalArgumentException for an unknown name
	 * @throws IOException if the resource cannot be read
	 */
	public static ImagePlus open(final String name) throws IOException {
		final String key = canonicalName(name);
		final String resource = "/samples/" + key + ".png";
		try (InputStream in = SampleImages.class.getResourceAsStream(resource)) {
			if (in == null)
				throw new IOException("The sample '" + key + "' is missing from the jar (" + resource + ").");
			final BufferedImage image = ImageIO.read(in);
			if (image == null)
				throw new IOException("The sample '" + key + "' is not a readable PNG.");
			return new ImagePlus(key, image);
		}
	}

	/**
	 * The sample name as listed in {@link #NAMES}.
	 *
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	public static String canonicalName(final String name) {
		String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (key.endsWith(".png"))
			key = key.substring(0, key.length() - 4);
		if (!NAMES.contains(key))
			throw new IllegalArgumentException("Unknown sample '" + name + "'. Samples: " + String.join(", ", NAMES) + ".");
		return key;
	}
}
