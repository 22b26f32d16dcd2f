package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * A Zarr v2 array read a box at a time (a block and its halo), as
 * zarr-python, napari and dask write it: the folder holding {@code .zarray},
 * C order, little-endian {@code uint8}, {@code uint16} or {@code float32},
 * compressor none, {@code zlib} or {@code gzip}, no filters; axes
 * {@code (z,y,x)}, or {@code (c,z,y,x)} and {@code (t,c,z,y,x)} with one
 * channel and time point. Written against the Zarr v2 specification: the
 * Java Zarr libraries need jars that are not on Maven Central. A chunk
 * missing from the folder holds the fill value, as the specification says;
 * a chunk of the wrong length is refused.
 */
final class ZarrArray {

	private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

	private final Path folder;
	private final int[] shape, chunks;
	private final String dtype;
	/** 1, 2 or 4: uint8, uint16, float32. */
	private final int bytesPerValue;
	private final String compressor;
	private final double fill;
	private final String separator;
	/** Chunk key of the leading channel and time axes: "0." per axis. */
	private final String prefix;
	/** Decoded chunk planes, shared by the threads reading blocks: neighbouring blocks read the same chunks. */
	private final DecodedCache< String > cache = new DecodedCache<>(DecodedCache.shareOfTheHeap());

	private ZarrArray(final Path folder, final int[] shape, final int[] chunks, final String dtype, final String compressor, final double fill, final String separator, final int leadingAxes) {
		this.folder = folder;
		this.shape = shape;
		this.chunks = chunks;
		this.dtype = dtype;
		this.bytesPerValue = dtype.endsWith("1") ? 1 : dtype.endsWith("2") ? 2 : 4;
		this.compressor = compressor;
		this.fill = fill;
		this.separator = separator;
		this.prefix = ("0" + separator).repeat(leadingAxes);
	}

	static boolean isZarr(final Path folder) {
		return Files.isRegularFile(folder.resolve(".zarray"));
	}

	static ZarrArray open(final Path folder) throws IOException {
		final String json = Files.readString(folder.resolve(".zarray"));
		final int format = (int) number(json, "zarr_format", folder);
		if (format != 2)
			throw refused(folder, "it is Zarr format " + format + "; only version 2 is read");
		int[] shape = ints(json, "shape", folder), chunks = ints(json, "chunks", folder);
		final int leading = shape.length - 3;
		if (shape.length != chunks.length || shape.length < 3 || shape.length > 5)
			throw refused(folder, "it has " + shape.length + " axes; (z,y,x), (c,z,y,x) or (t,c,z,y,x) are read");
		for (int d = 0; d < shape.length - 3; d++)
			if (shape[d] != 1)
				throw refused(folder, "axis " + d + " (a channel or time axis) has size " + shape[d] + "; give one channel and time point, e.g. a[0, 0] written as its own array");
		shape = Arrays.copyOfRange(shape, shape.length - 3, shape.length);
		chunks = Arrays.copyOfRange(chunks, chunks.length - 3, chunks.length);
		final String dtype = string(json, "dtype", folder);
		if (!Arrays.asList("|u1", "<u1", "<u2", "<f4").contains(dtype))
			throw refused(folder, "its data type is " + dtype + "; uint8 (|u1), uint16 (<u2) and float32 (<f4) are read");
		if (!"C".equals(string(json, "order", folder)))
			throw refused(folder, "its order is F; C order is read");
		if (!Pattern.compile("\"filters\"\\s*:\\s*null").matcher(json).find())
			throw refused(folder, "it has filters; arrays without filters are read");
		final Matcher c = Pattern.compile("\"compressor\"\\s*:\\s*(null|\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\")").matcher(json);
		if (!c.find())
			throw refused(folder, "its .zarray names no compressor");
		final String compressor = c.group(2);
		if (compressor != null && !compressor.equals("zlib") && !compressor.equals("gzip"))
			throw refused(folder, "its compressor is " + compressor + "; none, zlib and gzip are read");
		final Matcher f = Pattern.compile("\"fill_value\"\\s*:\\s*(null|\"NaN\"|-?[0-9.eE+-]+)").matcher(json);
		final double fill = !f.find() || f.group(1).equals("null") ? 0 : f.group(1).equals("\"NaN\"") ? Double.NaN : Double.parseDouble(f.group(1));
		final Matcher s = Pattern.compile("\"dimension_separator\"\\s*:\\s*\"([./])\"").matcher(json);
		return new ZarrArray(folder, shape, chunks, dtype, compressor, fill, s.find() ? s.group(1) : ".", leading);
	}

	int depth() {
		return shape[0];
	}

	/** Chunk sizes along z, y, x. */
	int[] chunks() {
		return chunks.clone();
	}

	int height() {
		return shape[1];
	}

	int width() {
		return shape[2];
	}

	/** Plane {@code z} as 32-bit values, x fastest. */
	float[] plane(final int z) throws IOException {
		final float[] plane = new float[width() * height()];
		readBox(new long[] { 0, 0, z }, new int[] { width(), height(), 1 }, plane, 0);
		return plane;
	}

	/**
	 * Reads the box from {@code min} (x, y, z) of {@code size} values along
	 * x, y, z into {@code into} from {@code offset}, x fastest. The box lies
	 * inside the array. Safe to call from several threads; decoded chunk
	 * planes are shared.
	 */
	void readBox(final long[] min, final int[] size, final float[] into, final int offset) throws IOException {
		// chunk axes are z, y, x; box axes x, y, z
		final int cz = chunks[0], cy = chunks[1], cx = chunks[2];
		final long x1 = min[0] + size[0], y1 = min[1] + size[1], z1 = min[2] + size[2];
		for (long kz = min[2] / cz; kz * cz < z1; kz++)
			for (long ky = min[1] / cy; ky * cy < y1; ky++)
				for (long kx = min[0] / cx; kx * cx < x1; kx++) {
					final String key = prefix + kz + separator + ky + separator + kx;
					final long fromX = Math.max(min[0], kx * cx), toX = Math.min(x1, (kx + 1) * cx);
					final int run = (int) (toX - fromX);
					for (long z = Math.max(min[2], kz * cz); z < Math.min(z1, (kz + 1) * cz); z++) {
						final byte[] plane = cache.part(key, (int) (z - kz * cz), () -> readChunk(key));
						for (long y = Math.max(min[1], ky * cy); y < Math.min(y1, (ky + 1) * cy); y++) {
							final int from = (int) ((y - ky * cy) * cx + (fromX - kx * cx));
							final int to = offset + (int) (((z - min[2]) * size[1] + (y - min[1])) * size[0] + (fromX - min[0]));
							decode(plane, from, into, to, run);
						}
					}
				}
	}

	/** Converts {@code n} values of a chunk plane (empty: all fill value) from value {@code from} into floats. */
	private void decode(final byte[] raw, final int from, final float[] into, final int to, final int n) {
		if (raw.length == 0) {
			Arrays.fill(into, to, to + n, (float) fill);
			return;
		}
		switch (bytesPerValue) {
			case 1:
				for (int i = 0; i < n; i++)
					into[to + i] = raw[from + i] & 0xff;
				break;
			case 2:
				for (int i = 0; i < n; i++)
					into[to + i] = (short) SHORTS.get(raw, 2 * (from + i)) & 0xffff;
				break;
			default:
				for (int i = 0; i < n; i++)
					into[to + i] = (float) FLOATS.get(raw, 4 * (from + i));
		}
	}

	/** A chunk's planes (z), decompressed; empty planes for a chunk not in the folder (the fill value everywhere). */
	private byte[][] readChunk(final String key) throws IOException {
		final int planeBytes = chunks[1] * chunks[2] * bytesPerValue;
		final Path file = folder.resolve(key);
		final byte[][] planes = new byte[chunks[0]][];
		if (!Files.exists(file)) {
			Arrays.fill(planes, new byte[0]);
			return planes;
		}
		for (int z = 0; z < planes.length; z++)
			planes[z] = new byte[planeBytes];
		decompress(Files.readAllBytes(file), file, planes);
		return planes;
	}

	/** Decompresses a chunk straight into its planes, which it must fill exactly. */
	private void decompress(final byte[] data, final Path file, final byte[][] planes) throws IOException {
		final int planeBytes = planes[0].length, length = planeBytes * planes.length;
		long n = 0;
		boolean more;
		try {
			if (compressor == null) {
				n = data.length;
				for (int z = 0; z < planes.length && (z + 1) * planeBytes <= data.length; z++)
					System.arraycopy(data, z * planeBytes, planes[z], 0, planeBytes);
				more = false;
			}
			else if (compressor.equals("gzip"))
				try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
					for (final byte[] plane : planes)
						n += in.readNBytes(plane, 0, planeBytes);
					more = in.read() >= 0;
				}
			else {
				final Inflater inflater = new Inflater();
				inflater.setInput(data);
				for (final byte[] plane : planes)
					for (int at = 0; at < planeBytes && !inflater.finished();) {
						final int got = inflater.inflate(plane, at, planeBytes - at);
						if (got == 0 && (inflater.needsInput() || inflater.needsDictionary()))
							throw new DataFormatException("the data end before the stream does");
						at += got;
						n += got;
					}
				more = !inflater.finished() && inflater.inflate(new byte[1]) > 0;
				inflater.end();
			}
		}
		catch (final IOException | DataFormatException e) {
			throw new IOException("Cannot read " + folder + ": its chunk " + file.getFileName() + " is not valid " + compressor + " data (" + e.getMessage()
					+ "). The array is damaged; write it again.", e);
		}
		if (n != length || more)
			throw new IOException("Cannot read " + folder + ": its chunk " + file.getFileName() + " holds " + (more ? "more than " + length : Long.toString(n)) + " bytes, not the " + length
					+ " a " + chunks[0] + " x " + chunks[1] + " x " + chunks[2] + " chunk of " + dtype + " needs. The array is damaged; write it again.");
	}

	private static IOException refused(final Path folder, final String why) {
		return new IOException("Cannot read the Zarr array " + folder + ": " + why + ".");
	}

	private static double number(final String json, final String key, final Path folder) throws IOException {
		final Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
		if (!m.find())
			throw refused(folder, "its .zarray has no " + key);
		return Double.parseDouble(m.group(1));
	}

	private static String string(final String json, final String key, final Path folder) throws IOException {
		final Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		if (!m.find())
			throw refused(folder, "its .zarray has no " + key);
		return m.group(1);
	}

	private static int[] ints(final String json, final String key, final Path folder) throws IOException {
		final Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
		if (!m.find())
			throw refused(folder, "its .zarray has no " + key);
		return Arrays.stream(m.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray();
	}
}
