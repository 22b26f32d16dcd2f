package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;

import net.imglib2.Interval;

/**
 * Writes a result as a Zarr v2 array of {@code float32} (little-endian, C
 * order, zlib level 1 or uncompressed), axes {@code (z,y,x)}, that zarr-python, napari and dask read.
 * Blocks are whole chunks (a multiple of the chunk shape), so each chunk is
 * written once, under a temporary name and renamed when whole: a killed run
 * leaves only whole chunks and {@code --resume} computes the blocks with a
 * chunk missing.
 */
final class ZarrWriter implements BlockSink {

	/**
	 * Blocks of at least this many values along x and y, and 16 along z,
	 * unless asked otherwise: halos stay a small part of what is read, and a
	 * block with its halo stays within what the engines compute in one piece.
	 */
	private static final long DEFAULT_TILE = 256, DEFAULT_PLANES = 16;

	private final Path folder;
	private final boolean zlib;
	/** The chunk sizes x, y, z; null until the output's size is known, when none were given. */
	private long[] chunk;
	private long[] size;
	/** Per thread, a chunk's bytes: written again for every chunk instead of made anew. */
	private final ThreadLocal< ByteBuffer > chunkBytes = new ThreadLocal<>();

	/**
	 * @param chunk the chunk sizes, z, y, x as in {@code .zarray} (the input's when it is a Zarr array),
	 *            or null for chunks of the block size asked for (256 x 256 x 16 when not asked)
	 * @param zlib chunks compressed with zlib (level 1), else written as they are
	 */
	ZarrWriter(final Path folder, final int[] chunk, final boolean zlib) {
		this.folder = folder;
		this.zlib = zlib;
		this.chunk = chunk == null ? null : new long[] { chunk[2], chunk[1], chunk[0] };
	}

	@Override
	public long[] attach(final long[] outputSize, final long[] block) {
		size = outputSize.clone();
		if (chunk == null)
			chunk = new long[] { block[0] > 0 ? block[0] : 256, block[1] > 0 ? block[1] : 256, block[2] > 0 ? block[2] : DEFAULT_PLANES };
		final long[] use = new long[3];
		for (int a = 0; a < 3; a++) {
			chunk[a] = Math.max(1, Math.min(chunk[a], size[a]));
			final long asked = block[a] > 0 ? block[a] : a < 2 ? DEFAULT_TILE : DEFAULT_PLANES;
			use[a] = Math.min((asked + chunk[a] - 1) / chunk[a] * chunk[a], (size[a] + chunk[a] - 1) / chunk[a] * chunk[a]);
		}
		return use;
	}

	@Override
	public long[] begin(final long[] outputSize, final long[] block, final RunRecord record) throws IOException {
		final boolean resume = record.resume();
		final long[] use = attach(outputSize, block);
		final String zarray = String.format(Locale.ROOT, "{\n    \"chunks\": [%d, %d, %d],\n    \"compressor\": %s,\n"
				+ "    \"dtype\": \"<f4\",\n    \"fill_value\": 0.0,\n    \"filters\": null,\n    \"order\": \"C\",\n    \"shape\": [%d, %d, %d],\n    \"zarr_format\": 2\n}\n",
				chunk[2], chunk[1], chunk[0], zlib ? "{\"id\": \"zlib\", \"level\": 1}" : "null", size[2], size[1], size[0]);
		final Path meta = folder.resolve(".zarray");
		if (Files.exists(folder)) {
			try (var list = Files.list(folder)) {
				final boolean empty = list.findAny().isEmpty();
				if (!empty && !resume)
					throw new UsageException("The output " + folder + " is not empty. Give an empty or new folder, or --resume to finish a run that was stopped.");
				if (!empty && !(Files.exists(meta) && Files.readString(meta).equals(zarray)))
					throw new UsageException("The output " + folder + " holds another array than this run writes: --resume continues only the same run. Give an empty or new folder.");
			}
			// a chunk whose writing was cut short: written again
			try (var list = Files.list(folder)) {
				for (final Path p : (Iterable< Path >) list::iterator)
					if (p.getFileName().toString().matches("\\..*\\.partial.*"))
						Files.delete(p);
			}
		}
		Files.createDirectories(folder);
		// the array first: a store stopped before its record is still resumable
		if (!Files.exists(meta))
			SafeWrite.write(meta, file -> Files.writeString(file, zarray));
		record.checkAndWrite(folder.resolve(".zattrs"), folder);
		return use;
	}

	/** The chunk key of the chunk at chunk-grid position kx, ky, kz. */
	private static String key(final long kx, final long ky, final long kz) {
		return kz + "." + ky + "." + kx;
	}

	@Override
	public boolean written(final Interval block) {
		for (long kz = block.min(2) / chunk[2]; kz * chunk[2] <= block.max(2); kz++)
			for (long ky = block.min(1) / chunk[1]; ky * chunk[1] <= block.max(1); ky++)
				for (long kx = block.min(0) / chunk[0]; kx * chunk[0] <= block.max(0); kx++)
					if (!Files.isRegularFile(folder.resolve(key(kx, ky, kz))))
						return false;
		return true;
	}

	@Override
	public void write(final Interval block, final float[] values) throws IOException {
		for (int a = 0; a < 3; a++)
			if (block.min(a) % chunk[a] != 0)
				throw new IllegalStateException("Blocks must start at a chunk: " + block.min(a) + " on axis " + a + ", chunk " + chunk[a] + ".");
		final int cx = (int) chunk[0], cy = (int) chunk[1], cz = (int) chunk[2];
		final int w = (int) block.dimension(0), h = (int) block.dimension(1), d = (int) block.dimension(2);
		ByteBuffer bytes = chunkBytes.get();
		if (bytes == null || bytes.capacity() != 4 * cx * cy * cz) {
			bytes = ByteBuffer.allocate(4 * cx * cy * cz).order(ByteOrder.LITTLE_ENDIAN);
			chunkBytes.set(bytes);
		}
		for (int z0 = 0; z0 < d; z0 += cz)
			for (int y0 = 0; y0 < h; y0 += cy)
				for (int x0 = 0; x0 < w; x0 += cx) {
					final int run = Math.min(cx, w - x0);
					// edge chunks are whole in Zarr v2: what the block does not fill is the fill value (0)
					if (run < cx || h - y0 < cy || d - z0 < cz)
						java.util.Arrays.fill(bytes.array(), (byte) 0);
					final java.nio.FloatBuffer floats = bytes.clear().asFloatBuffer();
					for (int z = 0; z < Math.min(cz, d - z0); z++)
						for (int y = 0; y < Math.min(cy, h - y0); y++) {
							floats.position((z * cy + y) * cx);
							floats.put(values, ((z0 + z) * h + y0 + y) * w + x0, run);
						}
					final byte[] compressed = zlib ? deflate(bytes.array()) : bytes.array();
					final String name = key((block.min(0) + x0) / cx, (block.min(1) + y0) / cy, (block.min(2) + z0) / cz);
					SafeWrite.write(folder.resolve(name), file -> Files.write(file, compressed));
				}
	}

	private static byte[] deflate(final byte[] data) {
		final Deflater deflater = new Deflater(1);
		deflater.setInput(data);
		deflater.finish();
		final ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
		final byte[] buffer = new byte[1 << 16];
		while (!deflater.finished())
			out.write(buffer, 0, deflater.deflate(buffer));
		deflater.end();
		return out.toByteArray();
	}
}
