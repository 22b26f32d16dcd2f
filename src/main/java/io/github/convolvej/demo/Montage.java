package io.github.convolvej.demo;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * A figure of images side by side, each with a caption below it and a title
 * above them all, drawn into one RGB image like the article's matplotlib
 * figures. Panels are scaled to one height so that a full-mode result (a few
 * pixels larger) and its source line up. Works with no display; where the JDK
 * has no fonts, the figure is drawn without text.
 */
public final class Montage {

	private static final int MARGIN = 12;
	private static final int GAP = 12;
	private static final int TITLE_SIZE = 20;
	private static final int CAPTION_SIZE = 15;
	private static final int LINE = 6;

	private final String title;
	private final int panelHeight;
	private final List< ColorProcessor > panels = new ArrayList<>();
	private final List< String > captions = new ArrayList<>();

	/**
	 * @param title the line drawn above the panels (may be empty)
	 * @param panelHeight the height every panel is scaled to, in pixels
	 */
	public Montage(final String title, final int panelHeight) {
		if (panelHeight < 1)
			throw new IllegalArgumentException("The panel height must be at least 1 pixel, not " + panelHeight + ".");
		this.title = title == null ? "" : title;
		this.panelHeight = panelHeight;
	}

	/** Adds a panel shown as it would be in ImageJ (its LUT and display range). */
	public Montage add(final ImageProcessor image, final String caption) {
		panels.add(toRgb(image));
		captions.add(caption == null ? "" : caption);
		return this;
	}

	/**
	 * Adds a gray panel whose values from {@code min} to {@code max} map to
	 * black..white, values outside clipped (matplotlib's {@code vmin}/{@code vmax}).
	 */
	public Montage add(final ImageProcessor image, final double min, final double max, final String caption) {
		return add(grayscale(image, min, max), caption);
	}

	/** Number of panels added so far. */
	public int size() {
		return panels.size();
	}

	/** Draws the figure. */
	public ColorProcessor render() {
		if (panels.isEmpty())
			throw new IllegalStateException("A figure needs at least one panel.");
		final List< ColorProcessor > scaled = new ArrayList<>();
		int width = 2 * MARGIN - GAP;
		for (final ColorProcessor panel : panels) {
			final ColorProcessor s = scaleToHeight(panel, panelHeight);
			scaled.add(s);
			width += s.getWidth() + GAP;
		}
		final boolean text = Captions.available();
		final int titleHeight = text && !title.isEmpty() ? TITLE_SIZE + 2 * LINE : 0;
		final int captionHeight = text ? CAPTION_SIZE + 2 * LINE : 0;
		final int height = MARGIN + titleHeight + panelHeight + captionHeight + MARGIN;

		final ColorProcessor figure = new ColorProcessor(width, height);
		figure.setColor(Color.WHITE);
		figure.fill();
		int x = MARGIN;
		final int top = MARGIN + titleHeight;
		for (final ColorProcessor s : scaled) {
			figure.insert(s, x, top);
			x += s.getWidth() + GAP;
		}
		if (text) {
			figure.setColor(Color.BLACK);
			figure.setAntialiasedText(true);
			if (!title.isEmpty()) {
				figure.setFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE));
				figure.drawString(title, MARGIN, MARGIN + TITLE_SIZE + LINE / 2);
			}
			figure.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, CAPTION_SIZE));
			x = MARGIN;
			for (int i = 0; i < scaled.size(); i++) {
				final int panelWidth = scaled.get(i).getWidth();
				final String caption = fit(figure, captions.get(i), panelWidth);
				final int textX = x + Math.max(0, (panelWidth - figure.getStringWidth(caption)) / 2);
				figure.drawString(caption, textX, top + panelHeight + LINE + CAPTION_SIZE + LINE / 2);
				x += panelWidth + GAP;
			}
		}
		return figure;
	}

	/** A copy of any processor as RGB, as ImageJ displays it (LUT and display range). */
	public static ColorProcessor toRgb(final ImageProcessor image) {
		if (image instanceof ColorProcessor)
			return (ColorProcessor) image.duplicate();
		if (image instanceof FloatProcessor)
			return grayscale(image, image.getMin(), image.getMax());
		return (ColorProcessor) image.convertToRGB();
	}

	/** Values {@code min..max} as black..white, outside clipped; constant black when min == max. */
	public static ColorProcessor grayscale(final ImageProcessor image, final double min, final double max) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final ColorProcessor rgb = new ColorProcessor(w, h);
		final double scale = max > min ? 255.0 / (max - min) : 0;
		for (int i = 0; i < w * h; i++) {
			final double v = image.getf(i);
			final int g = Double.isNaN(v) ? 0 : (int) Math.round(Math.max(0, Math.min(255, (v - min) * scale)));
			rgb.set(i, (g << 16) | (g << 8) | g);
		}
		return rgb;
	}

	private static ColorProcessor scaleToHeight(final ColorProcessor panel, final int height) {
		if (panel.getHeight() == height)
			return panel;
		final int width = Math.max(1, (int) Math.round(panel.getWidth() * (double) height / panel.getHeight()));
		panel.setInterpolationMethod(ImageProcessor.BILINEAR);
		// Averaging when shrinking keeps fine edges (Laplace, Scharr) from aliasing.
		return (ColorProcessor) panel.resize(width, height, true);
	}

	/** The caption shortened with an ellipsis until it fits the panel's width. */
	private static String fit(final ImageProcessor figure, final String caption, final int width) {
		String s = caption;
		while (s.length() > 1 && figure.getStringWidth(s) > width)
			s = s.substring(0, s.length() - 2) + "\u2026";
		return s;
	}
}
