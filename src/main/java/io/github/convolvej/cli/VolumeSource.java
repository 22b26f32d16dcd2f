package io.github.convolvej.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import io.github.convolvej.core.Boundary;
import net.imglib2.Interval;

/**
 * A volume on disk read a box at a time: a folder of 2-D TIFF planes (an
 * image sequence, one z plane per file, in natural name order), a
 * multi-page TIFF, the planes of an ImageJ stack, or a Zarr v2 array. A
 * block's source box may reach beyond the volume; {@link #readExtended}
 * fills it by the boundary rule of the whole volume, reading each part of
 * the volume it needs once.
 */
final class VolumeSource {

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	/** Reads the box from {@code min} (x, y, z) of {@code size} values, inside the volume, x fastest, into {@code into} from {@code offset}. */
	@FunctionalInterface
	private interface BoxReader {
		void read(long[] min, int[] size, float[] into, int offset) throws IOException;
	}

	/** Reads plane {@code z} (0-based) whole, as 32-bit values. */
	@FunctionalInterface
	private interface PlaneReader {
		float[] read(int z) throws IOException;
	}

	private final BoxReader reader;
	private final long width, height, depth;

	private VolumeSource(final BoxReader reader, final long width, final long height, final long depth) {
		this.reader = reader;
		this.width = width;
		this.height = height;
		this.depth = depth;
	}

	/**
	 * Opens a Zarr array, a folder of TIFF planes or a multi-page TIFF, by what
	 * the path holds, or a bundled sample ({@code sample:NAME}) as one plane.
	 */
	static VolumeSource open(final String input) throws IOException {
		if (input.startsWith(ImageFiles.SAMPLE_PREFIX)) {
			final ImagePlus sample = grayPlanes(ImageFiles.read(input), input);
			return ofStack(sample.getStack(), sample.getWidth(), sample.getHeight());
		}
		final Path path = Path.of(input);
		return ZarrArray.isZarr(path) ? openZarr(path) : Files.isDirectory(path) ? openFolder(path) : openStack(path);
	}

	/** A Zarr v2 array, read by chunks (decoded chunks shared by neighbouring blocks). */
	static VolumeSource openZarr(final Path folder) throws IOException {
		final ZarrArray zarr = ZarrArray.open(folder);
		return new VolumeSource(zarr::readBox, zarr.width(), zarr.height(), zarr.depth());
	}

	/** A multi-page TIFF (one channel, z planes) read plane by plane through ImageJ's virtual stack, never whole. */
	static VolumeSource openStack(final Path file) throws IOException {
		if (!Files.isRegularFile(file))
			throw new java.io.FileNotFoundException("No such image file: " + file);
		TiffCheck.check(file.toFile());
		final ImagePlus stack = IJ.openVirtual(file.toString());
		if (stack == null)
			throw new IOException("Cannot read " + file + ": ImageJ could not open it as a TIFF stack.");
		grayPlanes(stack, file.toString());
		return ofStack(stack.getStack(), stack.getWidth(), stack.getHeight());
	}

	/** The image, which plane by plane must be one gray channel of z planes; refused with a message otherwise. */
	private static ImagePlus grayPlanes(final ImagePlus image, final String name) {
		if (image.getBitDepth() == 24)
			throw new UsageException(name + " has RGB pixels; plane by plane it must be one gray channel of z planes. Convert it first (Image > Type > 32-bit, or Image > Color > Split Channels).");
		if (image.getNChannels() > 1 || image.getNFrames() > 1)
			throw new UsageException(name + " has " + image.getNChannels() + " channels and " + image.getNFrames()
					+ " time points; plane by plane it must be one gray channel of z planes. Split it first (Image > Color > Split Channels, Image > Stacks > Tools > Reduce).");
		return image;
	}

	/** The planes of an ImageJ stack (a virtual stack reads each from disk when asked), as 32-bit values. */
	static VolumeSource ofStack(final ImageStack stack, final int width, final int height) {
		return ofPlanes(z -> (float[]) stack.getProcessor(z + 1).convertToFloatProcessor().getPixels(), width, height, stack.getSize());
	}

	/** The TIFF planes of a folder, all of one size; refused with a message otherwise. */
	static VolumeSource openFolder(final Path folder) throws IOException {
		final List< Path > files = new ArrayList<>();
		try (var list = Files.list(folder)) {
			list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?") && !p.getFileName().toString().startsWith("."))
					.forEach(files::add);
		}
		if (files.isEmpty())
			throw new IOException("Cannot read " + folder + ": the folder holds no .tif planes.");
		files.sort(VolumeSource::naturalOrder);
		final ImagePlus first = ImageFiles.read(files.get(0).toString());
		if (first.getStackSize() != 1)
			throw new IOException("Cannot read " + folder + ": " + files.get(0).getFileName() + " has " + first.getStackSize()
					+ " planes; a folder of planes holds one plane per file.");
		final int w = first.getWidth(), h = first.getHeight();
		return ofPlanes(z -> readPlane(files.get(z), w, h), w, h, files.size());
	}

	/** Planes read whole (a TIFF plane cannot be read in part) and kept while there is room: tiles of a plane read it once. */
	private static VolumeSource ofPlanes(final PlaneReader planes, final int width, final int height, final int depth) {
		final DecodedCache< Integer > cache = new DecodedCache<>(DecodedCache.shareOfTheHeap());
		return new VolumeSource((min, size, into, offset) -> {
			for (int z = 0; z < size[2]; z++) {
				final int plane = (int) min[2] + z;
				final float[] values = cache.part(plane, 0, () -> new float[][] { planes.read(plane) });
				for (int y = 0; y < size[1]; y++)
					System.arraycopy(values, (int) ((min[1] + y) * width + min[0]), into, offset + (z * size[1] + y) * size[0], size[0]);
			}
		}, width, height, depth);
	}

	long width() {
		return width;
	}

	long height() {
		return height;
	}

	long depth() {
		return depth;
	}

	/**
	 * Reads the box {@code box} (x, y, z; it may reach beyond the volume) into
	 * {@code into}, x fastest: inside the volume its values, outside what
	 * {@code boundary} gives there for the whole volume ({@code fill} for
	 * {@link Boundary#FILL}). Each axis is cut into runs of positions that
	 * read consecutive volume positions (forwards, or backwards in a mirror),
	 * and each combination of runs is one box read from the store.
	 */
	void readExtended(final Interval box, final Boundary boundary, final double fill, final float[] into) throws IOException {
		final long[] sizes = { width, height, depth };
		final int[] size = new int[3];
		final List< List< long[] > > runs = new ArrayList<>();
		for (int d = 0; d < 3; d++) {
			size[d] = Math.toIntExact(box.dimension(d));
			runs.add(runs(box.min(d), size[d], sizes[d], boundary));
		}
		for (final long[] rz : runs.get(2))
			for (final long[] ry : runs.get(1))
				for (final long[] rx : runs.get(0))
					copyRun(rx, ry, rz, size, fill, into);
	}

	/**
	 * The runs of one axis: {start in the box, length, first volume position
	 * (-1: fill), step +1, -1 or 0 (one position repeated, as nearest does)}.
	 */
	private static List< long[] > runs(final long min, final int length, final long axis, final Boundary boundary) {
		final List< long[] > runs = new ArrayList<>();
		long[] run = null;
		for (int i = 0; i < length; i++) {
			final long at = boundary.sourceIndex(min + i, axis);
			if (run != null) {
				final boolean continues;
				if (at < 0 || run[2] < 0)
					continues = at < 0 && run[2] < 0;
				else if (run[1] == 1)
					continues = Math.abs(at - run[2]) <= 1;
				else
					continues = at == run[2] + run[3] * run[1];
				if (continues) {
					if (run[1] == 1 && at >= 0)
						run[3] = at - run[2];
					run[1]++;
					continue;
				}
			}
			run = new long[] { i, 1, at, 1 };
			runs.add(run);
		}
		return runs;
	}

	private void copyRun(final long[] rx, final long[] ry, final long[] rz, final int[] size, final double fill, final float[] into) throws IOException {
		final int nx = (int) rx[1], ny = (int) ry[1], nz = (int) rz[1];
		if (rx[2] < 0 || ry[2] < 0 || rz[2] < 0) {
			for (int z = 0; z < nz; z++)
				for (int y = 0; y < ny; y++) {
					final int to = (int) (((rz[0] + z) * size[1] + ry[0] + y) * size[0] + rx[0]);
					Arrays.fill(into, to, to + nx, (float) fill);
				}
			return;
		}
		// the volume box the runs read: from their lowest position, forwards
		final long[] min = { low(rx), low(ry), low(rz) };
		final int[] read = { extent(rx), extent(ry), extent(rz) };
		if (rx[3] == 1 && ry[3] == 1 && rz[3] == 1 && nx == size[0] && ny == size[1]) {
			// forwards along all axes, whole rows and planes of the box: read in place
			reader.read(min, read, into, (int) (rz[0] * size[1] * size[0]));
			return;
		}
		final float[] values = new float[read[0] * read[1] * read[2]];
		reader.read(min, read, values, 0);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				final long vz = rz[2] + rz[3] * z - min[2], vy = ry[2] + ry[3] * y - min[1];
				final int from = (int) ((vz * read[1] + vy) * read[0] + rx[2] - min[0]);
				final int to = (int) (((rz[0] + z) * size[1] + ry[0] + y) * size[0] + rx[0]);
				if (rx[3] > 0)
					System.arraycopy(values, from, into, to, nx);
				else
					for (int x = 0; x < nx; x++)
						into[to + x] = values[(int) (from + rx[3] * x)];
			}
	}

	/** The lowest volume position a run reads. */
	private static long low(final long[] run) {
		return run[3] >= 0 ? run[2] : run[2] - (run[1] - 1);
	}

	/** How many volume positions a run reads. */
	private static int extent(final long[] run) {
		return run[3] == 0 ? 1 : (int) run[1];
	}

	private static float[] readPlane(final Path file, final int width, final int height) throws IOException {
		final ImagePlus imp = ImageFiles.read(file.toString());
		if (imp.getWidth() != width || imp.getHeight() != height || imp.getStackSize() != 1)
			throw new IOException("Cannot read " + file + ": it is " + imp.getWidth() + " x " + imp.getHeight() + " x " + imp.getStackSize()
					+ " but the folder's first plane is " + width + " x " + height + "; every plane must have the same size.");
		return (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
	}

	/** Names with numbers compared by value: plane2 before plane10. */
	static int naturalOrder(final Path a, final Path b) {
		final String x = a.getFileName().toString(), y = b.getFileName().toString();
		final Matcher mx = NUMBER.matcher(x), my = NUMBER.matcher(y);
		int i = 0, j = 0;
		while (i < x.length() && j < y.length()) {
			if (Character.isDigit(x.charAt(i)) && Character.isDigit(y.charAt(j)) && mx.find(i) && my.find(j)) {
				final int c = new java.math.BigInteger(mx.group()).compareTo(new java.math.BigInteger(my.group()));
				if (c != 0)
					return c;
				i = mx.end();
				j = my.end();
			}
			else {
				final int c = Character.compare(x.charAt(i), y.charAt(j));
				if (c != 0)
					return c;
				i++;
				j++;
			}
		}
		return Integer.compare(x.length() - i, y.length() - j);
	}

	static boolean isFolder(final String path) {
		return new File(path).isDirectory();
	}
}
