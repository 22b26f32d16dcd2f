package io.github.convolvej.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * Writes a result as a Zarr v2 array of {@code float32} (little-endian, C
 * order, zlib), axes {@code (z,y,x)}, that zarr-python, napari and dask read.
 * Chunks are written a chunk row along z at a time, each under a temporary
 * name and renamed when whole, so a killed run leaves only whole chunks and
 * {@code --resume} goes on from the first chunk row not complete.
 */
final class ZarrWriter implements PlaneFolders.Sink {

	private final Path folder;
	private final int[] chunk;
	private long width, height, depth;

	/** @param chunk the chunk sizes, z, y, x (the input's when it is a Zarr array) */
	ZarrWriter(final Path folder, final int[] chunk) {
		this.folder = folder;
		this.chunk = chunk.clone();
	}

	@Override
	public int attach(final long w, final long h, final long d, final int blockPlanes) {
		width = w;
		height = h;
		depth = d;
		for (int a = 0; a < 3; a++)
			chunk[a] = (int) Math.max(1, Math.min(chunk[a], new long[] { d, h, w }[a]));
		return chunk[0];
	}

	@Override
	public int begin(final long w, final long h, final long d, final int blockPlanes, final boolean resume) throws IOException {
		attach(w, h, d, blockPlanes);
		final String zarray = String.format(Locale.ROOT, "{\n    \"chunks\": [%d, %d, %d],\n    \"compressor\": {\"id\": \"zlib\", \"level\": 1},\n"
				+ "    \"dtype\": \"<f4\",\n    \"fill_value\": 0.0,\n    \"filters\": null,\n    \"order\": \"C\",\n    \"shape\": [%d, %d, %d],\n    \"zarr_format\": 2\n}\n",
				chunk[0], chunk[1], chunk[2], d, h, w);
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
		if (!Files.exists(meta))
			SafeWrite.write(meta, file -> Files.writeString(file, zarray));
		return chunk[0];
	}

	@Override
	public boolean written(final long z0, final long z1) {
		final long row = z0 / chunk[0];
		for (long cy = 0; cy * chunk[1] < height; cy++)
			for (long cx = 0; cx * chunk[2] < width; cx++)
				if (!Files.isRegularFile(folder.resolve(row + "." + cy + "." + cx)))
					return false;
		return true;
	}

	@Override
	public void write(final long z0, final int w, final int h, final int planes, final float[] values) throws IOException {
		if (z0 % chunk[0] != 0)
			throw new IllegalStateException("Blocks must start at a chunk row: z " + z0 + ", chunk depth " + chunk[0] + ".");
		final long row = z0 / chunk[0];
		final ByteBuffer bytes = ByteBuffer.allocate(4 * chunk[0] * chunk[1] * chunk[2]).order(ByteOrder.LITTLE_ENDIAN);
		for (int cy = 0; cy * chunk[1] < h; cy++)
			for (int cx = 0; cx * chunk[2] < w; cx++) {
				// edge chunks are whole in Zarr v2: padded with the fill value (0, a new buffer's)
				final java.nio.FloatBuffer floats = bytes.clear().asFloatBuffer();
				java.util.Arrays.fill(bytes.array(), (byte) 0);
				final int x0 = cx * chunk[2], width = Math.min(chunk[2], w - x0);
				for (int z = 0; z < Math.min(chunk[0], planes); z++)
					for (int y = 0; y < chunk[1]; y++) {
						final int gy = cy * chunk[1] + y;
						if (gy >= h)
							break;
						floats.position((z * chunk[1] + y) * chunk[2]);
						floats.put(values, (z * h + gy) * w + x0, width);
					}
				final byte[] compressed = deflate(bytes.array());
				SafeWrite.write(folder.resolve(row + "." + cy + "." + cx), file -> Files.write(file, compressed));
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
