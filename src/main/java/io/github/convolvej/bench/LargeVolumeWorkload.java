package io.github.convolvej.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;

/**
 * W15, a volume four times larger than the heap it runs in: 1024 x 1024 x
 * 512 uint16 values (1 GiB) in a Zarr v2 array of 32 x 256 x 256 chunks
 * (zlib), 3-D Gaussian sigma 2 (symm), written as an uncompressed float32
 * Zarr array (2 GiB; zlib on float noise would time the compressor, the
 * same C library for both tools), by the command line in a JVM of its own started with
 * {@code -Xmx512m}. Reports the time, the MB/s of input read, and the most
 * heap the run used. The time includes starting that JVM, reading,
 * decompressing, compressing and writing.
 *
 * <p>The volume is a pure function of the position, integers only, so
 * {@code bench/compare.py} writes the same values for dask:
 * {@code v = (((x-512)^2 + (y-512)^2) / 64 + 40 z) mod 3000 + h mod 256},
 * {@code h = (73856093 x XOR 19349663 y XOR 83492791 z) AND 0xFFFF}.
 */
final class LargeVolumeWorkload {

	static final String ID = "W15";
	static final int WIDTH = 1024, HEIGHT = 1024, DEPTH = 512;
	static final int[] CHUNKS = { 32, 256, 256 }; // z, y, x
	static final String OPTIONS = "kernel=[gaussian(2,2,2)] mode=same boundary=symm";
	static final String HEAP = "-Xmx512m";
	private static final Pattern PEAK = Pattern.compile("peak_heap_mb=([0-9.]+)\\s+peak_live_mb=([0-9.]+)");

	private LargeVolumeWorkload() {}

	static Workload workload() {
		final ChildRun run = new ChildRun();
		return new Workload(ID, "3-D 1024x1024x512 uint16 Zarr (1 GiB) to uncompressed float32 Zarr, gaussian(2) symm, in a JVM of " + HEAP + " (peak heap: that JVM's)",
				(long) WIDTH * HEIGHT * DEPTH, LargeVolumeWorkload::volume, run);
	}

	/** Runs the command line in a child JVM and keeps the peak heap it reports. */
	static final class ChildRun implements Workload.Run {

		private double peakHeapMb, peakLiveMb;
		private int runs;

		@Override
		public boolean ownJvm() {
			return true;
		}

		@Override
		public String report(final double medianMs) {
			final double megabytes = 2.0 * WIDTH * HEIGHT * DEPTH / 1e6;
			return String.format(Locale.ROOT, "%.0f MB of uint16 read at %.1f MB/s; its JVM (%s) used at most %.0f MB of heap, %.0f MB of it live after a collection",
					megabytes, megabytes / (medianMs / 1000), HEAP, peakHeapMb, peakLiveMb);
		}

		@Override
		public String run(final Object input) {
			final Path root = (Path) input;
			final Path out = root.resolve("out-" + ++runs + ".zarr");
			final List< String > command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP));
			// the child runs the engines this JVM runs
			if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent())
				command.addAll(List.of("--add-modules", "jdk.incubator.vector"));
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapReportingRun.class.getName(),
					"convolve-nd", root.resolve("in.zarr").toString(), out.toString(), OPTIONS, "--compressor", "none",
					"--threads", Integer.toString(net.imglib2.parallel.Parallelization.getTaskExecutor().getParallelism())));
			try {
				final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
				final String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (p.waitFor() != 0)
					throw new IllegalStateException("W15's run failed:\n" + printed);
				final Matcher m = PEAK.matcher(printed);
				if (!m.find())
					throw new IllegalStateException("W15's run did not report its heap:\n" + printed);
				peakHeapMb = Math.max(peakHeapMb, Double.parseDouble(m.group(1)));
				peakLiveMb = Math.max(peakLiveMb, Double.parseDouble(m.group(2)));
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			finally {
				VolumeWorkloads.delete(out);
			}
			return VolumeWorkloads.blocksOn("blocks");
		}

		@Override
		public double peakHeapMb() {
			return peakHeapMb;
		}
	}

	/** The value at x, y, z, as compare.py computes it. */
	static int value(final int x, final int y, final int z) {
		final int h = (73856093 * x ^ 19349663 * y ^ 83492791 * z) & 0xFFFF;
		return (((x - 512) * (x - 512) + (y - 512) * (y - 512)) / 64 + 40 * z) % 3000 + h % 256;
	}

	/** The input array, written once into a temporary folder removed when the JVM ends. */
	private static Path volume() {
		try {
			final Path root = Files.createTempDirectory("convolvej-bench-w15");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> VolumeWorkloads.delete(root)));
			final Path zarr = Files.createDirectories(root.resolve("in.zarr"));
			Files.writeString(zarr.resolve(".zarray"), String.format(Locale.ROOT, "{\n    \"chunks\": [%d, %d, %d],\n    \"compressor\": {\"id\": \"zlib\", \"level\": 1},\n"
					+ "    \"dtype\": \"<u2\",\n    \"fill_value\": 0,\n    \"filters\": null,\n    \"order\": \"C\",\n    \"shape\": [%d, %d, %d],\n    \"zarr_format\": 2\n}\n",
					CHUNKS[0], CHUNKS[1], CHUNKS[2], DEPTH, HEIGHT, WIDTH));
			final ByteBuffer chunk = ByteBuffer.allocate(2 * CHUNKS[0] * CHUNKS[1] * CHUNKS[2]).order(ByteOrder.LITTLE_ENDIAN);
			for (int kz = 0; kz < DEPTH / CHUNKS[0]; kz++)
				for (int ky = 0; ky < HEIGHT / CHUNKS[1]; ky++)
					for (int kx = 0; kx < WIDTH / CHUNKS[2]; kx++) {
						chunk.clear();
						for (int z = kz * CHUNKS[0]; z < (kz + 1) * CHUNKS[0]; z++)
							for (int y = ky * CHUNKS[1]; y < (ky + 1) * CHUNKS[1]; y++)
								for (int x = kx * CHUNKS[2]; x < (kx + 1) * CHUNKS[2]; x++)
									chunk.putShort((short) value(x, y, z));
						Files.write(zarr.resolve(kz + "." + ky + "." + kx), deflate(chunk.array()));
					}
			return root;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] deflate(final byte[] data) {
		final Deflater deflater = new Deflater(1);
		deflater.setInput(data);
		deflater.finish();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2);
		final byte[] buffer = new byte[1 << 16];
		while (!deflater.finished())
			out.write(buffer, 0, deflater.deflate(buffer));
		deflater.end();
		return out.toByteArray();
	}
}
