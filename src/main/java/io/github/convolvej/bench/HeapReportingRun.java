package io.github.convolvej.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.convolvej.cli.ConvolveJCli;

/**
 * The command line in a JVM of its own (started with the heap a workload
 * allows, e.g. {@code -Xmx512m}), printing afterwards the most heap it used,
 * sampled every few milliseconds, garbage not yet collected included
 * ({@code peak_heap_mb=481.5}), and the most heap that was still in use right
 * after a collection ({@code peak_live_mb=260.1}). The exit code is the
 * command's.
 */
public final class HeapReportingRun {

	private HeapReportingRun() {}

	public static void main(final String[] args) throws InterruptedException {
		final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		final AtomicLong peak = new AtomicLong(), live = new AtomicLong();
		final List< MemoryPoolMXBean > pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).collect(Collectors.toList());
		final Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				live.accumulateAndGet(pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(), Math::max);
				try {
					Thread.sleep(2);
				}
				catch (final InterruptedException e) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		System.setProperty("java.awt.headless", "true");
		final int code = ConvolveJCli.run(args, System.out, System.err);
		sampler.interrupt();
		sampler.join();
		peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
		System.out.printf(Locale.ROOT, "%npeak_heap_mb=%.1f%npeak_live_mb=%.1f%n", peak.get() / 1048576.0, live.get() / 1048576.0);
		System.exit(code);
	}
}
