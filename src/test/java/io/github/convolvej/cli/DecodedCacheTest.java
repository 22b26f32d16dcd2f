package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The cache of decoded chunk planes: kept within its budget, decoded once when threads ask together. */
class DecodedCacheTest {

	private static byte[][] planes(final int count, final int bytes, final AtomicInteger decodes) {
		decodes.incrementAndGet();
		final byte[][] p = new byte[count][];
		for (int i = 0; i < count; i++)
			p[i] = new byte[bytes];
		return p;
	}

	@Test
	void partsStayWithinTheBudgetTheLeastRecentlyUsedGoingFirst() throws IOException {
		final DecodedCache< String > cache = new DecodedCache<>(4 * 100);
		final AtomicInteger decodes = new AtomicInteger();
		final byte[] a0 = cache.part("a", 0, () -> planes(4, 100, decodes));
		assertSame(a0, cache.part("a", 0, () -> planes(4, 100, decodes)), "kept");
		cache.part("a", 3, () -> planes(4, 100, decodes));
		assertEquals(1, decodes.get(), "every plane of a chunk comes from one decoding");
		cache.part("b", 0, () -> planes(2, 100, decodes)); // 600 bytes: the two least recent of a go
		assertEquals(2, decodes.get());
		cache.part("a", 0, () -> planes(4, 100, decodes));
		cache.part("a", 3, () -> planes(4, 100, decodes));
		assertEquals(2, decodes.get(), "the planes used last are kept");
		cache.part("a", 1, () -> planes(4, 100, decodes));
		assertEquals(3, decodes.get(), "a plane dropped is decoded again");
	}

	@Test
	void threadsAskingTogetherWaitForOneDecoding() throws Exception {
		final DecodedCache< String > cache = new DecodedCache<>(1 << 20);
		final AtomicInteger decodes = new AtomicInteger();
		final CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List< Future< byte[] > > got = new ArrayList<>();
			for (int t = 0; t < 4; t++)
				got.add(pool.submit(() -> cache.part("k", 1, () -> {
					started.countDown();
					try {
						release.await(10, TimeUnit.SECONDS);
					}
					catch (final InterruptedException e) {
						throw new IOException(e);
					}
					return planes(2, 10, decodes);
				})));
			started.await(10, TimeUnit.SECONDS);
			Thread.sleep(100);
			release.countDown();
			final byte[] first = got.get(0).get(10, TimeUnit.SECONDS);
			for (final Future< byte[] > f : got)
				assertSame(first, f.get(10, TimeUnit.SECONDS));
			assertEquals(1, decodes.get());
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFailedDecodingReachesEveryoneAndIsTriedAgainLater() throws IOException {
		final DecodedCache< String > cache = new DecodedCache<>(1 << 20);
		assertThrows(IOException.class, () -> cache.part("k", 0, () -> {
			throw new IOException("damaged");
		}));
		assertEquals(5, cache.part("k", 0, () -> new byte[][] { new byte[5] }).length);
	}
}
