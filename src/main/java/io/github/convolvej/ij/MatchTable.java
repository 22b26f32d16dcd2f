package io.github.convolvej.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.measure.ResultsTable;

/**
 * The {@code Matches} results table: one row per match, best first (plane by
 * plane on a stack). Columns, in pixels from the image's top-left corner
 * whatever its calibration:
 * <ul>
 * <li>{@code X}, {@code Y}: the anchor (the template pixel {@code (K-1)/2}
 * unless {@code anchor=} says otherwise), with decimals when
 * {@code subpixel} is on;</li>
 * <li>{@code BX}, {@code BY}, {@code Width}, {@code Height}: the rectangle
 * the template covers;</li>
 * <li>{@code Score};</li>
 * <li>{@code Slice} on stacks: the stack position of the anchor's plane;</li>
 * <li>for a 3-D template also {@code Z} (the anchor's plane from 0),
 * {@code BZ} and {@code Depth}; {@code Frame} when the image has several
 * time points;</li>
 * <li>{@code Template} when several templates were searched (text),
 * {@code Angle} with turns (degrees, counter-clockwise as shown) and
 * {@code Flip} with mirrors (text).</li>
 * </ul>
 */
public final class MatchTable {

	/** The table's title. */
	public static final String TITLE = "Matches";

	private MatchTable() {}

	/** A new table holding the result's matches. */
	public static ResultsTable create(final MatchResult result) {
		final ResultsTable rt = new ResultsTable();
		fill(rt, result);
		return rt;
	}

	/** Empties {@code rt} and writes the result's matches into it. */
	public static void fill(final ResultsTable rt, final MatchResult result) {
		rt.reset();
		final boolean subpixel = result.settings().get(MatchSettings.SUBPIXEL);
		rt.setPrecision(subpixel ? 3 : 4);
		final boolean stack = result.isStack();
		final boolean frames = result.image().getNFrames() > 1;
		for (final ImageMatch m : result.matches()) {
			rt.incrementCounter();
			rt.addValue("X", m.x());
			rt.addValue("Y", m.y());
			rt.addValue("BX", m.left());
			rt.addValue("BY", m.top());
			rt.addValue("Width", m.width());
			rt.addValue("Height", m.height());
			rt.addValue("Score", m.score());
			if (stack)
				rt.addValue("Slice", m.slice());
			if (m.isVolumetric()) {
				rt.addValue("Z", m.z());
				rt.addValue("BZ", m.front());
				rt.addValue("Depth", m.depth());
			}
			if (frames)
				rt.addValue("Frame", m.frame());
			if (result.hasSeveralTemplates())
				rt.addValue("Template", m.templateName());
			if (result.hasTurns())
				rt.addValue("Angle", m.angle());
			if (result.hasMirrors())
				rt.addValue("Flip", m.flip().label());
		}
		// the score with every digit a float has, whatever the table's precision
		if (rt.columnExists("Score"))
			rt.setDecimalPlaces(rt.getColumnIndex("Score"), 9);
		for (final String integral : new String[] { "BX", "BY", "Width", "Height", "Slice", "BZ", "Depth", "Frame" })
			if (rt.columnExists(integral))
				rt.setDecimalPlaces(rt.getColumnIndex(integral), 0);
		if (!subpixel)
			for (final String anchor : new String[] { "X", "Y", "Z" })
				if (rt.columnExists(anchor))
					rt.setDecimalPlaces(rt.getColumnIndex(anchor), 0);
	}

	/**
	 * The table as comma-separated values: a header line with the column
	 * names, then one line per match; whole numbers without decimals, others
	 * with every digit (no rounding to the table's display precision).
	 */
	public static String csv(final MatchResult result) {
		final List< String > columns = columns(result);
		final StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
		for (final Map< String, String > row : cells(result)) {
			for (int c = 0; c < columns.size(); c++)
				sb.append(c == 0 ? "" : ",").append(row.get(columns.get(c)));
			sb.append('\n');
		}
		return sb.toString();
	}

	/** The table's columns, in order; with no match, those a row would hold. */
	public static List< String > columns(final MatchResult result) {
		final ResultsTable rt = create(result);
		return java.util.Arrays.asList(rt.size() > 0 ? rt.getHeadings() : emptyHeadings(result));
	}

	/** One map per match, best first: column to its CSV cell (numbers with every digit, text quoted when needed). */
	public static List< Map< String, String > > cells(final MatchResult result) {
		final ResultsTable rt = create(result);
		final List< Map< String, String > > rows = new ArrayList<>();
		for (int row = 0; row < rt.size(); row++) {
			final Map< String, String > cells = new LinkedHashMap<>();
			for (final String column : rt.getHeadings()) {
				final double v = rt.getValue(column, row);
				// text columns (Template, Flip) hold NaN as their number
				cells.put(column, Double.isNaN(v) && isText(column) ? csvCell(rt.getStringValue(column, row)) : MacroOptions.format(v));
			}
			rows.add(cells);
		}
		return rows;
	}

	private static boolean isText(final String column) {
		return column.equals("Template") || column.equals("Flip");
	}

	/** A CSV cell of text: quoted when it holds a comma, a quote or a line break. */
	public static String csvCell(final String text) {
		return text.matches("(?s).*[,\"\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

	private static String[] emptyHeadings(final MatchResult result) {
		final List< String > columns = new ArrayList<>(List.of("X", "Y", "BX", "BY", "Width", "Height", "Score"));
		if (result.isStack())
			columns.add("Slice");
		if (result.image().getNFrames() > 1)
			columns.add("Frame");
		if (result.hasSeveralTemplates())
			columns.add("Template");
		if (result.hasTurns())
			columns.add("Angle");
		if (result.hasMirrors())
			columns.add("Flip");
		return columns.toArray(new String[0]);
	}
}
