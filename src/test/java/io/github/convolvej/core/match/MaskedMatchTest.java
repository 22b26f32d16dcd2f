package io.github.convolvej.core.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.OutputMode;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Masked templates against {@code cv2.matchTemplate(image, template, method,
 * mask=mask)} (OpenCV 4.6, fixtures written by
 * {@code src/test/resources/match/make_fixtures.py}), all six methods, with
 * the direct and the FFT engine. OpenCV computes in float32 (its scores
 * are off by up to 3e-3 of the largest on an image far from zero), so they
 * are compared within {@code 5e-3} of the largest score; the same formulas
 * evaluated window by window in float64 are compared within {@code 1e-5}
 * (direct) or {@code 1e-4} (FFT) of the largest. ConvolveJ's scores are
 * finite everywhere: 0 where the denominator is 0 (1 for the normalized
 * square difference), where OpenCV gives NaN, infinity or rounding noise.
 */
class MaskedMatchTest {

	private static final Algorithm[] ENGINES = { Algorithm.DIRECT, Algorithm.FFT };

	static final class Case {
		String name;
		ArrayImg< DoubleType, DoubleArray > image, template, mask;
		final Map< String, ArrayImg< DoubleType, DoubleArray > > expected = new LinkedHashMap<>();

		@Override
		public String toString() {
			return name;
		}
	}

	static List< Case > cases() throws IOException {
		final List< Case > cases = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(MaskedMatchTest.class.getResourceAsStream("/match/opencv_masked.txt"), StandardCharsets.US_ASCII))) {
			Case c = null;
			String line;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("#") || line.isBlank())
					continue;
				final String[] f = line.trim().split(" ");
				if (f[0].equals("case")) {
					c = new Case();
					c.name = f[1];
					cases.add(c);
					continue;
				}
				final ArrayImg< DoubleType, DoubleArray > img = array(f);
				switch (f[0]) {
					case "image":
						c.image = img;
						break;
					case "template":
						c.template = img;
						break;
					case "mask":
						c.mask = img;
						break;
					default:
						c.expected.put(f[0], img);
				}
			}
		}
		return cases;
	}

	private static ArrayImg< DoubleType, DoubleArray > array(final String[] f) {
		final int w = Integer.parseInt(f[1]), h = Integer.parseInt(f[2]);
		final double[] v = new double[w * h];
		for (int i = 0; i < v.length; i++)
			v[i] = f[3 + i].equals("Inf") ? Double.POSITIVE_INFINITY : f[3 + i].equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(f[3 + i]);
		return ArrayImgs.doubles(v, w, h);
	}

	@TestFactory
	Stream< DynamicTest > maskedScoresMatchOpenCv() throws IOException {
		final List< DynamicTest > tests = new ArrayList<>();
		for (final Case c : cases())
			for (final MatchMethod m : MatchMethod.values())
				for (final Algorithm a : ENGINES)
					tests.add(DynamicTest.dynamicTest(c + " " + m.openCvName() + " " + a.label(), () -> compare(c, m, a)));
		return tests.stream();
	}

	private static void compare(final Case c, final MatchMethod method, final Algorithm algorithm) {
		final SearchTemplate template = SearchTemplate.of("t", c.template, c.mask);
		final ScoreMap map = TemplateMatcher.matchAll(c.image, List.of(template), new MatchOptions().method(method).mode(OutputMode.VALID).algorithm(algorithm)).get(0);
		final Img< DoubleType > openCv = c.expected.get(method.openCvName()), exact = c.expected.get("float64_" + method.openCvName());
		assertEquals(openCv.dimension(0), map.scores().dimension(0));
		assertEquals(openCv.dimension(1), map.scores().dimension(1));
		final double largest = largest(exact);
		final double tight = (algorithm == Algorithm.FFT ? 1e-4 : 1e-5) * largest;
		final double loose = 5e-3 * largest;
		final var cv = Views.flatIterable(openCv).cursor();
		final var ref = Views.flatIterable(exact).cursor();
		final var got = Views.flatIterable(map.scores()).cursor();
		int againstOpenCv = 0;
		double worstExact = 0, worstOpenCv = 0;
		while (got.hasNext()) {
			final double o = cv.next().get(), e = ref.next().get();
			final float g = got.next().get();
			assertTrue(Float.isFinite(g), "a score that is not finite: " + g);
			if (Double.isNaN(e)) {
				assertEquals(method == MatchMethod.SQDIFF_NORMED ? 1 : 0, g, 0, "where the denominator is 0");
				continue;
			}
			worstExact = Math.max(worstExact, Math.abs(g - e));
			if (Double.isFinite(o)) {
				worstOpenCv = Math.max(worstOpenCv, Math.abs(g - o));
				againstOpenCv++;
			}
		}
		assertTrue(worstExact <= tight, "largest difference from the float64 formula " + worstExact + ", allowed " + tight);
		assertTrue(worstOpenCv <= loose, "largest difference from OpenCV " + worstOpenCv + " over " + againstOpenCv + " scores, allowed " + loose);
		if (!(c.name.equals("flat-template") && method == MatchMethod.CCOEFF_NORMED))
			assertTrue(againstOpenCv > 0, "nothing compared with OpenCV");
	}

	private static double largest(final Img< DoubleType > img) {
		double largest = 1;
		for (final DoubleType v : img)
			if (Double.isFinite(v.get()))
				largest = Math.max(largest, Math.abs(v.get()));
		return largest;
	}

	/**
	 * Masking a template's last column equals cutting it off: the masked
	 * path (window sums from the engine) against the plain one (running
	 * sums) on the narrower template, anchored at the same pixel (0, 0), for
	 * every method, direct and FFT.
	 */
	@TestFactory
	Stream< DynamicTest > aMaskedColumnEqualsACutColumn() throws IOException {
		final Case c = cases().get(0);
		final int w = (int) c.template.dimension(0), h = (int) c.template.dimension(1);
		final double[] ones = new double[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w - 1; x++)
				ones[y * w + x] = 1;
		final SearchTemplate masked = SearchTemplate.of("masked", c.template, ArrayImgs.doubles(ones, w, h)).anchoredAt(0, 0);
		final SearchTemplate cut = SearchTemplate.of("cut", Views.zeroMin(Views.interval(c.template, new long[] { 0, 0 }, new long[] { w - 2, h - 1 })), null).anchoredAt(0, 0);
		final List< DynamicTest > tests = new ArrayList<>();
		for (final MatchMethod m : MatchMethod.values())
			for (final Algorithm a : ENGINES)
				tests.add(DynamicTest.dynamicTest(m.label() + " " + a.label(), () -> {
					final MatchOptions options = new MatchOptions().method(m).algorithm(a);
					final ScoreMap withMask = TemplateMatcher.matchAll(c.image, List.of(masked), options).get(0);
					final ScoreMap without = TemplateMatcher.matchAll(c.image, List.of(cut), options).get(0);
					double largest = 1;
					for (final FloatType v : without.scores())
						largest = Math.max(largest, Math.abs(v.get()));
					final var x = Views.flatIterable(without.scores()).cursor();
					final var y = Views.flatIterable(withMask.scores()).cursor();
					while (x.hasNext())
						assertEquals(x.next().get(), y.next().get(), (a == Algorithm.FFT ? 1e-4 : 1e-5) * largest);
				}));
		return tests.stream();
	}
}
