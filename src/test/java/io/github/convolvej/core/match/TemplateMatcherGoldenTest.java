package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.GoldenCase;
import io.github.convolvej.core.OutputMode;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Every {@code match} case of the golden file: OpenCV's six formulas in
 * float64 (checked against cv2.matchTemplate and skimage's match_template
 * when the file was made). Tolerance {@code 1e-5 * max(1, max|expected|)}
 * for the direct engine (exact sums in double, then rounded to float) and
 * {@code 1e-4 * max(1, max|expected|)} for the FFT engine.
 */
class TemplateMatcherGoldenTest {

	private static final Algorithm[] ENGINES = { Algorithm.DIRECT, Algorithm.FFT, Algorithm.AUTO };

	@TestFactory
	Stream< DynamicTest > scores() {
		return GoldenCase.family("match").stream().flatMap(c -> Stream.of(ENGINES).map(a -> DynamicTest.dynamicTest(c + " " + a.label(), () -> scoresMatchTheReference(c, a))));
	}

	@TestFactory
	Stream< DynamicTest > bestMatches() {
		return GoldenCase.family("match").stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> bestMatchIsTheReferenceBest(c)));
	}

	@TestFactory
	Stream< DynamicTest > methodNames() {
		return GoldenCase.family("match").stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> everyMethodNameOfTheFileIsKnown(c)));
	}

	static MatchOptions options(final GoldenCase c) {
		return new MatchOptions().method(MatchMethod.fromLabel(c.method)).mode(OutputMode.fromLabel(c.mode)).boundary(Boundary.fromLabel(c.boundary)).fillValue(c.value).anchor(c.anchor);
	}

	void scoresMatchTheReference(final GoldenCase c, final Algorithm algorithm) {
		final ScoreMap map = TemplateMatcher.match(c.image.img(), c.template.img(), options(c).algorithm(algorithm));
		assertArrayEquals(c.expected.longDims(), map.scores().dimensionsAsLongArray(), c.id + ": score map size");
		double scale = 1;
		for (final double e : c.expected.re)
			scale = Math.max(scale, Math.abs(e));
		final double tolerance = (algorithm == Algorithm.DIRECT || map.engine().equals("direct") ? 1e-5 : 1e-4) * scale;
		int i = 0;
		for (final FloatType v : map.scores()) {
			final double e = c.expected.re[i];
			assertEquals(e, v.get(), tolerance, c.id + " (" + map.engine() + "): score " + i + " of " + c.expected.re.length);
			i++;
		}
	}

	/**
	 * The best match is the expected map's best score; for the normalized
	 * scores and the square difference it is also where the template was cut
	 * from (the unnormalized correlations favour bright windows, so theirs
	 * may lie elsewhere).
	 */
	void bestMatchIsTheReferenceBest(final GoldenCase c) {
		final MatchMethod method = MatchMethod.fromLabel(c.method);
		final ScoreMap map = TemplateMatcher.match(c.image.img(), c.template.img(), options(c));
		final List< Match > best = new PeakFinder().find(map);
		assertEquals(1, best.size());
		final Match m = best.get(0);

		int bestIndex = 0;
		for (int i = 1; i < c.expected.re.length; i++) {
			final double v = c.expected.re[i], b = c.expected.re[bestIndex];
			if (method.lowerIsBetter() ? v < b : v > b)
				bestIndex = i;
		}
		final long w = c.expected.dims[0];
		final boolean valid = c.mode.equals("valid");
		// score index -> anchor in image coordinates
		final long[] expectedAnchor = { bestIndex % w + (valid ? c.anchor[0] : 0), bestIndex / w + (valid ? c.anchor[1] : 0) };
		assertArrayEquals(expectedAnchor, m.pixel(), c.id + ": anchor of the best match");
		assertArrayEquals(new long[] { expectedAnchor[0] - c.anchor[0], expectedAnchor[1] - c.anchor[1] }, m.corner(), c.id + ": corner of the best match");
		assertEquals(c.expected.re[bestIndex], m.score(), 1e-4 * Math.max(1, Math.abs(c.expected.re[bestIndex])));
		if (method != MatchMethod.CCORR && method != MatchMethod.CCOEFF)
			assertArrayEquals(new long[] { c.best[0], c.best[1] }, m.corner(), c.id + ": the template's own place");
	}

	void everyMethodNameOfTheFileIsKnown(final GoldenCase c) {
		final MatchMethod m = MatchMethod.fromLabel(c.method);
		assertEquals(c.method, m.shortName());
		assertTrue(m.lowerIsBetter() == c.method.startsWith("sqdiff"));
		assertFalse(c.expected.re.length == 0);
	}
}
