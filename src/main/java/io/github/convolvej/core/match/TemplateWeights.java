package io.github.convolvej.core.match;

/**
 * What a template contributes to its scores, for one method: the weights the
 * image is correlated with (the template as the method uses it, 0 where
 * masked) and the template's own sums. With {@code W' = W - shift} (the
 * image less a constant that leaves the score unchanged) and {@code M} the
 * mask (1 where pixels count):
 *
 * <pre>
 * square difference               w = M (T - shift)      Σ M (W' - T')² = Σ M W'² - 2 Σ w W' + Σ w²
 * correlation coefficient(s)      w = M (T - T̄)          Σ M (W - W̄)(T - T̄) = Σ w W'
 * others                          w = M T                Σ M W T = Σ w W
 * </pre>
 *
 * (T̄ the mean of the pixels that count), so every score is the engine's
 * {@code Σ w W} less {@link #correction}, plus window sums.
 */
final class TemplateWeights {

	/** The weights, x fastest, in the template's own box. */
	final double[] weights;
	/** Pixels that count. */
	final int count;
	/** Σ w², the template's energy as the score uses it. */
	final double squares;
	/** {@code shift · Σ w}: what the image's shift adds to {@code Σ w W}. */
	final double correction;

	TemplateWeights(final SearchTemplate template, final MatchMethod method, final double shift) {
		final double[] t = template.valuesShared();
		final boolean[] mask = template.maskShared();
		int n = 0;
		double sum = 0;
		for (int j = 0; j < t.length; j++)
			if (mask == null || mask[j]) {
				n++;
				sum += t[j];
			}
		final double mean = sum / n;
		final boolean flat = isFlat(t, mask);
		weights = new double[t.length];
		double wSum = 0, wSq = 0;
		for (int j = 0; j < t.length; j++) {
			if (mask != null && !mask[j])
				continue;
			final double w;
			if (method == MatchMethod.CCOEFF || method == MatchMethod.CCOEFF_NORMED)
				w = flat ? 0 : t[j] - mean;
			else if (method == MatchMethod.SQDIFF)
				w = t[j] - shift;
			else
				w = t[j];
			weights[j] = w;
			wSum += w;
			wSq += w * w;
		}
		count = n;
		squares = wSq;
		correction = shift * wSum;
	}

	/** Every counted pixel equal: the correlation coefficient has nothing to correlate with. */
	private static boolean isFlat(final double[] t, final boolean[] mask) {
		double first = Double.NaN;
		for (int j = 0; j < t.length; j++) {
			if (mask != null && !mask[j])
				continue;
			if (Double.isNaN(first))
				first = t[j];
			else if (t[j] != first)
				return false;
		}
		return true;
	}
}
