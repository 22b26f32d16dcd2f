package io.github.convolvej.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result is written whole or not at all, and lands with the permissions a
 * file written in place would have: a new one as any new file (the umask),
 * one written again with its own.
 */
class SafeWriteTest {

	@TempDir
	Path folder;

	@Test
	void aNewFileHasTheUsualPermissionsNotOwnerOnly() throws IOException {
		assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class));
		final Path plain = Files.createFile(folder.resolve("plain.txt"));
		final Path result = folder.resolve("result.csv");
		SafeWrite.write(result, file -> Files.writeString(file, "X,Y\n1,2\n"));
		assertEquals("X,Y\n1,2\n", Files.readString(result));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(result));
	}

	@Test
	void aFileWrittenAgainKeepsItsPermissions() throws IOException {
		assumeTrue(Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class));
		final Path result = Files.writeString(folder.resolve("result.csv"), "old");
		Files.setPosixFilePermissions(result, PosixFilePermissions.fromString("rw-r-----"));
		SafeWrite.write(result, file -> Files.writeString(file, "new"));
		assertEquals("new", Files.readString(result));
		assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(result));
	}

	@Test
	void aFailedWriteLeavesTheOldContentAndNoTemporary() throws IOException {
		final Path result = Files.writeString(folder.resolve("result.csv"), "old");
		assertThrows(IOException.class, () -> SafeWrite.write(result, file -> {
			Files.writeString(file, "half");
			throw new IOException("encoder failed");
		}));
		assertEquals("old", Files.readString(result));
		assertArrayEquals(new String[] { "result.csv" }, names());
		// nothing written at all is refused too
		assertThrows(IOException.class, () -> SafeWrite.write(folder.resolve("empty.csv"), file -> {}));
		assertArrayEquals(new String[] { "result.csv" }, names());
	}

	private String[] names() throws IOException {
		try (Stream< Path > files = Files.list(folder)) {
			final List< String > names = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
			return names.toArray(new String[0]);
		}
	}
}
