package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import io.github.convolvej.bench.Benchmark;
import io.github.convolvej.core.CancelledException;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.core.Threads;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.demo.Demo;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.ImageFilter;
import io.github.convolvej.ij.NotEnoughMemoryException;
import io.github.convolvej.ij.KernelCalibration;
import io.github.convolvej.ij.ScaledUnits;

/**
 * The {@code convolvej} command-line tool: every command with no display, for
 * lab pipelines and clusters, with the same options strings as the macros.
 *
 * <pre>
 * convolvej convolve-nd in.tif out.tif "kernel=laplace mode=same boundary=symm"
 * convolvej correlate-nd in.png out.tif "kernel=ripple mode=full boundary=fill"
 * convolvej match-template face.png eye.png --csv matches.csv "method=[Correlation coefficient]"
 * convolvej demo [FOLDER] [--quick]
 * convolvej bench [--only W1,W3] [--threads N] [--runs N] [--json FILE]
 * </pre>
 *
 * Exit codes: 0 done; 1 failed while reading, computing or writing; 2 the
 * command line is wrong (nothing was read or written). Errors are one line on
 * standard error, without a stack trace (set the system property
 * {@code convolvej.trace=true} to see one).
 */
public final class ConvolveJCli {

	/** Exit code: done. */
	public static final int OK = 0;
	/** Exit code: reading, computing or writing failed. */
	public static final int FAILURE = 1;
	/** Exit code: the command line is wrong. */
	public static final int USAGE = 2;

	private final PrintStream out;
	private final PrintStream err;

	private ConvolveJCli(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(final String[] args) {
		// ImageJ must not try to build windows or menus: nothing here needs them.
		if (System.getProperty("java.awt.headless") == null)
			System.setProperty("java.awt.headless", "true");
		// What ImageJ itself prints (banners, its own stack traces) goes to standard error, so that
		// standard output holds only what the command gives: tables, file lists.
		final PrintStream out = System.out;
		System.setOut(System.err);
		System.exit(run(args, out, System.err));
	}

	/**
	 * Runs one command line.
	 *
	 * @return the exit code: {@link #OK}, {@link #FAILURE} or {@link #USAGE}
	 */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		return new ConvolveJCli(out, err).dispatch(Arrays.asList(args));
	}

	private int dispatch(final List< String > args) {
		if (args.isEmpty()) {
			err.print(CliHelp.general());
			return USAGE;
		}
		String command = args.get(0);
		final List< String > rest = args.subList(1, args.size());
		try {
			if (command.equals("--help") || command.equals("-h"))
				command = "help";
			if (!command.equals("help") && (rest.contains("--help") || rest.contains("-h"))) {
				out.print(CliHelp.forCommand(command));
				return OK;
			}
			switch (command) {
				case "help":
					out.print(rest.isEmpty() ? CliHelp.general() : CliHelp.forCommand(rest.get(0)));
					return OK;
				case "convolve-nd":
					return filter(Operation.CONVOLVE, rest);
				case "correlate-nd":
					return filter(Operation.CORRELATE, rest);
				case "match-template":
					return MatchCommand.run(rest, out, err);
				case "spark":
					return spark(rest);
				case "demo":
					return demo(rest);
				case "bench":
					return Benchmark.run(rest.toArray(new String[0]), out, err);
				default:
					throw new UsageException("Unknown command '" + command + "'. Commands: " + String.join(", ", CliHelp.COMMANDS) + ".");
			}
		}
		catch (final UsageException e) {
			report(e);
			err.println("Run 'convolvej help" + (CliHelp.COMMANDS.contains(command) ? " " + command : "") + "' for usage.");
			return USAGE;
		}
		catch (final UncheckedIOException e) {
			report(e.getCause());
			return FAILURE;
		}
		catch (final IOException | IllegalArgumentException | IllegalStateException | CancelledException e) {
			report(e);
			return FAILURE;
		}
		catch (final OutOfMemoryError e) {
			report(new NotEnoughMemoryException(-1, e));
			return FAILURE;
		}
		catch (final NotEnoughMemoryException e) {
			report(e);
			return FAILURE;
		}
		catch (final RuntimeException e) {
			if (NotEnoughMemoryException.isCause(e)) {
				report(new NotEnoughMemoryException(-1, e));
				return FAILURE;
			}
			// A defect rather than bad input: name the exception so it can be reported.
			report(new IllegalStateException("Unexpected " + e, e));
			return FAILURE;
		}
	}

	/** convolve-nd / correlate-nd IN OUT [OPTIONS...] [--scale] */
	private int filter(final Operation operation, final List< String > args) throws IOException {
		final List< String > positional = new ArrayList<>();
		boolean scale = false, resume = false;
		String block = null, compressor = "zlib";
		int threads = 0;
		String each = null;
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("--scale"))
				scale = true;
			else if (a.equals("--resume"))
				resume = true;
			else if (a.equals("--block")) {
				if (i + 1 >= args.size())
					throw new UsageException("--block needs the planes per block, as in --block 16, or a tile X,Y,Z for a .zarr output, as in --block 512,512,32.");
				block = args.get(++i);
				BlockJob.parseBlock(block);
			}
			else if (a.equals("--compressor")) {
				if (i + 1 >= args.size())
					throw new UsageException("--compressor takes zlib or none (for a .zarr output).");
				compressor = args.get(++i);
			}
			else if (a.equals("--each")) {
				if (i + 1 >= args.size())
					throw new UsageException("--each needs a pattern or a folder, as in --each 'data/*.tif' OUTDIR \"options\".");
				each = args.get(++i);
			}
			else if (a.equals("--threads")) {
				if (i + 1 >= args.size() || !args.get(i + 1).matches("[1-9]\\d{0,3}"))
					throw new UsageException("--threads needs a whole number of at least 1, as in --threads 4.");
				threads = Integer.parseInt(args.get(++i));
			}
			else if (a.startsWith("--"))
				throw new UsageException("Unknown flag '" + a + "'. The flags are --scale, --threads N, --each PATTERN, and for volumes (folders of planes, Zarr) --block Z or X,Y,Z, --compressor zlib|none and --resume.");
			else
				positional.add(a);
		}
		if (each != null && positional.isEmpty())
			throw new UsageException("Give the output folder after --each PATTERN, then the options in quotes, e.g. --each 'data/*.tif' smooth/ \"kernel=[gaussian(2)]\".");
		if (each == null && positional.size() < 2)
			throw new UsageException("Give an input and an output file, then the options in quotes, e.g. "
					+ "in.tif out.tif \"kernel=laplace mode=same\".");
		if (each != null && (resume || block != null || !compressor.equals("zlib")))
			throw new UsageException("--each filters files one by one; --block, --compressor and --resume are for a volume (a folder of planes, a Zarr array).");
		if (threads > 0) {
			final boolean s = scale, r = resume;
			final String b = block, c = compressor, pattern = each;
			return Threads.call(threads, () -> pattern != null ? filterEach(operation, pattern, positional, s) : filter(operation, positional, s, b, r, c));
		}
		return each != null ? filterEach(operation, each, positional, scale) : filter(operation, positional, scale, block, resume, compressor);
	}

	/** --each PATTERN OUTDIR [OPTIONS]: every file on its own, into OUTDIR under its own name. */
	private int filterEach(final Operation operation, final String pattern, final List< String > positional, final boolean scale) throws IOException {
		final String options = String.join(" ", positional.subList(1, positional.size()));
		// bad options stop the run before any file is read
		final List< String > problems = FilterSettings.keyProblems(options);
		if (!problems.isEmpty())
			throw new UsageException(String.join(" ", problems));
		try {
			final FilterSettings settings = FilterSettings.fromMacroOptions(operation, options);
			if (settings.get(FilterSettings.KERNEL_IMAGE) == null && !settings.get(FilterSettings.SCALED))
				settings.kernel(title -> null);
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
		final List< Path > files = EachFile.files(pattern);
		final Path out = EachFile.outputFolder(positional.get(0), files);
		return EachFile.forEach(files, file -> filter(operation, List.of(file.toString(), EachFile.outputFor(file, out).toString(), options), scale, null, false, "zlib"), err);
	}

	private int filter(final Operation operation, final List< String > positional, final boolean scale, final String block, final boolean resume, final String compressor) throws IOException {
		final String input = positional.get(0);
		final String output = positional.get(1);
		// Options may come in one quoted argument or split by the shell: join them back.
		final String options = String.join(" ", positional.subList(2, positional.size()));
		if (!VolumeSource.isFolder(input) && !VolumeSource.isFolder(output) && !output.endsWith("/") && !output.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "").endsWith(".zarr")) {
			ImageFiles.checkWritable(output);
			SafeWrite.checkNotInput(output, input);
			SafeWrite.checkNotInput(certaintyPath(output), input);
		}

		final FilterSettings settings;
		Kernel kernel = null;
		// the kernel image file is read once: for the kernel, then for its calibration
		final java.util.Map< String, ImagePlus > kernelImages = new java.util.HashMap<>();
		final java.util.function.Function< String, ImagePlus > kernelImage = path -> kernelImages.computeIfAbsent(path, ConvolveJCli::readKernelImage);
		try {
			// The README promises exit 2 for a bad options string: unknown or repeated keys included.
			final List< String > problems = FilterSettings.keyProblems(options);
			if (!problems.isEmpty())
				throw new UsageException(String.join(" ", problems));
			settings = FilterSettings.fromMacroOptions(operation, options);
			// kernel_image= names a file here, where the macro names an open image.
			if (!settings.get(FilterSettings.SCALED)) // scaled kernels need the image's pixel size: read below
				kernel = settings.kernel(kernelImage);
		}
		catch (final UncheckedIOException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
		if (BlockJob.isStore(input) || BlockJob.isStore(output)) {
			BlockJob.of(operation, input, output, options, BlockJob.parseBlock(block)).compressor(compressor).run(resume, err);
			return OK;
		}
		if (resume)
			throw new UsageException("--resume is for folders of planes; " + input + " is a file.");
		final ImagePlus source = ImageFiles.read(input);
		if (kernel == null) {
			kernel = settings.kernel(kernelImage, source);
			out.println(operation.name().toLowerCase(java.util.Locale.ROOT) + "-nd, scaled: " + ScaledUnits.describe(settings.get(FilterSettings.KERNEL), source));
		}
		if (settings.get(FilterSettings.KERNEL_IMAGE) != null)
			KernelCalibration.mismatch(source, kernelImage.apply(settings.get(FilterSettings.KERNEL_IMAGE))).ifPresent(w -> err.println("Warning: " + w));
		// mask= names a file here too
		final ImagePlus mask = settings.mask(path -> readImage("mask", path));
		final List< ImagePlus > results = ImageFilter.applyAll(source, settings, kernel, mask, ProgressListener.NONE);
		ImageFiles.write(results.get(0), output, scale, err);
		if (results.size() > 1)
			ImageFiles.write(results.get(1), certaintyPath(output), scale, err);
		return OK;
	}

	/** {@code out-certainty.tif} beside {@code out.tif}. */
	static String certaintyPath(final String output) {
		final int slash = Math.max(output.lastIndexOf('/'), output.lastIndexOf(java.io.File.separatorChar));
		final int dot = output.lastIndexOf('.');
		return dot > slash ? output.substring(0, dot) + "-certainty" + output.substring(dot) : output + "-certainty";
	}

	private static ImagePlus readImage(final String key, final String path) {
		try {
			return ImageFiles.read(path);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(new IOException(key + ": " + e.getMessage(), e));
		}
	}

	private static ImagePlus readKernelImage(final String path) {
		return readImage("kernel_image", path);
	}

	/** spark ...: Spark comes from its own class path (./convolvej spark, or spark-submit). */
	private int spark(final List< String > args) {
		try {
			return io.github.convolvej.spark.SparkMain.run(args.toArray(new String[0]), err);
		}
		catch (final NoClassDefFoundError e) {
			err.println("convolvej spark: Apache Spark is not on the class path (" + e.getMessage() + "). Run it as './convolvej spark ...', which adds Spark, or with spark-submit (see the README).");
			return FAILURE;
		}
	}

	/** demo [FOLDER] [--quick] */
	private int demo(final List< String > args) throws IOException {
		boolean quick = false;
		final List< String > positional = new ArrayList<>();
		for (final String a : args) {
			if (a.equals("--quick"))
				quick = true;
			else if (a.startsWith("--"))
				throw new UsageException("Unknown flag '" + a + "'. The only flag is --quick.");
			else
				positional.add(a);
		}
		if (positional.size() > 1)
			throw new UsageException("Give at most one output folder, not " + positional.size() + ".");
		final Path folder = Paths.get(positional.isEmpty() ? "demo-output" : positional.get(0)).toAbsolutePath().normalize();
		out.println("ConvolveJ demo: the example macros on the bundled samples" + (quick ? ", shrunk 4x (--quick)" : "") + ".");
		final List< Path > written = new Demo(folder, quick, out).run();
		out.println(written.size() + " files written. Figures and results are in:");
		out.println(folder);
		return OK;
	}

	private void report(final Throwable e) {
		final String message = e.getMessage() == null || e.getMessage().isEmpty() ? e.toString() : e.getMessage();
		err.println("convolvej: " + message);
		if (Boolean.getBoolean("convolvej.trace"))
			e.printStackTrace(err);
	}
}
