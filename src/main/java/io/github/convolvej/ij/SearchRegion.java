package io.github.convolvej.ij;

import java.awt.Rectangle;

import ij.gui.Roi;
import io.github.convolvej.core.match.ScoreMap;
import net.imglib2.Cursor;
import net.imglib2.type.numeric.real.FloatType;

/**
 * An area selection on the searched image as the region to search: a window
 * counts only when it lies wholly within the selection's bounds and its
 * anchor pixel inside the selection; other scores become NaN, so no match is
 * found there and the score map shows where nothing was searched. The same
 * region applies to every plane of a stack.
 */
final class SearchRegion {

	private SearchRegion() {}

	/** The image's area selection, or null when it has none (a line or point selection restricts nothing). */
	static Roi of(final ij.ImagePlus image) {
		final Roi roi = image.getRoi();
		return roi != null && roi.isArea() ? roi : null;
	}

	/** Sets the scores of windows outside {@code roi} to NaN. */
	static void restrict(final ScoreMap map, final Roi roi) {
		final Rectangle bounds = roi.getBounds();
		final int[] anchor = map.anchor(), size = map.templateDimensions();
		final long[] min = map.interval().minAsLongArray();
		final Cursor< FloatType > c = map.scores().localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			final long ax = min[0] + c.getLongPosition(0), ay = min[1] + c.getLongPosition(1);
			final long x0 = ax - anchor[0], y0 = ay - anchor[1];
			final boolean inside = x0 >= bounds.x && y0 >= bounds.y && x0 + size[0] <= bounds.x + bounds.width && y0 + size[1] <= bounds.y + bounds.height
					&& roi.contains((int) ax, (int) ay);
			if (!inside)
				c.get().set(Float.NaN);
		}
	}
}
