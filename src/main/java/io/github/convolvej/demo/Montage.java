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
 * figures. All panels are scaled by one factor, which brings the tallest to
 * the figure's panel height, so that sizes compare truly (a full-mode result
 * is a few pixels larger than its source, a template smaller than its image). Works with no display; where the JDK
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
	 * @param panelHeight the height the tallest panel is scaled to, in pixels
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
		int tallest = 1;
		for (final ColorProcessor panel : panels)
			tallest = Math.max(tallest, panel.getHeight());
		final double factor = (double) panelHeight / tallest;
		final boolean text = Captions.available();
		final Font captionFont = new Font(Font.SANS_SERIF, Font.PLAIN, CAPTION_SIZE);
		final ColorProcessor measure = new ColorProcessor(1, 1);
		measure.setFont(captionFont);

		// Each panel sits centred in a slot as wide as the panel or its caption.
		final List< ColorProcessor > scaled = new ArrayList<>();
		final int[] slots = new int[panels.size()];
		int width = 2 * MARGIN - GAP;
		for (int i = 0; i < panels.size(); i++) {
			final ColorProcessor s = scale(panels.get(i), factor);
			scaled.add(s);
			slots[i] = Math.max(s.getWidth(), text ? measure.getStringWidth(captions.get(i)) : 0);
			width += slots[i] + GAP;
		}
		final int titleHeight = text && !title.isEmpty() ? TITLE_SIZE + 2 * LINE : 0;
		final int captionHeight = text ? CAPTION_SIZE + 2 * LINE : 0;
		final int height = MARGIN + titleHeight + panelHeight + captionHeight + MARGIN;

		final ColorProcessor figure = new ColorProcessor(width, height);
		figure.setColor(Color.WHITE);
		figure.fill();
		final int top = MARGIN + titleHeight;
		int x = MARGIN;
		for (int i = 0; i < scaled.size(); i++) {
			figure.insert(scaled.get(i), x + (slots[i] - scaled.get(i).getWidth()) / 2, top);
			x += slots[i] + GAP;
		}
		if (text) {
			figure.setColor(Color.BLACK);
			figure.setAntialiasedText(true);
			if (!title.isEmpty()) {
				figure.setFont(new Font(Font.SANS_SERIF, Font.BOLD, TITLE_SIZE));
				figure.drawString(title, MARGIN, MARGIN + TITLE_SIZE + LINE / 2);
			}
			figure.setFont(captionFont);
			x = MARGIN;
			for (int i = 0; i < scaled.size(); i++) {
				final int textX = x + (slots[i] - figure.getStringWidth(captions.get(i))) / 2;
				figure.drawString(captions.get(i), textX, top + panelHeight + LINE + CAPTION_SIZE + LINE / 2);
				x += slots[i] + GAP;
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

	/**
	 * Values {@code min..max} in matplotlib's "afmhot" colours (black, red,
	 * orange, white), outside clipped: how score maps are shown.
	 */
	public static ColorProcessor afmhot(final ImageProcessor image, final double min, final double max) {
		final int w = image.getWidth();
		final int h = image.getHeight();
		final ColorProcessor rgb = new ColorProcessor(w, h);
		final double range = max > min ? max - min : 1;
		for (int i = 0; i < w * h; i++) {
			final double v = image.getf(i);
			final double x = Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, (v - min) / range));
			rgb.set(i, (channel(2 * x) << 16) | (channel(2 * x - 0.5) << 8) | channel(2 * x - 1));
		}
		return rgb;
	}

	private static int channel(final double v) {
		return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
	}

	private static ColorProcessor scale(final ColorProcessor panel, final double factor) {
		if (factor == 1)
			return panel;
		final int width = Math.max(1, (int) Math.round(panel.getWidth() * factor));
		final int height = Math.max(1, (int) Math.round(panel.getHeight() * factor));
		panel.setInterpolationMethod(ImageProcessor.BILINEAR);
		// Averaging when shrinking keeps fine edges (Laplace, Scharr) from aliasing.
		return (ColorProcessor) panel.resize(width, height, true);
	}
}
