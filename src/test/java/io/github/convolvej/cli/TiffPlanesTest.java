package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.ConvolutionResult;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.OutputMode;
import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A folder of TIFF planes filtered a few planes at a time gives the numbers
 * of the whole volume in memory, on every mode and boundary, with kernels
 * deeper than a block; a run killed for real and resumed gives the bytes of
 * an uninterrupted run.
 */
class TiffPlanesTest {

	private static final String KERNEL = "1 2 1; 0 1 -1 | 2 0 1; 1 1 1 | 0 1 0; 3 -1 2 | 1 0 0; 0 0 1 | 1 1 1; 1 1 1";

	@TempDir
	Path dir;

	/** A volume of whole numbers, written as planes z1.tif, z2.tif, ..., z10.tif, ... (natural order). */
	private Img< FloatType > volume(final Path folder, final int w, final int h, final int d, final long seed) throws IOException {
		Files.createDirectories(folder);
		final Img< FloatType > img = ArrayImgs.floats(w, h, d);
		final Random rnd = new Random(seed);
		for (final FloatType t : img)
			t.set(rnd.nextInt(100));
		final Cursor< FloatType > c = img.cursor();
		for (int z = 0; z < d; z++) {
			final float[] plane = new float[w * h];
			for (int i = 0; i < plane.length; i++)
				plane[i] = c.next().get();
			assertTrue(new FileSaver(new ImagePlus("z", new FloatProcessor(w, h, plane))).saveAsTiff(folder.resolve("z" + (z + 1) + ".tif").toString()));
		}
		return img;
	}

	private static List< float[] > planes(final Path folder, final int count) {
		final List< float[] > out = new ArrayList<>();
		for (int z = 0; z < count; z++) {
			final ImagePlus imp = IJ.openImage(folder.resolve(TiffPlaneSink.planeName(z)).toString());
			out.add((float[]) imp.getProcessor().getPixels());
		}
		return out;
	}

	@Test
	void blocksOfPlanesGiveTheWholeVolumesNumbers() throws IOException {
		final Path in = dir.resolve("in");
		final Img< FloatType > img = volume(in, 13, 9, 11, 1);
		final Kernel k = Kernel.parse(KERNEL);
		int run = 0;
		for (final OutputMode mode : OutputMode.values())
			for (final Boundary b : Boundary.values()) {
				final Path out = dir.resolve("out" + run++);
				final String options = "kernel=[" + KERNEL + "] mode=" + mode.label() + " boundary=" + b.label() + " value=2.5 algorithm=Direct";
				final CliRun r = CliRun.of("convolve-nd", in.toString(), out.toString(), options, "--block", "2");
				assertEquals(ConvolveJCli.OK, r.exitCode, r.toString());
				final ConvolutionResult< FloatType > expected = Convolution.apply(img, k, ConvolutionOptions.convolve().mode(mode).boundary(b).fillValue(2.5));
				final long[] dims = expected.real().dimensionsAsLongArray();
				final List< float[] > got = planes(out, (int) dims[2]);
				assertEquals(dims[2], new File(out.toString()).list((folder, name) -> !name.startsWith(".")).length, mode + " " + b + ": one file per output plane");
				final Cursor< FloatType > e = expected.real().cursor();
				for (final float[] plane : got) {
					assertEquals(dims[0] * dims[1], plane.length);
					for (final float v : plane)
						assertEquals(e.next().get(), v, 1e-4, mode + " " + b);
				}
			}
	}

	/**
	 * Tiles along x, y and z (a Zarr output cut into blocks of 3 x 2 x 2,
	 * smaller than the kernel on every axis) give the whole volume's numbers
	 * on every mode and boundary: wrap and symm reach across the true borders
	 * from many blocks, and the halo of an inner block is its neighbours'.
	 */
	@Test
	void tilesOfAZarrOutputGiveTheWholeVolumesNumbers() throws IOException {
		final Path in = dir.resolve("in");
		final Img< FloatType > img = volume(in, 13, 9, 11, 3);
		final String kernel = KERNEL + " | 1 0 2; 2 1 0";
		int run = 0;
		for (final OutputMode mode : OutputMode.values())
			for (final Boundary b : Boundary.values()) {
				final Path out = dir.resolve("tiles" + run++ + ".zarr");
				final String options = "kernel=[" + kernel + "] mode=" + mode.label() + " boundary=" + b.label() + " value=2.5 algorithm=Direct";
				final CliRun r = CliRun.of("convolve-nd", in.toString(), out.toString(), options, "--block", "3,2,2", "--threads", "3");
				assertEquals(ConvolveJCli.OK, r.exitCode, r.toString());
				final Img< FloatType > expected = Convolution.apply(img, Kernel.parse(kernel), ConvolutionOptions.convolve().mode(mode).boundary(b).fillValue(2.5)).real();
				final ZarrArray written = ZarrArray.open(out);
				assertArrayEquals(new int[] { 2, 2, 3 }, written.chunks(), "chunks of the tile asked for (z, y, x)");
				assertEquals(expected.dimension(2), written.depth());
				final Cursor< FloatType > e = expected.cursor();
				for (int z = 0; z < written.depth(); z++)
					for (final float v : written.plane(z))
						assertEquals(e.next().get(), v, 1e-4, mode + " " + b);
			}
		// a folder of TIFF planes is written a plane at a time: tiles are refused, nothing written
		final CliRun refused = CliRun.of("convolve-nd", in.toString(), dir.resolve("planes-out") + "/", "kernel=[" + kernel + "]", "--block", "3,2,2");
		assertEquals(ConvolveJCli.USAGE, refused.exitCode, refused.toString());
		assertTrue(refused.err.contains("whole plane") && refused.err.contains(".zarr"), refused.toString());
		assertEquals(ConvolveJCli.USAGE, CliRun.of("convolve-nd", in.toString(), dir.resolve("o.zarr").toString(), "kernel=[1 2 1]", "--block", "3,0,2").exitCode);
	}

	/** The terminal's progress line: blocks, megabytes of output done, the rate of what was computed, the time left. */
	@Test
	void theProgressLineSaysBlocksRateAndTimeLeft() {
		assertEquals("\rblocks 3 / 16, 12.0 / 64.0 MB, 6.0 MB/s, about 9 s left   ", BlockRun.progressLine(3, 16, 3_000_000, 16_000_000, 3_000_000, 2.0));
		assertEquals("\rblocks 1 / 16, 4.0 / 64.0 MB, 0.5 MB/s, about 2 min 0 s left   ", BlockRun.progressLine(1, 16, 1_000_000, 16_000_000, 1_000_000, 8.0));
		assertEquals("\rblocks 16 / 16, 64.0 / 64.0 MB, 6.4 MB/s   ", BlockRun.progressLine(16, 16, 16_000_000, 16_000_000, 16_000_000, 10.0));
		// a resumed run that found everything written computed nothing: no rate
		assertEquals("\rblocks 16 / 16, 64.0 / 64.0 MB   ", BlockRun.progressLine(16, 16, 16_000_000, 16_000_000, 0, 0.1));
	}

	@Test
	void aMultiPageTiffIsReadPlaneByPlane() throws IOException {
		final Img< FloatType > img = volume(dir.resolve("planes"), 12, 10, 9, 4);
		final ij.ImageStack stack = new ij.ImageStack(12, 10);
		final Cursor< FloatType > c = img.cursor();
		for (int z = 0; z < 9; z++) {
			final float[] plane = new float[120];
			for (int i = 0; i < plane.length; i++)
				plane[i] = c.next().get();
			stack.addSlice(new FloatProcessor(12, 10, plane).convertToShortProcessor(false));
		}
		final Path tif = dir.resolve("stack.tif");
		assertTrue(new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(tif.toString()));
		final Path out = dir.resolve("out");
		final CliRun r = CliRun.of("correlate-nd", tif.toString(), out + "/", "kernel=[" + KERNEL + "] boundary=mirror", "--block", "4");
		assertEquals(ConvolveJCli.OK, r.exitCode, r.toString());
		final ConvolutionResult< FloatType > expected = Convolution.apply(img, Kernel.parse(KERNEL), ConvolutionOptions.correlate().boundary(Boundary.MIRROR));
		final Cursor< FloatType > e = expected.real().cursor();
		for (final float[] plane : planes(out, 9))
			for (final float v : plane)
				assertEquals(e.next().get(), v, 1e-4);
		// channels or time points are refused, not read as z
		final ImagePlus hyper = IJ.createHyperStack("hyper", 8, 6, 2, 3, 1, 16);
		final Path h = dir.resolve("hyper.tif");
		assertTrue(new FileSaver(hyper).saveAsTiffStack(h.toString()));
		final CliRun refused = CliRun.of("convolve-nd", h.toString(), dir.resolve("hyperout").toString() + "/", "kernel=box(3)");
		assertEquals(ConvolveJCli.USAGE, refused.exitCode, refused.toString());
		assertTrue(refused.err.contains("2 channels"), refused.toString());
	}

	@Test
	void aNonEmptyOutputFolderIsRefusedWithoutResume() throws IOException {
		final Path in = dir.resolve("in"), out = Files.createDirectories(dir.resolve("out"));
		volume(in, 8, 6, 4, 2);
		Files.writeString(out.resolve("notes.txt"), "mine");
		final CliRun r = CliRun.of("convolve-nd", in.toString(), out.toString(), "kernel=box(3)");
		assertEquals(ConvolveJCli.USAGE, r.exitCode, r.toString());
		assertTrue(r.err.contains("is not empty"), r.toString());
		assertEquals("mine", Files.readString(out.resolve("notes.txt")));
		final CliRun same = CliRun.of("convolve-nd", in.toString(), in.toString(), "kernel=box(3)");
		assertEquals(ConvolveJCli.USAGE, same.exitCode, same.toString());
	}

	@Test
	void aRunKilledForRealThenResumedEqualsAnUninterruptedRun() throws IOException, InterruptedException {
		final Path in = dir.resolve("in");
		final int depth = 40;
		volume(in, 200, 150, depth, 3);
		final String options = "kernel=[gaussian(1.5,1.5,1.5)] boundary=symm algorithm=Direct";
		final Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
		// both runs in JVMs of their own, as users run them (ImageJ's byte order for TIFFs is a preference of the JVM)
		assertEquals(ConvolveJCli.OK, CliRun.inChildJvm(dir, 60, "convolve-nd", in.toString(), whole.toString(), options, "--block", "1").exitCode);

		final List< String > command = new ArrayList<>(List.of(new File(System.getProperty("java.home"), "bin/java").getPath(), "-cp", System.getProperty("java.class.path"),
				"-Djava.awt.headless=true", ConvolveJCli.class.getName(), "convolve-nd", in.toString(), killed.toString(), options, "--block", "1"));
		final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
		// kill it, without warning, once some planes are written and others not
		final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (p.isAlive() && System.nanoTime() < deadline && count(killed) < 3)
			Thread.sleep(5);
		p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		final int before = count(killed);
		assertTrue(before >= 3 && before < depth, "the run was killed while writing (" + before + " planes of " + depth + ")");
		// what a kill in the middle of a write leaves: a temporary file, never a plane under its final name
		Files.write(killed.resolve("." + TiffPlaneSink.planeName(before) + ".123.partial.tif"), new byte[] { 'I', 'I' });

		final CliRun resumed = CliRun.inChildJvm(dir, 60, "convolve-nd", in.toString(), killed.toString(), options, "--block", "1", "--resume");
		assertEquals(ConvolveJCli.OK, resumed.exitCode, resumed.toString());
		for (int z = 0; z < depth; z++) {
			final String name = TiffPlaneSink.planeName(z);
			assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(killed.resolve(name)), name);
		}
		try (var files = Files.list(killed)) {
			assertEquals(depth, files.filter(f -> !f.getFileName().toString().equals(".convolvej.json")).count(), "no temporary file left");
		}
	}

	/**
	 * --resume finishes only the run that made the store: another kernel (an
	 * output of the same size) is refused, naming both runs, and nothing is
	 * written; the same options, defaults written out or not, resume.
	 */
	@Test
	void aResumeWithOtherOptionsIsRefused() throws IOException {
		final Path in = dir.resolve("volume.tif");
		final ImagePlus volume = IJ.createImage("volume", "32-bit ramp", 12, 9, 5);
		new ij.io.FileSaver(volume).saveAsTiffStack(in.toString());
		for (final String store : new String[] { "planes/", "store.zarr" }) {
			final Path out = dir.resolve(store);
			final CliRun first = CliRun.of("convolve-nd", in.toString(), out + "/", "kernel=laplace", "--block", "2");
			assertEquals(ConvolveJCli.OK, first.exitCode, first.toString());
			final byte[] record = Files.readAllBytes(out.resolve(store.endsWith(".zarr") ? ".zattrs" : ".convolvej.json"));
			assertTrue(new String(record, java.nio.charset.StandardCharsets.UTF_8).contains("kernel=laplace"), store);
			final List< String > before = names(out);
			final CliRun other = CliRun.of("convolve-nd", in.toString(), out + "/", "kernel=[gaussian(1)]", "--block", "2", "--resume");
			assertEquals(ConvolveJCli.USAGE, other.exitCode, other.toString());
			assertTrue(other.err.contains("was made by convolve-nd " + in.toAbsolutePath()) && other.err.contains("kernel=laplace")
					&& other.err.contains("not by this run") && other.err.contains("gaussian(1)"), other.toString());
			assertEquals(before, names(out), "nothing written or removed");
			final CliRun same = CliRun.of("convolve-nd", in.toString(), out + "/", "kernel=laplace mode=same boundary=symm", "--block", "2", "--resume");
			assertEquals(ConvolveJCli.OK, same.exitCode, same.toString());
			assertArrayEquals(record, Files.readAllBytes(out.resolve(store.endsWith(".zarr") ? ".zattrs" : ".convolvej.json")));
		}
		// a folder of planes left with its record only (stopped before its first plane) takes a new run
		final Path planes = dir.resolve("planes");
		try (var files = Files.list(planes)) {
			for (final Path f : (Iterable< Path >) files::iterator)
				if (!f.getFileName().toString().startsWith("."))
					Files.delete(f);
		}
		final CliRun fresh = CliRun.of("convolve-nd", in.toString(), planes + "/", "kernel=[gaussian(1)]", "--block", "2");
		assertEquals(ConvolveJCli.OK, fresh.exitCode, fresh.toString());
		assertTrue(Files.readString(planes.resolve(".convolvej.json")).contains("gaussian(1)"));
	}

	private static List< String > names(final Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
		}
	}

	private static int count(final Path folder) throws IOException {
		if (!Files.isDirectory(folder))
			return 0;
		try (var files = Files.list(folder)) {
			return (int) files.filter(f -> f.getFileName().toString().startsWith("plane_")).count();
		}
	}
}
