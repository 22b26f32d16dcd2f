package io.github.convolvej.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.convolvej.core.BlockPlan;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.Operation;
import io.github.convolvej.ij.FilterSettings;
import io.github.convolvej.ij.OutputType;

/**
 * Convolve ND or Correlate ND of a volume store (a folder of TIFF planes, a
 * multi-page TIFF or a Zarr v2 array) into a store (a folder of TIFF planes
 * or a {@code .zarr} folder), as a block plan: the output cut into blocks
 * (whole planes, or tiles of a Zarr output), each read with the halo its
 * kernel reaches, filtered and written on its own. Only paths and the options text are kept, so a job is
 * serialized to wherever its blocks run (threads of this process, or the
 * executors of a Spark cluster reading the same file system).
 *
 * <pre>
 * BlockJob job = BlockJob.of(Operation.CONVOLVE, "planes/", "out.zarr", "kernel=[gaussian(2)] boundary=nearest", BlockJob.parseBlock("512,512,32"));
 * List&lt;Integer&gt; todo = job.begin(false);   // prepares the output; the blocks to compute
 * for (int b : todo) job.runBlock(b);          // anywhere, in any order, as often as wanted
 * </pre>
 *
 * Running a block again writes the same bytes under the same names (each
 * file written whole, then renamed), so retried and speculative copies of a
 * block do no harm.
 */
public final class BlockJob implements Serializable {

	private static final long serialVersionUID = 1L;

	private final Operation operation;
	private final String options;
	private final String input;
	private final String output;
	/** The block size asked for, x, y, z; 0 leaves an axis to the output store (see {@link #parseBlock}). */
	private final long[] block;
	/** A Zarr output's chunks compressed with zlib (else written as they are). */
	private final boolean zlib;

	private BlockJob(final Operation operation, final String options, final String input, final String output, final long[] block, final boolean zlib) {
		this.operation = operation;
		this.options = options;
		this.input = input;
		this.output = output;
		this.block = block.clone();
		this.zlib = zlib;
	}

	/**
	 * A job, its options checked before anything is read.
	 *
	 * @param block the block size, x, y, z, as {@link #parseBlock} gives it
	 * @throws UsageException for bad options or options a store cannot take
	 */
	public static BlockJob of(final Operation operation, final String input, final String output, final String options, final long[] block) {
		if (block.length != 3 || java.util.Arrays.stream(block).anyMatch(s -> s < 0))
			throw new UsageException("A block size is three whole numbers X,Y,Z (0 for the store's choice), not " + java.util.Arrays.toString(block) + ".");
		final BlockJob job = new BlockJob(operation, options, input, output, block, true);
		job.kernel(job.settings()); // checks the options and the kernel
		return job;
	}

	/**
	 * The same job with a Zarr output's compressor given by {@code --compressor}:
	 * {@code zlib} (level 1, the default) or {@code none} (faster to write,
	 * larger on disk).
	 */
	public BlockJob compressor(final String name) {
		if (!name.equals("zlib") && !name.equals("none"))
			throw new UsageException("--compressor takes zlib or none (for a .zarr output), not '" + name + "'.");
		return new BlockJob(operation, options, input, output, block, name.equals("zlib"));
	}

	/**
	 * The value of {@code --block}: {@code Z} (output planes per block, whole
	 * planes or the Zarr output's tiles) or {@code X,Y,Z} (tiles of a Zarr
	 * output, rounded up to whole chunks); null gives the default, blocks of
	 * 16 planes.
	 *
	 * @return x, y, z; 0 where the output store chooses
	 */
	public static long[] parseBlock(final String text) {
		if (text == null)
			return new long[] { 0, 0, 16 };
		if (text.matches("[1-9]\\d{0,5}"))
			return new long[] { 0, 0, Long.parseLong(text) };
		if (text.matches("[1-9]\\d{0,5},[1-9]\\d{0,5},[1-9]\\d{0,5}"))
			return java.util.Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
		throw new UsageException("--block takes the output planes per block, as in --block 16, or a tile X,Y,Z for a .zarr output, as in --block 512,512,32 (whole numbers of at least 1), not '" + text + "'.");
	}

	/** True when a path names a store this job writes or reads plane by plane: a folder, or a name ending in / or .zarr. */
	public static boolean isStore(final String path) {
		return VolumeSource.isFolder(path) || path.endsWith("/") || path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".zarr");
	}

	private FilterSettings settings() {
		final List< String > problems = FilterSettings.keyProblems(options);
		if (!problems.isEmpty())
			throw new UsageException(String.join(" ", problems));
		final FilterSettings settings;
		try {
			settings = FilterSettings.fromMacroOptions(operation, options);
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
		if (settings.get(FilterSettings.SCALED) || settings.get(FilterSettings.MASK) != null || settings.get(FilterSettings.CERTAINTY))
			throw new UsageException("A folder of planes takes a kernel given as text, without scaled, mask= or certainty.");
		if (settings.get(FilterSettings.OUTPUT) != OutputType.FLOAT)
			throw new UsageException("A folder of planes is written as 32-bit planes; leave output= out or give output=32-bit.");
		return settings;
	}

	private Kernel kernel(final FilterSettings settings) {
		try {
			// kernel_image= names a file here, where the macro names an open image
			return settings.kernel(path -> {
				try {
					return ImageFiles.read(path);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(new IOException("kernel_image: " + e.getMessage(), e));
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage(), e);
		}
	}

	private VolumeSource volume() throws IOException {
		return VolumeSource.open(input);
	}

	private BlockSink sink() throws IOException {
		final Path out = Path.of(output);
		final String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".zarr")) {
			final Path in = Path.of(input);
			// chunks of the tile asked for; else the input's chunking when it is a Zarr array; else 256 x 256 x planes
			final boolean tileAsked = block[0] > 0 || block[1] > 0;
			return new ZarrWriter(out, !tileAsked && ZarrArray.isZarr(in) ? ZarrArray.open(in).chunks() : null, zlib);
		}
		return new TiffPlaneSink(out);
	}

	private void checkPaths() throws IOException {
		final Path in = Path.of(input), out = Path.of(output);
		if (Files.exists(out) && !Files.isDirectory(out))
			throw new UsageException("The output of a run plane by plane is a folder of planes, not the file " + out + ".");
		if (Files.exists(out) && Files.exists(in) && Files.isSameFile(in, out))
			throw new UsageException("The output folder is the input folder: ConvolveJ never overwrites its input. Give another folder.");
	}

	/**
	 * Prepares the output store (empty, or with {@code resume} one this job
	 * started) and returns the blocks still to compute, in order.
	 */
	public List< Integer > begin(final boolean resume) throws IOException {
		checkPaths();
		final FilterSettings settings = settings();
		final Kernel kernel = kernel(settings);
		final BlockSink sink = sink();
		final BlockPlan plan = BlockRun.begin(volume(), kernel, settings.convolutionOptions(), sink, block, record(settings, resume));
		final List< Integer > todo = new ArrayList<>();
		for (int b = 0; b < plan.blocks(); b++)
			if (!(resume && sink.written(plan.blockInOutput(b))))
				todo.add(b);
		return todo;
	}

	/** How many blocks the plan has. */
	public int blocks() throws IOException {
		final FilterSettings settings = settings();
		return BlockRun.attach(volume(), kernel(settings), settings.convolutionOptions(), sink(), block).blocks();
	}

	/** Computes and writes one block, in an output that {@link #begin} prepared (here or in another process). */
	public void runBlock(final int block) throws IOException {
		final FilterSettings settings = settings();
		final Kernel kernel = kernel(settings);
		final VolumeSource volume = volume();
		final BlockSink sink = sink();
		final BlockPlan plan = BlockRun.attach(volume, kernel, settings.convolutionOptions(), sink, this.block);
		if (block < 0 || block >= plan.blocks())
			throw new IllegalArgumentException("Block " + block + " is not in the plan of " + plan.blocks() + " blocks.");
		BlockRun.filterBlock(volume, kernel, settings.convolutionOptions(), sink, plan, block);
	}

	/** The whole job in this process, blocks on the options' threads, with a progress line on {@code progress}. */
	public void run(final boolean resume, final PrintStream progress) throws IOException {
		checkPaths();
		final FilterSettings settings = settings();
		BlockRun.filter(volume(), kernel(settings), settings.convolutionOptions(), sink(), block, record(settings, resume), progress);
	}

	/** This job as its store records it: the command, the input as given to every process, the options normalized. */
	private RunRecord record(final FilterSettings settings, final boolean resume) {
		final String in = input.startsWith(ImageFiles.SAMPLE_PREFIX) ? input : Path.of(input).toAbsolutePath().normalize().toString();
		return new RunRecord(operation.name().toLowerCase(Locale.ROOT) + "-nd " + in + " \"" + settings.toMacroOptions() + "\"", resume);
	}

	@Override
	public String toString() {
		return operation.name().toLowerCase(Locale.ROOT) + "-nd " + input + " " + output + " \"" + options + "\" (blocks of " + block[0] + "," + block[1] + "," + block[2] + ", 0 = the store's choice)";
	}
}
