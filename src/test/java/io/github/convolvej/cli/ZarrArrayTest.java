package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Zarr v2 arrays written by zarr-python ({@code src/test/resources/zarr/make_fixtures.py}):
 * every dtype and compressor read back to the values the script wrote, a
 * volume filtered from one equal to the same volume in memory, and damaged
 * or unsupported arrays refused with a message.
 */
class ZarrArrayTest {

	private static final Path FIXTURES = Path.of("src/test/resources/zarr");

	@TempDir
	Path dir;

	/** What make_fixtures.py wrote at (z, y, x), before the dtype's scale. */
	private static int base(final int z, final int y, final int x) {
		return (z * 131 + y * 17 + x * 3) % 251;
	}

	@Test
	void everyDtypeAndCompressorReadsBackWhatZarrPythonWrote() throws IOException {
		final String[] names = { "u1-none.zarr", "u2-zlib.zarr", "f4-gzip.zarr", "czyx-u2.zarr" };
		final double[] scales = { 1, 200, 0.25, 200 };
		for (int i = 0; i < names.length; i++) {
			final ZarrArray a = ZarrArray.open(FIXTURES.resolve(names[i]));
			assertEquals(7, a.depth());
			assertEquals(13, a.height());
			assertEquals(11, a.width());
			for (int z = 0; z < 7; z++) {
				final float[] plane = a.plane(z);
				for (int y = 0; y < 13; y++)
					for (int x = 0; x < 11; x++)
						assertEquals((float) (base(z, y, x) * scales[i]), plane[y * 11 + x], 0, names[i] + " at " + x + ", " + y + ", " + z);
			}
		}
	}

	@Test
	void aZarrVolumeFiltersAsInMemory() throws IOException {
		final Img< FloatType > img = ArrayImgs.floats(11, 13, 7);
		final Cursor< FloatType > c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(base(c.getIntPosition(2), c.getIntPosition(1), c.getIntPosition(0)) * 200);
		}
		final Path out = dir.resolve("out");
		final CliRun run = CliRun.of("convolve-nd", FIXTURES.resolve("u2-zlib.zarr").toString(), out + "/", "kernel=[gaussian(1,1,1)] boundary=wrap", "--block", "2");
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		// in double: the blocks may run another engine in float, within float rounding of it
		final Img< FloatType > expected = Convolution.apply(img, Kernel.parse("gaussian(1,1,1)"), ConvolutionOptions.convolve().boundary(io.github.convolvej.core.Boundary.WRAP).precision(io.github.convolvej.core.Precision.DOUBLE)).real();
		final Cursor< FloatType > e = expected.cursor();
		for (int z = 0; z < 7; z++) {
			final ImagePlus plane = IJ.openImage(out.resolve(TiffPlaneSink.planeName(z)).toString());
			for (final float v : (float[]) plane.getProcessor().getPixels()) {
				final float want = e.next().get();
				assertEquals(want, v, 1e-5 * Math.max(1, Math.abs(want)));
			}
		}
	}

	@Test
	void aZarrResultIsAZarrArrayWithTheInputsChunks() throws IOException {
		final Img< FloatType > img = ArrayImgs.floats(11, 13, 7);
		final Cursor< FloatType > c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(base(c.getIntPosition(2), c.getIntPosition(1), c.getIntPosition(0)) * 0.25f);
		}
		final Path out = dir.resolve("out.zarr");
		final String options = "kernel=[gaussian(1,1,1)] mode=full boundary=fill value=1";
		final CliRun run = CliRun.of("correlate-nd", FIXTURES.resolve("f4-gzip.zarr").toString(), out.toString(), options);
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		final Img< FloatType > expected = Convolution.apply(img, Kernel.parse("gaussian(1,1,1)"),
				ConvolutionOptions.correlate().mode(io.github.convolvej.core.OutputMode.FULL).boundary(io.github.convolvej.core.Boundary.FILL).fillValue(1)).real();
		final ZarrArray written = ZarrArray.open(out);
		assertEquals(java.util.Arrays.toString(new int[] { 3, 5, 4 }), java.util.Arrays.toString(written.chunks()));
		assertEquals(expected.dimension(2), written.depth());
		final Cursor< FloatType > e = expected.cursor();
		for (int z = 0; z < written.depth(); z++)
			for (final float v : written.plane(z))
				assertEquals(e.next().get(), v, 1e-4);
		// again: refused without --resume, nothing to do with it
		assertEquals(ConvolveJCli.USAGE, CliRun.of("correlate-nd", FIXTURES.resolve("f4-gzip.zarr").toString(), out.toString(), options).exitCode);
		final Path chunk = out.resolve("1.1.1");
		final byte[] before = Files.readAllBytes(chunk);
		Files.delete(out.resolve("2.0.0"));
		assertEquals(ConvolveJCli.OK, CliRun.of("correlate-nd", FIXTURES.resolve("f4-gzip.zarr").toString(), out.toString(), options, "--resume").exitCode);
		assertTrue(Files.exists(out.resolve("2.0.0")), "the missing chunk is written again");
		org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(chunk));
	}

	/** A bundled sample, as every command takes it, is a volume of one plane for a store: the numbers of the in-memory run. */
	@Test
	void aSampleIsAVolumeOfOnePlane() throws IOException {
		final Path memory = dir.resolve("memory.tif"), store = dir.resolve("sample.zarr");
		final String options = "kernel=laplace boundary=mirror";
		assertEquals(ConvolveJCli.OK, CliRun.of("convolve-nd", "sample:cameraman", memory.toString(), options).exitCode);
		final CliRun run = CliRun.of("convolve-nd", "sample:cameraman", store.toString(), options);
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		final float[] expected = (float[]) IJ.openImage(memory.toString()).getProcessor().getPixels();
		final ZarrArray written = ZarrArray.open(store);
		assertEquals(1, written.depth());
		org.junit.jupiter.api.Assertions.assertArrayEquals(expected, written.plane(0), 1e-4f);
		final CliRun rgb = CliRun.of("convolve-nd", "sample:astronaut", dir.resolve("rgb.zarr").toString(), options);
		assertEquals(ConvolveJCli.USAGE, rgb.exitCode, rgb.toString());
		assertTrue(rgb.err.contains("sample:astronaut has RGB pixels"), rgb.toString());
	}

	/** --compressor none writes the chunks as they are (a .zarray without compressor), with the numbers of zlib's. */
	@Test
	void uncompressedChunksHoldTheSameNumbers() throws IOException {
		final Path zlib = dir.resolve("zlib.zarr"), none = dir.resolve("none.zarr");
		final String options = "kernel=[gaussian(1,1,1)] boundary=mirror";
		final String in = FIXTURES.resolve("u2-zlib.zarr").toString();
		assertEquals(ConvolveJCli.OK, CliRun.of("convolve-nd", in, zlib.toString(), options, "--block", "4,4,3").exitCode);
		final CliRun run = CliRun.of("convolve-nd", in, none.toString(), options, "--block", "4,4,3", "--compressor", "none");
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		assertTrue(Files.readString(none.resolve(".zarray")).contains("\"compressor\": null"));
		assertEquals(4 * 3 * 4 * 4, Files.size(none.resolve("0.0.0")), "a chunk of 3 x 4 x 4 float32 as it is");
		final ZarrArray a = ZarrArray.open(zlib), b = ZarrArray.open(none);
		for (int z = 0; z < a.depth(); z++)
			org.junit.jupiter.api.Assertions.assertArrayEquals(a.plane(z), b.plane(z));
		final CliRun bad = CliRun.of("convolve-nd", in, dir.resolve("lz4.zarr").toString(), options, "--compressor", "lz4");
		assertEquals(ConvolveJCli.USAGE, bad.exitCode);
		assertTrue(bad.err.contains("zlib or none"), bad.toString());
	}

	@Test
	void damagedOrUnsupportedArraysAreRefused() throws IOException {
		// a chunk cut short
		final Path cut = copy("u2-zlib.zarr");
		final Path chunk = cut.resolve("1.1.1");
		final byte[] bytes = Files.readAllBytes(chunk);
		Files.write(chunk, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		final CliRun damaged = CliRun.of("convolve-nd", cut.toString(), dir.resolve("o1") + "/", "kernel=box(3)");
		assertEquals(ConvolveJCli.FAILURE, damaged.exitCode, damaged.toString());
		assertTrue(damaged.err.contains("chunk 1.1.1") && damaged.err.contains("damaged"), damaged.toString());
		// an unsupported data type and compressor
		final Path i8 = copy("u1-none.zarr");
		Files.writeString(i8.resolve(".zarray"), Files.readString(i8.resolve(".zarray")).replace("|u1", "<i8"));
		assertTrue(assertThrows(IOException.class, () -> ZarrArray.open(i8)).getMessage().contains("data type is <i8"));
		final Path blosc = copy("f4-gzip.zarr");
		Files.writeString(blosc.resolve(".zarray"), Files.readString(blosc.resolve(".zarray")).replace("\"gzip\"", "\"blosc\""));
		assertTrue(assertThrows(IOException.class, () -> ZarrArray.open(blosc)).getMessage().contains("compressor is blosc"));
		// the input is never touched
		assertEquals(bytes.length / 2, Files.size(chunk));
	}

	private Path copy(final String name) throws IOException {
		final Path to = dir.resolve(name);
		try (Stream< Path > files = Files.walk(FIXTURES.resolve(name))) {
			for (final Path p : (Iterable< Path >) files::iterator) {
				final Path target = to.resolve(FIXTURES.resolve(name).relativize(p).toString());
				if (Files.isDirectory(p))
					Files.createDirectories(target);
				else
					Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return to;
	}
}
