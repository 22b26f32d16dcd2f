package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.Threads;
import io.github.convolvej.ij.MatchResult;
import io.github.convolvej.ij.MatchSettings;
import io.github.convolvej.ij.MatchTable;
import io.github.convolvej.ij.TemplateMatching;

/**
 * {@code match-template IMAGE TEMPLATE [--csv FILE] [--scores FILE] [OPTIONS]}:
 * Match Template on two image files, with the options string of the macro
 * command parsed by the same {@link MatchSettings} and matched by the same
 * {@link TemplateMatching} call as the menu command. The matches are
 * written as the {@code Matches} table's columns, CSV, best first; the score
 * map optionally as an image. {@code image=} and {@code template=} are
 * replaced by the two files; {@code templates=[a.png,b.png]} and
 * {@code mask=[m.png]} name more template files and a mask file (the
 * template file may then be left out); {@code score_map} and
 * {@code add_to_manager} concern windows and are ignored.
 */
final class MatchCommand {

	private MatchCommand() {}

	/** Runs the command; returns the exit code. */
	static int run(final List< String > args, final PrintStream out, final PrintStream err) throws IOException {
		final List< String > rest = new ArrayList<>(args);
		final int at = rest.indexOf("--threads");
		if (at < 0)
			return match(rest, out, err);
		if (at + 1 >= rest.size() || !rest.get(at + 1).matches("[1-9]\\d{0,3}"))
			throw new UsageException("--threads needs a whole number of at least 1, as in --threads 4.");
		final int threads = Integer.parseInt(rest.remove(at + 1));
		rest.remove(at);
		return Threads.call(threads, () -> match(rest, out, err));
	}

	private static int match(final List< String > args, final PrintStream out, final PrintStream err) throws IOException {
		final List< String > positional = new ArrayList<>();
		String csv = null;
		String scores = null;
		String each = null;
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("--each")) {
				if (i + 1 >= args.size())
					throw new UsageException("--each needs a pattern or a folder, as in --each 'plates/*.tif' cell.tif \"threshold=0.7\".");
				each = args.get(++i);
			} else if (a.equals("--csv") || a.equals("--scores")) {
				if (i + 1 >= args.size())
					throw new UsageException(a + " needs a file name.");
				if (a.equals("--csv"))
					csv = args.get(++i);
				else
					scores = args.get(++i);
			} else if (a.startsWith("--"))
				throw new UsageException("Unknown flag '" + a + "'. Flags: --csv FILE, --scores FILE, --each PATTERN, --threads N.");
			else
				positional.add(a);
		}
		if (each != null) {
			if (scores != null)
				throw new UsageException("--scores writes one score map; with --each there is one per file. Leave --scores out.");
			return runEach(each, positional, csv, out, err);
		}
		// the template file may be left out when the options name templates=[a.png,b.png]
		final boolean templateGiven = positional.size() >= 2 && !positional.get(1).contains("=");
		if (positional.size() < 2)
			throw new UsageException("Give an image file and a template file, then the options in quotes, e.g. face.png eye.png \"method=[Correlation coefficient]\".");
		if (scores != null)
			ImageFiles.checkWritable(scores);
		for (final String output : new String[] { csv, scores })
			if (output != null)
				SafeWrite.checkNotInput(output, positional.get(0), positional.get(1));
		final MatchSettings settings = parse(String.join(" ", positional.subList(templateGiven ? 2 : 1, positional.size())));
		if (!templateGiven && settings.get(MatchSettings.TEMPLATES).isEmpty())
			throw new UsageException("Give a template file after the image file (or templates=[a.png,b.png] in the options), e.g. face.png eye.png \"method=[Correlation coefficient]\".");

		final ImagePlus image = ImageFiles.read(positional.get(0));
		final List< ImagePlus > templates = templates(templateGiven ? positional.get(1) : null, settings);
		final ImagePlus mask = settings.get(MatchSettings.MASK) == null ? null : ImageFiles.read(settings.get(MatchSettings.MASK));
		final MatchResult result = TemplateMatching.run(image, templates, mask, settings, ProgressListener.NONE);

		// The score map first: if it cannot be written, nothing has been printed or written yet.
		if (scores != null)
			// Scores of any method fill 0..255 in a PNG; a TIFF keeps them as they are.
			ImageFiles.write(result.scoreMap(), scores, true, null);
		final String table = MatchTable.csv(result);
		result.note().ifPresent(reason -> err.println("note: " + reason));
		if (csv == null)
			out.print(table);
		else {
			SafeWrite.write(Paths.get(csv), file -> Files.write(file, table.getBytes(StandardCharsets.UTF_8)));
			final int n = result.matches().size();
			out.println(n + (n == 1 ? " match" : " matches") + " written to " + csv);
		}
		return ConvolveJCli.OK;
	}

	/**
	 * {@code --each PATTERN TEMPLATE [OPTIONS]}: the template searched in every
	 * file, one CSV with a {@code File} column first; a file that fails is
	 * listed at the end and the others go on.
	 */
	private static int runEach(final String pattern, final List< String > positional, final String csv, final PrintStream out, final PrintStream err) throws IOException {
		final boolean templateGiven = !positional.isEmpty() && !positional.get(0).contains("=");
		final MatchSettings settings = parse(String.join(" ", positional.subList(templateGiven ? 1 : 0, positional.size())));
		if (!templateGiven && settings.get(MatchSettings.TEMPLATES).isEmpty())
			throw new UsageException("Give a template file after --each PATTERN (or templates=[a.png,b.png] in the options), e.g. --each 'plates/*.tif' cell.tif \"threshold=0.7\".");
		final List< Path > files = EachFile.files(pattern);
		if (csv != null) {
			final List< String > inputs = new ArrayList<>();
			for (final Path f : files)
				inputs.add(f.toString());
			SafeWrite.checkNotInput(csv, inputs.toArray(new String[0]));
		}
		final List< ImagePlus > templates = templates(templateGiven ? positional.get(0) : null, settings);
		final ImagePlus mask = settings.get(MatchSettings.MASK) == null ? null : ImageFiles.read(settings.get(MatchSettings.MASK));
		final List< String > columns = new ArrayList<>(List.of("File"));
		final List< java.util.Map< String, String > > rows = new ArrayList<>();
		final int code = EachFile.forEach(files, file -> {
			final MatchResult result = TemplateMatching.run(ImageFiles.read(file.toString()), templates, mask, settings, ProgressListener.NONE);
			// the union of the columns: a stack among the files adds Slice, and so on
			for (final String c : MatchTable.columns(result))
				if (!columns.contains(c))
					columns.add(c);
			for (final java.util.Map< String, String > row : MatchTable.cells(result)) {
				row.put("File", MatchTable.csvCell(file.getFileName().toString()));
				rows.add(row);
			}
		}, err);
		final StringBuilder table = new StringBuilder(String.join(",", columns)).append('\n');
		for (final java.util.Map< String, String > row : rows) {
			for (int c = 0; c < columns.size(); c++)
				table.append(c == 0 ? "" : ",").append(row.getOrDefault(columns.get(c), ""));
			table.append('\n');
		}
		if (csv == null)
			out.print(table);
		else {
			SafeWrite.write(Paths.get(csv), f -> Files.write(f, table.toString().getBytes(StandardCharsets.UTF_8)));
			err.println(rows.size() + (rows.size() == 1 ? " match" : " matches") + " from " + files.size() + " files written to " + csv);
		}
		return code;
	}

	/** The template file given after the image (may be null), then those of templates=. */
	private static List< ImagePlus > templates(final String templateFile, final MatchSettings settings) throws IOException {
		final List< ImagePlus > templates = new ArrayList<>();
		if (templateFile != null)
			templates.add(ImageFiles.read(templateFile));
		for (final String file : settings.get(MatchSettings.TEMPLATES))
			templates.add(ImageFiles.read(file));
		return templates;
	}

	/**
	 * The options string as settings; the images come from the files.
	 *
	 * @throws UsageException for a bad option: nothing has been read yet
	 */
	static MatchSettings parse(final String options) {
		final List< String > problems = MatchSettings.keyProblems(options);
		if (!problems.isEmpty())
			throw new UsageException(String.join(" ", problems));
		try {
			return MatchSettings.fromMacroOptions(options).toBuilder().set(MatchSettings.IMAGE, null).set(MatchSettings.TEMPLATE, null).set(MatchSettings.SCORE_MAP, false).set(MatchSettings.ADD_TO_MANAGER, false).build();
		} catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
	}
}
