package io.github.convolvej.core.match;

import java.util.List;
import java.util.Locale;

import io.github.convolvej.core.Labelled;
import io.github.convolvej.core.Labels;

/**
 * The six template-matching scores of OpenCV's {@code matchTemplate}, with
 * the names of Fiji's Template Matching plugin. Per window {@code W} (the
 * image under the template) and template {@code T}, with means {@code W̄}
 * and {@code T̄}:
 *
 * <pre>
 * label                                        OpenCV             short name     score                                       best
 * Square difference                            TM_SQDIFF          sqdiff         Σ(W-T)²                                     lowest
 * Normalized square difference                 TM_SQDIFF_NORMED   sqdiff_normed  Σ(W-T)² / √(ΣW² ΣT²)                        lowest
 * Cross correlation                            TM_CCORR           ccorr          ΣWT                                         highest
 * Normalized cross correlation                 TM_CCORR_NORMED    ccorr_normed   ΣWT / √(ΣW² ΣT²)                            highest
 * Correlation coefficient                      TM_CCOEFF          ccoeff         Σ(W-W̄)(T-T̄)                                highest
 * Normalized correlation coefficient (default) TM_CCOEFF_NORMED   ccoeff_normed  Σ(W-W̄)(T-T̄) / √(Σ(W-W̄)² Σ(T-T̄)²)           highest
 * </pre>
 *
 * A zero denominator scores 0 (1 for the normalized square difference).
 * The last one is scikit-image's {@code match_template}.
 */
public enum MatchMethod implements Labelled {

	SQDIFF("Square difference"),
	SQDIFF_NORMED("Normalized square difference"),
	CCORR("Cross correlation"),
	CCORR_NORMED("Normalized cross correlation"),
	CCOEFF("Correlation coefficient"),
	CCOEFF_NORMED("Normalized correlation coefficient");

	/** The method used when none is given. */
	public static final MatchMethod DEFAULT = CCOEFF_NORMED;

	private final String label;

	MatchMethod(final String label) {
		this.label = label;
	}

	/** The name in dialogs and macros ("Normalized correlation coefficient"). */
	@Override
	public String label() {
		return label;
	}

	/** OpenCV's constant name ("TM_CCOEFF_NORMED"). */
	public String openCvName() {
		return "TM_" + name();
	}

	/** The short name ("ccoeff_normed"). */
	public String shortName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** True for the square differences, whose best score is the lowest. */
	public boolean lowerIsBetter() {
		return this == SQDIFF || this == SQDIFF_NORMED;
	}

	/** True for the three scores divided by the window's and template's norms. */
	public boolean isNormalized() {
		return this == SQDIFF_NORMED || this == CCORR_NORMED || this == CCOEFF_NORMED;
	}

	/** Its label, OpenCV's name and the short name. */
	@Override
	public List< String > names() {
		return List.of(label, openCvName(), shortName());
	}

	/**
	 * Parses a label, an OpenCV name or a short name, ignoring case
	 * ({@code "Correlation coefficient"}, {@code "TM_CCOEFF"}, {@code "ccoeff"}).
	 *
	 * @throws IllegalArgumentException naming the accepted names
	 */
	public static MatchMethod fromLabel(final String text) {
		return Labels.find(values(), text, t -> {
			final StringBuilder names = new StringBuilder();
			for (final MatchMethod m : values())
				names.append(names.length() == 0 ? "" : "; ").append(m.label).append(" (").append(m.openCvName()).append(", ").append(m.shortName()).append(')');
			return "Unknown matching method '" + t + "'. Use one of: " + names + ".";
		});
	}
}
