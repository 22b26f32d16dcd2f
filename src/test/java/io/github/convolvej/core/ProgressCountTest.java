package io.github.convolvej.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Items counted by many threads report a fraction that never goes back and ends at 1. */
class ProgressCountTest {

	@Test
	void manyThreadsNeverReportBackwards() throws InterruptedException {
		final List< Double > seen = new ArrayList<>();
		final ProgressListener listener = new ProgressListener() {
			@Override
			public void progress(final double fraction) {
				synchronized (seen) {
					seen.add(fraction);
				}
				Thread.yield(); // a slow listener widens the gap between counting and reporting
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		final int total = 20000;
		final ProgressCount count = new ProgressCount(listener, total, 7);
		final ExecutorService pool = Executors.newFixedThreadPool(8);
		for (int t = 0; t < 8; t++)
			pool.execute(() -> {
				for (int i = 0; i < total / 8; i++)
					count.step();
			});
		pool.shutdown();
		assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
		for (int i = 1; i < seen.size(); i++)
			assertTrue(seen.get(i) > seen.get(i - 1), "never backwards at " + i);
		assertEquals(1.0, seen.get(seen.size() - 1), 0);
		assertTrue(seen.size() > total / 7 / 2, "reports every 7 items or so: " + seen.size());
	}
}
