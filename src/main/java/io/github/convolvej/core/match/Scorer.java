package io.github.convolvej.core.match;

/**
 * Turns a line of window-template products into scores, one loop per
 * method so the method is not asked per pixel. Inputs per window: the
 * engine's {@code Σ w W} (less the template's correction), and where the
 * method needs them the window sums {@code Σ M W'} and {@code Σ M W'²} over
 * the pixels that count (see {@link TemplateWeights}).
 * <p>
 * A zero denominator scores 0 (1 for the normalized square difference),
 * where OpenCV gives NaN or infinity. A window whose values vary by less
 * than {@code flatTolerance} of their sum of squares counts as flat.
 */
final class Scorer {

	private final MatchMethod method;
	private final TemplateWeights template;
	private final double flatTolerance;

	Scorer(final MatchMethod method, final TemplateWeights template, final double flatTolerance) {
		this.method = method;
		this.template = template;
		this.flatTolerance = flatTolerance;
	}

	/** True when the method needs {@code Σ M W'}. */
	static boolean needsSums(final MatchMethod method) {
		return method == MatchMethod.CCOEFF_NORMED;
	}

	/** True when the method needs {@code Σ M W'²}. */
	static boolean needsSquares(final MatchMethod method) {
		return method != MatchMethod.CCORR && method != MatchMethod.CCOEFF;
	}

	/**
	 * @param products {@code Σ w W} of {@code length} windows, from index {@code p}
	 * @param s1, s2 the window sums from index {@code at} (null when not needed)
	 */
	void score(final double[] products, final int p, final double[] s1, final double[] s2, final int at, final float[] out, final int offset, final int length) {
		final double correction = template.correction, tSq = template.squares, tNorm = Math.sqrt(tSq);
		final int n = template.count;
		switch (method) {
			case CCORR:
			case CCOEFF:
				for (int x = 0; x < length; x++)
					out[offset + x] = (float) (products[p + x] - correction);
				return;
			case SQDIFF: // Σ M (W' - T')² = Σ M W'² - 2 Σ w W' + Σ w²
				for (int x = 0; x < length; x++)
					out[offset + x] = (float) Math.max(0, s2[at + x] - 2 * (products[p + x] - correction) + tSq);
				return;
			case SQDIFF_NORMED:
				for (int x = 0; x < length; x++) {
					final double w2 = s2[at + x];
					final double den = Math.sqrt(w2) * tNorm;
					final double num = Math.max(0, w2 - 2 * products[p + x] + tSq);
					out[offset + x] = (float) (den > 0 ? num / den : den == 0 ? 1 : Double.NaN);
				}
				return;
			case CCORR_NORMED:
				for (int x = 0; x < length; x++) {
					final double den = Math.sqrt(s2[at + x]) * tNorm;
					out[offset + x] = (float) (den > 0 ? clamp(products[p + x] / den) : den == 0 ? 0 : Double.NaN);
				}
				return;
			case CCOEFF_NORMED:
				for (int x = 0; x < length; x++) {
					// Σ M (W-W̄)² = Σ M W'² - (Σ M W')²/n; below the rounding error of the sums the window is flat
					final double sum = s1[at + x], squares = s2[at + x];
					final double variance = squares - sum * sum / n;
					final double den = Math.sqrt(variance) * tNorm;
					final float v;
					if (Double.isNaN(variance))
						v = Float.NaN;
					else if (variance <= flatTolerance * squares || !(den > 0))
						v = 0;
					else
						v = (float) clamp((products[p + x] - correction) / den);
					out[offset + x] = v;
				}
				return;
			default:
				throw new IllegalStateException("Unknown method " + method);
		}
	}

	private static double clamp(final double v) {
		return v > 1 ? 1 : v < -1 ? -1 : v;
	}
}
