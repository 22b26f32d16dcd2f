package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code --each PATTERN}: one command on many image files in one JVM, each
 * file on its own (unlike a folder of planes, which is one volume). A file
 * that fails is reported and skipped; the others go on; a summary of the
 * failures ends the run.
 */
final class EachFile {

	private EachFile() {}

	/** Work on one file; any exception marks the file as failed. */
	@FunctionalInterface
	interface Action {
		void run(Path file) throws Exception;
	}

	/**
	 * The files a pattern names, in natural order: a folder (its image files),
	 * or a glob in the last part of a path ({@code data/*.tif}, {@code raw/cell_??.png}).
	 *
	 * @throws UsageException when nothing matches, or the folder part holds a glob
	 */
	static List< Path > files(final String pattern) throws IOException {
		final Path given = Path.of(pattern);
		final Path folder;
		final PathMatcher matcher;
		if (Files.isDirectory(given)) {
			folder = given;
			matcher = FileSystems.getDefault().getPathMatcher("glob:*.{tif,tiff,TIF,TIFF,png,PNG,jpg,jpeg,JPG,gif,bmp}");
		} else {
			folder = given.getParent() == null ? Path.of(".") : given.getParent();
			if (folder.toString().matches(".*[*?\\[{].*"))
				throw new UsageException("--each takes a pattern in the file name only, as in 'data/*.tif', not in the folders ('" + pattern + "').");
			matcher = FileSystems.getDefault().getPathMatcher("glob:" + given.getFileName());
		}
		if (!Files.isDirectory(folder))
			throw new UsageException("--each " + pattern + ": there is no folder " + folder + ".");
		final List< Path > files = new ArrayList<>();
		try (Stream< Path > list = Files.list(folder)) {
			list.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".") && matcher.matches(p.getFileName())).forEach(files::add);
		}
		files.sort(VolumeSource::naturalOrder);
		if (files.isEmpty())
			throw new UsageException("--each " + pattern + " matches no file. Quote the pattern ('data/*.tif') so that the shell leaves it to ConvolveJ, or give a folder.");
		return files;
	}

	/**
	 * Runs the action on every file, with a progress line on {@code err};
	 * returns {@link ConvolveJCli#OK} when all succeeded, else
	 * {@link ConvolveJCli#FAILURE} after listing the failures.
	 */
	static int forEach(final List< Path > files, final Action action, final PrintStream err) {
		final Map< Path, String > failures = new LinkedHashMap<>();
		for (int i = 0; i < files.size(); i++) {
			final Path file = files.get(i);
			err.printf(Locale.ROOT, "\rfile %d / %d: %s", i + 1, files.size(), file.getFileName());
			try {
				action.run(file);
			}
			catch (final Exception | OutOfMemoryError e) {
				final String message = e.getMessage() == null || e.getMessage().isEmpty() ? e.toString() : e.getMessage();
				failures.put(file, message);
			}
		}
		err.println();
		err.printf(Locale.ROOT, "%d of %d files done", files.size() - failures.size(), files.size());
		if (failures.isEmpty()) {
			err.println(".");
			return ConvolveJCli.OK;
		}
		err.println("; " + failures.size() + " failed:");
		for (final Map.Entry< Path, String > f : failures.entrySet())
			err.println("  " + f.getKey() + ": " + f.getValue());
		return ConvolveJCli.FAILURE;
	}

	/** The output file for an input: the same name in the output folder. */
	static Path outputFor(final Path file, final Path outFolder) {
		return outFolder.resolve(file.getFileName());
	}

	/** Refuses an output folder that is the input's (the results would replace the inputs), and makes it. */
	static Path outputFolder(final String out, final List< Path > files) throws IOException {
		final Path folder = Path.of(out);
		if (Files.exists(folder) && !Files.isDirectory(folder))
			throw new UsageException("With --each the output is a folder, and " + out + " is a file. Give a folder for the results.");
		for (final Path f : files)
			if (Files.exists(folder) && Files.isSameFile(f.toAbsolutePath().getParent(), folder))
				throw new UsageException("The output folder " + out + " holds the input files: ConvolveJ never overwrites its input. Give another folder.");
		Files.createDirectories(folder);
		return folder;
	}
}
