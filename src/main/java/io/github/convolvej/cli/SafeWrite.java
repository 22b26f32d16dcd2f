package io.github.convolvej.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either whole or not there: the content goes to
 * a temporary file in the target's folder, which is renamed over the target
 * only once written. A full disk, a crash or a failed encoder leaves the
 * target as it was (absent, or its old content), never truncated.
 */
final class SafeWrite {

	/** Writes the content of a file at the path it is given. */
	@FunctionalInterface
	interface Writer {
		void write(Path file) throws IOException;
	}

	private SafeWrite() {}

	static void write(final Path target, final Writer writer) throws IOException {
		final Path file = target.toAbsolutePath().normalize();
		final Path folder = file.getParent();
		final String name = file.getFileName().toString();
		final Path temporary;
		try {
			Files.createDirectories(folder);
			// Same folder, so the rename is atomic and never crosses file systems.
			temporary = createTemporary(folder, name);
		}
		catch (final IOException e) {
			throw FileProblem.of("write", target, e);
		}
		try {
			writer.write(temporary);
			if (Files.size(temporary) == 0)
				throw new IOException("Nothing was written to " + target + " (is the disk full?).");
			keepPermissions(file, temporary);
			move(temporary, file);
		}
		catch (final FileSystemException e) {
			throw FileProblem.of("write", target, e);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Refuses an output that is the input: the input must stay as it was.
	 *
	 * @throws UsageException when both name the same file
	 */
	static void checkNotInput(final String output, final String... inputs) throws IOException {
		final Path out = Path.of(output);
		if (!Files.exists(out))
			return;
		for (final String input : inputs)
			if (input != null && Files.exists(Path.of(input)) && Files.isSameFile(out, Path.of(input)))
				throw new UsageException("The output " + output + " is the input " + input
						+ ": ConvolveJ never overwrites its input. Give another output file name.");
	}

	/**
	 * A new empty file {@code .<name>.<random>.partial<extension>}, made with
	 * the permissions any new file gets (the user's umask), not the owner-only
	 * ones of {@code Files.createTempFile}, which the rename would give the
	 * result: colleagues and other processes read results and Zarr chunks too.
	 */
	private static Path createTemporary(final Path folder, final String name) throws IOException {
		while (true) {
			final Path candidate = folder.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".partial" + extension(name));
			try {
				return Files.createFile(candidate);
			}
			catch (final FileAlreadyExistsException e) {
				// another writer's temporary: take another name
			}
		}
	}

	/** A file written again keeps its permissions, as it would if it were overwritten in place. */
	private static void keepPermissions(final Path target, final Path temporary) throws IOException {
		if (!Files.exists(target) || !Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class))
			return;
		Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
	}

	/** The file name's extension with its dot, so encoders that look at it still see it. */
	private static String extension(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(dot) : "";
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
