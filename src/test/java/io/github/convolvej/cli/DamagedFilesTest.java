package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

/**
 * Damaged inputs and outputs that cannot be written: the command fails with
 * a message, leaves no partial file and never changes its input.
 */
class DamagedFilesTest {

	@TempDir
	Path dir;

	@Test
	void theOutputMayNotBeTheInput() throws IOException {
		final Path in = tiff("in.tif", IJ.createImage("ramp", "32-bit ramp", 32, 24, 1));
		final byte[] before = Files.readAllBytes(in);
		final CliRun run = CliRun.of("convolve-nd", in.toString(), dir.resolve("./in.tif").toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
		assertTrue(run.err.contains("never overwrites its input"), run.toString());
		assertArrayEquals(before, Files.readAllBytes(in));
	}

	@Test
	void aFailedWriteLeavesTheOldFileAndNoPartialOne() throws IOException {
		final Path target = Files.write(dir.resolve("out.csv"), "old\n".getBytes());
		assertThrows(IOException.class, () -> SafeWrite.write(target, file -> {
			Files.write(file, "half a tab".getBytes());
			throw new IOException("No space left on device");
		}));
		assertEquals("old\n", Files.readString(target));
		assertEquals(1, files(), "no temporary file left beside it");
	}

	@Test
	void aWrittenFileReplacesTheOldOneWhole() throws IOException {
		final Path in = tiff("in.tif", IJ.createImage("ramp", "32-bit ramp", 32, 24, 1));
		final Path out = Files.write(dir.resolve("out.tif"), new byte[] { 1, 2, 3 });
		final CliRun run = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		final ImagePlus written = IJ.openImage(out.toString());
		assertEquals(32, written.getWidth());
		assertEquals(2, files());
	}

	@Test
	void aTruncatedTiffIsRefused() throws IOException {
		final Path in = tiff("cut.tif", IJ.createImage("ramp", "32-bit ramp", 64, 64, 1));
		truncate(in, Files.size(in) / 2);
		assertRefused(in, "cut short");
	}

	/** A valid TIFF that ImageJ's reader does not support (tifffile's default for an (h, w, 3) float array) is not called damaged. */
	@Test
	void aKindOfTiffImageJCannotOpenIsNamedNotCalledDamaged() throws IOException, java.net.URISyntaxException {
		final Path in = Files.copy(Path.of(getClass().getResource("/tiff/interleaved-float-rgb.tif").toURI()), dir.resolve("rgb-float.tif"));
		assertRefused(in, "a kind of TIFF ImageJ cannot open (ImageJ cannot open interleaved 32-bit images.)");
		assertFalse(CliRun.of("convolve-nd", in.toString(), dir.resolve("out.tif").toString(), "kernel=laplace").err.contains("damaged"));
	}

	@Test
	void aStackCutShortIsRefused() throws IOException {
		final Path in = tiff("stack.tif", IJ.createImage("stack", "8-bit ramp", 40, 30, 1000));
		truncate(in, Files.size(in) / 8);
		assertRefused(in, "x 1000 planes");
	}

	@Test
	void aHeaderPromisingGigabytesIsRefusedBeforeAllocating() throws IOException {
		final Path in = Files.write(dir.resolve("huge.tif"), tinyTiffClaiming(20000, 20000));
		assertTrue(Files.size(in) < 200);
		assertRefused(in, "20000 x 20000");
	}

	@Test
	void aTagClaimingABillionValuesIsRefusedAtOnce() throws IOException {
		// ImageJ's reader would loop over 1.4 billion strip offsets before giving up
		final Path in = Files.write(dir.resolve("billion.tif"), tinyTiff(4, 4, 1_409_286_145, 16));
		org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> assertRefused(in, "tag 273 claims 1409286145 values"));
	}

	@Test
	void stripsHoldingLessThanAPlaneAreRefused() throws IOException {
		// 83 MB of pixels promised, 16 bytes of strips given: ImageJ would allocate the plane and fill it with zeros
		final Path in = Files.write(dir.resolve("wide.tif"), tinyTiff(16_711_689, 5, 1, 16));
		assertRefused(in, "strips hold only 16 bytes");
	}

	@Test
	void noMatchStillWritesTheHeader() throws IOException {
		final ImagePlus image = IJ.createImage("image", "32-bit ramp", 40, 30, 1);
		final Path img = tiff("image.tif", image);
		image.setRoi(5, 5, 6, 6);
		final Path tpl = tiff("template.tif", image.crop());
		final Path csv = dir.resolve("m.csv");
		final CliRun run = CliRun.of("match-template", img.toString(), tpl.toString(), "--csv", csv.toString(), "threshold=2 method=[Normalized correlation coefficient]");
		assertEquals(ConvolveJCli.OK, run.exitCode, run.toString());
		assertEquals("X,Y,BX,BY,Width,Height,Score\n", Files.readString(csv));
	}

	@Test
	void anUnwritableScoreMapPrintsNoTable() throws IOException {
		final ImagePlus image = IJ.createImage("image", "32-bit ramp", 40, 30, 1);
		final Path img = tiff("image.tif", image);
		image.setRoi(5, 5, 6, 6);
		final Path tpl = tiff("template.tif", image.crop());
		final Path notAFolder = Files.write(dir.resolve("file"), new byte[1]);
		final CliRun run = CliRun.of("match-template", img.toString(), tpl.toString(), "--scores", notAFolder.resolve("scores.tif").toString());
		assertEquals(ConvolveJCli.FAILURE, run.exitCode, run.toString());
		assertEquals("", run.out, "nothing printed before the failure");
	}

	@Test
	void unknownOrRepeatedKeysAreUsageErrors() {
		for (final String options : new String[] { "kernel=laplace modee=full", "kernel=laplace mode=full mode=valid" }) {
			final CliRun run = CliRun.of("convolve-nd", "sample:cameraman", dir.resolve("o.tif").toString(), options);
			assertEquals(ConvolveJCli.USAGE, run.exitCode, run.toString());
			assertTrue(run.err.contains("mode"), run.toString());
			assertFalse(Files.exists(dir.resolve("o.tif")));
		}
		final CliRun match = CliRun.of("match-template", "sample:cameraman", "sample:cameraman", "methd=ccoeff");
		assertEquals(ConvolveJCli.USAGE, match.exitCode, match.toString());
		assertTrue(match.err.contains("did you mean 'method'"), match.toString());
	}

	private void assertRefused(final Path in, final String detail) throws IOException {
		final byte[] before = Files.readAllBytes(in);
		final Path out = dir.resolve("out.tif");
		final CliRun run = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=laplace");
		assertEquals(ConvolveJCli.FAILURE, run.exitCode, run.toString());
		assertTrue(run.err.contains(detail) && run.err.startsWith("convolvej: Cannot read"), run.toString());
		assertFalse(Files.exists(out), "no output");
		assertArrayEquals(before, Files.readAllBytes(in));
	}

	/** A little-endian TIFF of a few dozen bytes whose one strip claims width x height 8-bit pixels. */
	private static byte[] tinyTiffClaiming(final int width, final int height) {
		return tinyTiff(width, height, 1, (long) width * height);
	}

	/** An 8-bit TIFF of 16 pixel bytes whose header claims a size, a number of strip offsets and the bytes of its strips. */
	private static byte[] tinyTiff(final int width, final int height, final int stripOffsets, final long stripBytes) {
		final short[][] entries = { { 256, 4 }, { 257, 4 }, { 258, 3 }, { 259, 3 }, { 262, 3 }, { 273, 4 }, { 277, 3 }, { 278, 4 }, { 279, 4 } };
		final long[] values = { width, height, 8, 1, 1, 0, 1, height, stripBytes };
		final int ifd = 8, dataStart = ifd + 2 + entries.length * 12 + 4;
		values[5] = dataStart;
		final ByteBuffer b = ByteBuffer.allocate(dataStart + 16).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		b.putShort((short) entries.length);
		for (int i = 0; i < entries.length; i++) {
			b.putShort(entries[i][0]).putShort(entries[i][1]).putInt(entries[i][0] == 273 ? stripOffsets : 1);
			if (entries[i][1] == 3)
				b.putShort((short) values[i]).putShort((short) 0);
			else
				b.putInt((int) values[i]);
		}
		b.putInt(0);
		return b.array();
	}

	private Path tiff(final String name, final ImagePlus image) {
		final Path path = dir.resolve(name);
		assertTrue(new FileSaver(image).saveAsTiff(path.toString()));
		return path;
	}

	private static void truncate(final Path file, final long length) throws IOException {
		Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) length));
	}

	private long files() throws IOException {
		try (Stream< Path > s = Files.list(dir)) {
			return s.count();
		}
	}
}
