package io.github.convolvej.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SIMD extensions of this machine's CPU that the JIT can use, as
 * {@code /proc/cpuinfo} lists them (Linux): {@code avx2}, {@code avx512f};
 * {@code unknown} where that file is not there.
 */
final class CpuFlags {

	private CpuFlags() {}

	static String read() {
		try {
			return of(Files.readString(Path.of("/proc/cpuinfo")));
		}
		catch (final IOException | RuntimeException e) {
			return "unknown";
		}
	}

	/** The extensions named on the first {@code flags} line of a cpuinfo text. */
	static String of(final String cpuinfo) {
		final String text = "\n" + cpuinfo + "\n";
		final int at = text.indexOf("\nflags");
		if (at < 0)
			return "unknown";
		final String line = " " + text.substring(at + 1, text.indexOf('\n', at + 1)).toLowerCase(Locale.ROOT) + " ";
		final List< String > flags = new ArrayList<>();
		for (final String f : new String[] { "avx2", "fma", "avx512f", "avx512bw", "avx512vl" })
			if (line.contains(" " + f + " "))
				flags.add(f);
		return flags.isEmpty() ? "no AVX2" : String.join("+", flags);
	}
}
