package io.github.convolvej.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
	void theCpuFlagsAreReadOffCpuinfo() {
		assertEquals("avx2+fma", CpuFlags.of("processor\t: 0\nflags\t\t: fpu sse4_2 avx avx2 fma bmi2\nbugs\t\t: none\n"));
		assertEquals("avx2+fma+avx512f+avx512bw+avx512vl", CpuFlags.of("flags : avx2 fma avx512f avx512cd avx512bw avx512vl"));
		assertEquals("no AVX2", CpuFlags.of("model name : old\nflags : fpu sse2 avx\n"), "avx alone is not avx2");
		assertEquals("unknown", CpuFlags.of("Features : fp asimd\n"), "no flags line (ARM)");
	}
}
