package io.github.convolvej.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ij.Prefs;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.match.MatchOptions;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** The plugins follow ImageJ's Parallel threads setting: the engines see that many threads, and the numbers do not change. */
class ImageJThreadsTest {

	private final int before = Prefs.getThreads();

	@AfterEach
	void restore() {
		Prefs.setThreads(before);
	}

	@Test
	void fewerThreadsThanCoresReachConvolutionAndMatching() {
		final int cores = Runtime.getRuntime().availableProcessors();
		assumeTrue(cores > 1, "one core: nothing fewer to set");
		Prefs.setThreads(1);
		assertEquals(1, (int) ImageJThreads.call(() -> new ConvolutionOptions().executor().getParallelism()));
		assertEquals(1, (int) ImageJThreads.call(() -> new MatchOptions().executor().getParallelism()));
		Prefs.setThreads(cores);
		assertEquals(cores, (int) ImageJThreads.call(() -> new ConvolutionOptions().executor().getParallelism()));
	}

	@Test
	void theNumbersAreTheSame() {
		final Img< FloatType > img = ArrayImgs.floats(97, 61);
		int i = 0;
		for (final FloatType v : img)
			v.set((i++ * 7919 % 251) - 100.5f);
		final Kernel kernel = Kernel.parse("gaussian(2)");
		Prefs.setThreads(Runtime.getRuntime().availableProcessors());
		final Img< FloatType > all = Convolution.convolve(img, kernel);
		Prefs.setThreads(1);
		final Img< FloatType > one = ImageJThreads.call(() -> Convolution.convolve(img, kernel));
		final var a = all.cursor();
		final var b = one.cursor();
		while (a.hasNext())
			assertEquals(a.next().get(), b.next().get(), 0);
	}
}
