package io.github.convolvej.cli;

import java.io.File;
import java.io.IOException;

import ij.io.FileInfo;
import ij.io.TiffDecoder;

/**
 * Checks, before any pixel memory is allocated, that a TIFF file holds the
 * bytes its header promises. ImageJ's reader fills what is missing with zeros
 * and reads a stack cut short as fewer slices without a word; a damaged
 * header can make it allocate gigabytes for a file of a few hundred bytes.
 */
final class TiffCheck {

	private TiffCheck() {}

	/** @throws IOException saying what is wrong with the file */
	static void check(final File file) throws IOException {
		final FileInfo[] images;
		try {
			images = new TiffDecoder(file.getParent() == null ? "" : file.getParent() + File.separator, file.getName()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			throw new IOException("Cannot read " + file + ": its TIFF header is damaged (" + e.getMessage() + ").", e);
		}
		if (images == null || images.length == 0)
			throw new IOException("Cannot read " + file + ": its TIFF header describes no image.");
		final long length = file.length();
		for (int i = 0; i < images.length; i++) {
			final long end = end(images[i]);
			if (end > length)
				throw new IOException("Cannot read " + file + ": the file is cut short or damaged. Its header promises "
						+ (images.length > 1 ? "image " + (i + 1) + " of " + images.length + " " : "")
						+ describe(images[i]) + " up to byte " + end + ", but the file has only " + length
						+ " bytes. Copy or export the file again.");
		}
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

	private static long planeBytes(final FileInfo fi) {
		if (fi.fileType == FileInfo.BITMAP)
			return (fi.width + 7L) / 8 * fi.height;
		return (long) fi.width * fi.height * fi.getBytesPerPixel();
	}

	private static String describe(final FileInfo fi) {
		return fi.width + " x " + fi.height + (fi.nImages > 1 ? " x " + fi.nImages + " planes" : "");
	}
}
