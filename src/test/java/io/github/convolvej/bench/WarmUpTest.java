package io.github.convolvej.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The benchmark's warm-up ends when the last runs' median stops moving, not after a fixed count. */
class WarmUpTest {

	@Test
	void stableWhenTheLastMediansAgreeWithinThreePercent() {
		assertFalse(Benchmark.stable(List.of(10.0, 10.0, 10.0, 10.0, 10.0)), "too few runs to tell");
		assertTrue(Benchmark.stable(List.of(30.0, 10.0, 10.2, 10.1, 9.9, 10.0)), "one slow first run does not move the median");
		assertFalse(Benchmark.stable(List.of(30.0, 20.0, 15.0, 12.0, 11.0, 10.0)), "still getting faster");
		// one slow run (a collection) among three does not move the median
		assertTrue(Benchmark.stable(List.of(10.0, 10.1, 10.0, 10.0, 25.0, 10.1)));
	}

	@Test
	void theCpuFlagsAreNamed() {
		final String flags = CpuFlags.read();
		assertTrue(flags.equals("unknown") || flags.equals("no AVX2") || flags.matches("[a-z0-9+]+"), flags);
	}
}
