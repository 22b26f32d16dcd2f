package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.TaskExecutors;

/** A copy of the options holds every value of the original and changes apart from it. */
class OptionsCopyTest {

	@Test
	void convolutionOptionsCopyEverythingAndChangeApart() {
		final ProgressListener progress = ProgressListener.reporting(f -> {});
		final ConvolutionOptions o = ConvolutionOptions.correlate().mode(OutputMode.FULL).boundary(Boundary.FILL).fillValue(2.5).algorithm(Algorithm.FFT).precision(Precision.DOUBLE)
				.executor(TaskExecutors.singleThreaded()).progress(progress).missingData(MissingData.INTERPOLATE).mask(ArrayImgs.bytes(3, 3)).preserveNan(true).certainty(true);
		final ConvolutionOptions c = o.copy();
		assertNotSame(o, c);
		assertEquals(Operation.CORRELATE, c.operation());
		assertEquals(OutputMode.FULL, c.mode());
		assertEquals(Boundary.FILL, c.boundary());
		assertEquals(2.5, c.fillValue());
		assertEquals(Algorithm.FFT, c.algorithm());
		assertEquals(Precision.DOUBLE, c.precision());
		assertSame(o.executor(), c.executor());
		assertSame(progress, c.progress());
		assertEquals(MissingData.INTERPOLATE, c.missingData());
		assertSame(o.mask(), c.mask());
		assertTrue(c.preserveNan() && c.certainty());

		c.mode(OutputMode.VALID).boundary(Boundary.WRAP).fillValue(0).precision(Precision.FLOAT).certainty(false);
		assertEquals(OutputMode.FULL, o.mode());
		assertEquals(Boundary.FILL, o.boundary());
		assertEquals(2.5, o.fillValue());
		assertEquals(Precision.DOUBLE, o.precision());
		assertTrue(o.certainty());
	}

	@Test
	void matchOptionsCopyEverythingAndChangeApart() {
		final MatchOptions o = new MatchOptions().method(MatchMethod.SQDIFF).mode(OutputMode.VALID).boundary(Boundary.NEAREST).fillValue(1).anchor(2, 1).algorithm(Algorithm.DIRECT);
		final MatchOptions c = o.copy();
		assertNotSame(o, c);
		assertEquals(MatchMethod.SQDIFF, c.method());
		assertEquals(OutputMode.VALID, c.mode());
		assertEquals(Boundary.NEAREST, c.boundary());
		assertEquals(1, c.fillValue());
		assertArrayEquals(new int[] { 2, 1 }, c.anchor());
		assertEquals(Algorithm.DIRECT, c.algorithm());

		c.anchor(0, 0).method(MatchMethod.CCORR).mode(OutputMode.SAME);
		c.anchor()[0] = 7;
		assertArrayEquals(new int[] { 2, 1 }, o.anchor());
		assertEquals(MatchMethod.SQDIFF, o.method());
		assertEquals(OutputMode.VALID, o.mode());
	}
}
