package io.github.convolvej.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import net.imglib2.Interval;

/**
 * A folder of 32-bit TIFF planes {@code plane_00000.tif}, ..., each written
 * whole under its final name (see {@link SafeWrite}); blocks are whole
 * planes, as a TIFF plane is written whole.
 */
final class TiffPlaneSink implements BlockSink {

	private static final Pattern PLANE = Pattern.compile("plane_(\\d{5})\\.tif");

	private final Path out;

	TiffPlaneSink(final Path out) {
		this.out = out;
	}

	static String planeName(final long z) {
		return String.format(Locale.ROOT, "plane_%05d.tif", z);
	}

	@Override
	public long[] begin(final long[] size, final long[] block, final RunRecord record) throws IOException {
		final long[] planes = attach(size, block);
		Files.createDirectories(out);
		checkOutputFolder(size[2], record.resume());
		record.checkAndWrite(out.resolve(".convolvej.json"), out);
		return planes;
	}

	@Override
	public long[] attach(final long[] size, final long[] block) {
		if (block[0] > 0 && block[0] < size[0] || block[1] > 0 && block[1] < size[1])
			throw new UsageException("A folder of TIFF planes is written a whole plane at a time: give --block Z (planes per block), or write a .zarr output to cut the planes into tiles with --block X,Y,Z.");
		return new long[] { size[0], size[1], block[2] > 0 ? block[2] : 16 };
	}

	@Override
	public boolean written(final Interval block) {
		for (long z = block.min(2); z <= block.max(2); z++)
			if (!Files.isRegularFile(out.resolve(planeName(z))))
				return false;
		return true;
	}

	@Override
	public void write(final Interval block, final float[] values) throws IOException {
		final int width = (int) block.dimension(0), height = (int) block.dimension(1), planeValues = width * height;
		for (int i = 0; i < block.dimension(2); i++) {
			final float[] plane = Arrays.copyOfRange(values, i * planeValues, (i + 1) * planeValues);
			final ImagePlus imp = new ImagePlus("plane", new FloatProcessor(width, height, plane));
			final Path target = out.resolve(planeName(block.min(2) + i));
			SafeWrite.write(target, file -> {
				if (!new FileSaver(imp).saveAsTiff(file.toString()))
					throw new IOException("Could not write " + target + ".");
			});
		}
	}

	/** Without --resume the folder must hold no planes; with it, only planes of this run's numbering. */
	private void checkOutputFolder(final long depth, final boolean resume) throws IOException {
		try (var list = Files.list(out)) {
			for (final Path p : (Iterable< Path >) list::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith(".")) {
					// a plane whose writing was cut short: written again
					if (resume && name.matches("\\.plane_\\d{5}\\.tif\\..*\\.partial\\.tif"))
						Files.delete(p);
					continue;
				}
				if (!resume)
					throw new UsageException("The output folder " + out + " is not empty (it holds " + name + "). Give an empty or new folder, or --resume to finish a run that was stopped.");
				final Matcher m = PLANE.matcher(name);
				if (!m.matches() || Long.parseLong(m.group(1)) >= depth)
					throw new UsageException("The output folder " + out + " holds " + name + ", which this run would not write: --resume continues only the same run. Give an empty or new folder.");
			}
		}
	}
}
