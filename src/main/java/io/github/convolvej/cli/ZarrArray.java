package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * A Zarr v2 array read plane by plane along its first spatial axis, as
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

	private final Path folder;
	private final int[] shape, chunks;
	private final String dtype;
	private final String compressor;
	private final double fill;
	private final String separator;
	/** Chunk key of the leading channel and time axes: "0." per axis. */
	private final String prefix;
	/** The chunks of the chunk row along z read last: planes are read in order. */
	private final Map< String, float[] > cached = new HashMap<>();
	private int cachedRow = -1;

	private ZarrArray(final Path folder, final int[] shape, final int[] chunks, final String dtype, final String compressor, final double fill, final String separator, final int leadingAxes) {
		this.folder = folder;
		this.shape = shape;
		this.chunks = chunks;
		this.dtype = dtype;
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
		final int row = z / chunks[0];
		if (row != cachedRow) {
			cached.clear();
			cachedRow = row;
		}
		final int w = shape[2], h = shape[1];
		final float[] plane = new float[w * h];
		for (int cy = 0; cy * chunks[1] < h; cy++)
			for (int cx = 0; cx * chunks[2] < w; cx++) {
				final String key = prefix + row + separator + cy + separator + cx;
				float[] chunk = cached.get(key);
				if (chunk == null) {
					chunk = readChunk(key);
					cached.put(key, chunk);
				}
				final int zi = z - row * chunks[0];
				for (int y = 0; y < chunks[1] && cy * chunks[1] + y < h; y++) {
					final int from = (zi * chunks[1] + y) * chunks[2];
					final int to = (cy * chunks[1] + y) * w + cx * chunks[2];
					System.arraycopy(chunk, from, plane, to, Math.min(chunks[2], w - cx * chunks[2]));
				}
			}
		return plane;
	}

	private float[] readChunk(final String key) throws IOException {
		final int values = chunks[0] * chunks[1] * chunks[2];
		final float[] out = new float[values];
		final Path file = folder.resolve(key);
		if (!Files.exists(file)) {
			Arrays.fill(out, (float) fill);
			return out;
		}
		final byte[] raw = decompress(Files.readAllBytes(file), file);
		final int bytes = dtype.endsWith("1") ? 1 : dtype.endsWith("2") ? 2 : 4;
		if (raw.length != values * bytes)
			throw new IOException("Cannot read " + folder + ": its chunk " + key + " holds " + raw.length + " bytes, not the " + values * bytes
					+ " a " + chunks[0] + " x " + chunks[1] + " x " + chunks[2] + " chunk of " + dtype + " needs. The array is damaged; write it again.");
		final ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < values; i++)
			out[i] = bytes == 1 ? b.get() & 0xff : bytes == 2 ? b.getShort() & 0xffff : b.getFloat();
		return out;
	}

	private byte[] decompress(final byte[] data, final Path file) throws IOException {
		if (compressor == null)
			return data;
		try {
			if (compressor.equals("gzip"))
				try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
					return in.readAllBytes();
				}
			final Inflater inflater = new Inflater();
			inflater.setInput(data);
			final ByteArrayOutputStream out = new ByteArrayOutputStream();
			final byte[] buffer = new byte[1 << 16];
			while (!inflater.finished()) {
				final int n = inflater.inflate(buffer);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary()))
					throw new DataFormatException("the data end before the stream does");
				out.write(buffer, 0, n);
			}
			inflater.end();
			return out.toByteArray();
		}
		catch (final IOException | DataFormatException e) {
			throw new IOException("Cannot read " + folder + ": its chunk " + file.getFileName() + " is not valid " + compressor + " data (" + e.getMessage()
					+ "). The array is damaged; write it again.", e);
		}
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
