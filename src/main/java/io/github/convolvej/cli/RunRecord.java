package io.github.convolvej.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What made a store, written beside its data when a run begins and compared
 * when one resumes, so that {@code --resume} never finishes one run's store
 * with another run's numbers (another kernel, mode or input of the same
 * size). A Zarr array keeps it in its {@code .zattrs}, where zarr-python
 * shows it as {@code z.attrs["convolvej"]}; a folder of planes in a hidden
 * {@code .convolvej.json}.
 */
final class RunRecord {

	private static final Pattern RUN = Pattern.compile("\"run\": \"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String run;
	private final boolean resume;

	/**
	 * @param run the command, its input and its options, as the user could type
	 *            them again (options normalized, so defaults written or not compare equal)
	 * @param resume whether this run finishes a stopped one
	 */
	RunRecord(final String run, final boolean resume) {
		this.run = run;
		this.resume = resume;
	}

	boolean resume() {
		return resume;
	}

	/**
	 * Refuses to resume a store another run made, then records this run. A
	 * new run records itself over any record left in a store without data (a
	 * run stopped before its first block); a resumed store without a record
	 * (one stopped between its metadata and its record) is resumed as it is.
	 *
	 * @throws UsageException naming both runs
	 */
	void checkAndWrite(final Path file, final Path store) throws IOException {
		if (resume && Files.exists(file)) {
			final String text = Files.readString(file);
			if (!text.equals(json())) {
				final Matcher m = RUN.matcher(text);
				final String recorded = m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "another program";
				throw new UsageException("The output " + store + " was made by " + recorded + ", not by this run (" + run
						+ "): --resume continues only the same run. Give the same input and options, or an empty or new folder.");
			}
			return;
		}
		SafeWrite.write(file, f -> Files.writeString(f, json()));
	}

	private String json() {
		return "{\n    \"convolvej\": {\n        \"run\": \"" + run.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n    }\n}\n";
	}

	@Override
	public String toString() {
		return run;
	}
}
