package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.github.convolvej.core.match.MatchOptions;

/** Work on a number of threads: the engines see that many, and failures come through as thrown. */
class ThreadsTest {

	@Test
	void theEnginesSeeTheThreadsGiven() {
		for (final int n : new int[] { 1, 3 }) {
			assertEquals(n, (int) Threads.call(n, () -> new ConvolutionOptions().executor().getParallelism()));
			assertEquals(n, (int) Threads.call(n, () -> new MatchOptions().executor().getParallelism()));
		}
		final IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Threads.call(0, () -> 1));
		assertEquals("Give at least 1 thread, not 0.", none.getMessage());
	}

	@Test
	void failuresComeThroughAsThrown() {
		final IOException checked = new IOException("disk full");
		assertSame(checked, assertThrows(IOException.class, () -> Threads.call(1, () -> {
			throw checked;
		})));
		final IllegalArgumentException unchecked = new IllegalArgumentException("bad kernel");
		assertSame(unchecked, assertThrows(IllegalArgumentException.class, () -> Threads.call(2, () -> {
			throw unchecked;
		})));
	}
}
