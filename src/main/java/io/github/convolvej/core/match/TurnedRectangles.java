package io.github.convolvej.core.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Intersection over union of two turned rectangles (convex quadrilaterals
 * given by their corners in order), for suppressing matches of turned
 * templates: the overlap is clipped polygon against polygon
 * (Sutherland-Hodgman) and measured with the shoelace formula.
 */
final class TurnedRectangles {

	private TurnedRectangles() {}

	static double intersectionOverUnion(final double[][] a, final double[][] b) {
		final double areaA = Math.abs(area(a)), areaB = Math.abs(area(b));
		final double inter = Math.abs(area(clip(a, b)));
		final double union = areaA + areaB - inter;
		return union > 0 ? inter / union : 0;
	}

	/** The part of {@code subject} inside the convex polygon {@code clip}. */
	static double[][] clip(final double[][] subject, final double[][] clip) {
		final double orientation = Math.signum(area(clip));
		List< double[] > out = new ArrayList<>(List.of(subject));
		for (int e = 0; e < clip.length && !out.isEmpty(); e++) {
			final double[] p = clip[e], q = clip[(e + 1) % clip.length];
			final List< double[] > in = out;
			out = new ArrayList<>();
			for (int i = 0; i < in.size(); i++) {
				final double[] cur = in.get(i), prev = in.get((i + in.size() - 1) % in.size());
				final boolean curInside = side(p, q, cur) * orientation >= 0, prevInside = side(p, q, prev) * orientation >= 0;
				if (curInside) {
					if (!prevInside)
						out.add(crossing(p, q, prev, cur));
					out.add(cur);
				} else if (prevInside)
					out.add(crossing(p, q, prev, cur));
			}
		}
		return out.toArray(new double[0][]);
	}

	/** Positive when {@code r} lies to the left of the line from {@code p} to {@code q}. */
	private static double side(final double[] p, final double[] q, final double[] r) {
		return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
	}

	/** Where the segment {@code a b} crosses the line through {@code p q}. */
	private static double[] crossing(final double[] p, final double[] q, final double[] a, final double[] b) {
		final double sa = side(p, q, a), sb = side(p, q, b);
		final double t = sa / (sa - sb);
		return new double[] { a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]) };
	}

	/** Signed area (shoelace). */
	static double area(final double[][] polygon) {
		double twice = 0;
		for (int i = 0; i < polygon.length; i++) {
			final double[] p = polygon[i], q = polygon[(i + 1) % polygon.length];
			twice += p[0] * q[1] - q[0] * p[1];
		}
		return twice / 2;
	}
}
