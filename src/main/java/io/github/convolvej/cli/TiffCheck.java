package io.github.convolvej.cli;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.HashSet;
import java.util.Set;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

/**
 * Checks, before any pixel memory is allocated, that a TIFF file holds the
 * bytes its header promises. ImageJ's reader fills what is missing with zeros
 * and reads a stack cut short as fewer slices without a word; a damaged
 * header can make it allocate gigabytes for a file of a few hundred bytes,
 * or loop for minutes over a tag that claims a billion values. So the
 * directory of tags is walked here first, and every tag's values must lie
 * in the file, before ImageJ's reader sees it.
 */
final class TiffCheck {

	private TiffCheck() {}

	/** @throws IOException saying what is wrong with the file */
	static void check(final File file) throws IOException {
		checkDirectories(file);
		final FileInfo[] images;
		try {
			images = new TiffDecoder(file.getParent() == null ? "" : file.getParent() + File.separator, file.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			final String reason = String.valueOf(e.getMessage()).replace('\n', ' ').trim();
			if (isUnsupported(reason))
				// a valid TIFF of a kind ImageJ's reader does not open: not damage
				throw new IOException("Cannot read " + file + ": it is a kind of TIFF ImageJ cannot open (" + reason
						+ "). Save it as one value per pixel, e.g. with tifffile's photometric='minisblack', or convert it with Fiji's Bio-Formats.", e);
			throw new IOException("Cannot read " + file + ": its TIFF header is damaged (" + reason + ").", e);
		}
		if (images == null || images.length == 0)
			throw new IOException("Cannot read " + file + ": its TIFF header describes no image.");
		final long length = file.length();
		for (int i = 0; i < images.length; i++) {
			final long plane = planeBytes(images[i]), strips = stripBytes(images[i]);
			final boolean uncompressed = images[i].compression <= FileInfo.COMPRESSION_NONE;
			// no compression TIFF uses packs more than a few thousand bytes into one
			if (strips >= 0 && (uncompressed ? plane > strips : plane > 4096 * Math.max(1, strips)))
				throw new IOException("Cannot read " + file + ": its TIFF header is damaged. It promises "
						+ (images.length > 1 ? "image " + (i + 1) + " of " + images.length + " " : "") + describe(images[i]) + ", "
						+ plane + " bytes a plane, but its " + (uncompressed ? "" : "compressed ") + "strips hold only " + strips
						+ " bytes. Copy or export the file again.");
			final long end = end(images[i]);
			if (end > length)
				throw new IOException("Cannot read " + file + ": the file is cut short or damaged. Its header promises "
						+ (images.length > 1 ? "image " + (i + 1) + " of " + images.length + " " : "")
						+ describe(images[i]) + " up to byte " + end + ", but the file has only " + length
						+ " bytes. Copy or export the file again.");
		}
	}

	/** ImageJ's TiffDecoder says so for valid files it does not support ("ImageJ cannot open tiled TIFFs", "Unsupported BitsPerSample"). */
	private static boolean isUnsupported(final String reason) {
		return reason.startsWith("ImageJ cannot open") || reason.startsWith("Unsupported") || reason.startsWith("Cannot open");
	}

	/** Bytes per value of each TIFF field type (0: unknown type). */
	private static final int[] TYPE_BYTES = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8 };

	/**
	 * Walks the image file directories: each must lie in the file, none may be
	 * visited twice, and the values of every tag must lie in the file.
	 */
	static void checkDirectories(final File file) throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file, "r")) {
			final long length = in.length();
			if (length < 8)
				throw damaged(file, "it has only " + length + " bytes");
			final int order = in.readUnsignedShort();
			final boolean little = order == 0x4949;
			if (!little && order != 0x4D4D)
				throw damaged(file, "it does not start with II or MM");
			final int magic = unsigned16(in, little);
			if (magic == 43)
				return; // BigTIFF: ImageJ's reader refuses it with its own message
			if (magic != 42)
				throw damaged(file, "its header's version is " + magic + ", not 42");
			long ifd = unsigned32(in, little);
			final Set< Long > seen = new HashSet<>();
			boolean first = true;
			while (ifd != 0) {
				if (ifd + 2 > length) {
					if (first)
						throw damaged(file, "its directory of tags starts at byte " + ifd + ", past the end (" + length + " bytes)");
					break; // a stack cut short: said below, with the planes it misses
				}
				first = false;
				if (!seen.add(ifd))
					throw damaged(file, "its directories of tags form a loop at byte " + ifd);
				in.seek(ifd);
				final int entries = unsigned16(in, little);
				final long end = ifd + 2 + 12L * entries + 4;
				if (end > length)
					throw damaged(file, "the directory at byte " + ifd + " holds " + entries + " tags, past the end (" + length + " bytes)");
				for (int e = 0; e < entries; e++) {
					in.seek(ifd + 2 + 12L * e);
					final int tag = unsigned16(in, little);
					final int type = unsigned16(in, little);
					final long count = unsigned32(in, little);
					final long bytes = count * (type < TYPE_BYTES.length ? TYPE_BYTES[type] : 0);
					if (bytes > 4) {
						final long offset = unsigned32(in, little);
						if (offset + bytes > length)
							throw damaged(file, "tag " + tag + " claims " + count + " values up to byte " + (offset + bytes) + ", past the end (" + length + " bytes)");
					}
				}
				in.seek(end - 4);
				ifd = unsigned32(in, little);
			}
		}
	}

	private static IOException damaged(final File file, final String why) {
		return new IOException("Cannot read " + file + ": its TIFF header is damaged (" + why + "). Copy or export the file again.");
	}

	private static int unsigned16(final RandomAccessFile in, final boolean little) throws IOException {
		final int v = in.readUnsignedShort();
		return little ? Integer.reverseBytes(v) >>> 16 : v;
	}

	private static long unsigned32(final RandomAccessFile in, final boolean little) throws IOException {
		final int v = in.readInt();
		return Integer.toUnsignedLong(little ? Integer.reverseBytes(v) : v);
	}

	/** Where the image's last pixel byte lies, by its header. */
	static long end(final FileInfo fi) {
		final long plane = planeBytes(fi);
		final boolean uncompressed = fi.compression <= FileInfo.COMPRESSION_NONE;
		long end = 0;
		// An ImageJ stack: one header, the planes one after another.
		if (uncompressed && (fi.nImages > 1 || fi.stripOffsets == null || fi.stripOffsets.length == 0))
			end = fi.getOffset() + fi.nImages * plane + Math.max(0, fi.nImages - 1) * (long) fi.gapBetweenImages;
		if (fi.stripOffsets != null && fi.stripLengths != null)
			for (int s = 0; s < Math.min(fi.stripOffsets.length, fi.stripLengths.length); s++)
				end = Math.max(end, Integer.toUnsignedLong(fi.stripOffsets[s]) + Integer.toUnsignedLong(fi.stripLengths[s]));
		return end;
	}

	/** Bytes in the first image's strips by its header, or -1 when it lists none. */
	private static long stripBytes(final FileInfo fi) {
		if (fi.stripOffsets == null || fi.stripLengths == null || fi.stripLengths.length == 0)
			return -1;
		long sum = 0;
		for (final int l : fi.stripLengths)
			sum += Integer.toUnsignedLong(l);
		return sum;
	}

	private static long planeBytes(final FileInfo fi) {
		if (fi.fileType == FileInfo.BITMAP)
			return (fi.width + 7L) / 8 * fi.height;
		return (long) fi.width * fi.height * fi.getBytesPerPixel();
	}

	private static String describe(final FileInfo fi) {
		return fi.width + " x " + fi.height + (fi.nImages > 1 ? " x " + fi.nImages + " planes" : "");
	}
}
