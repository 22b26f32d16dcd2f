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
 * or a {@code .zarr} folder), as a block plan: the output cut along z into
 * blocks, each read with the planes its kernel reaches, filtered and written
 * on its own. Only paths and the options text are kept, so a job is
 * serialized to wherever its blocks run (threads of this process, or the
 * executors of a Spark cluster reading the same file system).
 *
 * <pre>
 * BlockJob job = BlockJob.of(Operation.CONVOLVE, "planes/", "out.zarr", "kernel=[gaussian(2)] boundary=nearest", 16);
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
	private final int blockPlanes;

	private BlockJob(final Operation operation, final String options, final String input, final String output, final int blockPlanes) {
		this.operation = operation;
		this.options = options;
		this.input = input;
		this.output = output;
		this.blockPlanes = blockPlanes;
	}

	/**
	 * A job, its options checked before anything is read.
	 *
	 * @param blockPlanes output planes per block (a Zarr output uses its chunk depth)
	 * @throws UsageException for bad options or options a store cannot take
	 */
	public static BlockJob of(final Operation operation, final String input, final String output, final String options, final int blockPlanes) {
		if (blockPlanes < 1)
			throw new UsageException("--block needs the number of planes per block, a whole number of at least 1, as in --block 16.");
		final BlockJob job = new BlockJob(operation, options, input, output, blockPlanes);
		job.kernel(job.settings()); // checks the options and the kernel
		return job;
	}

	/** True when a path names a store this job writes or reads plane by plane: a folder, or a name ending in / or .zarr. */
	public static boolean isStore(final String path) {
		return PlaneFolders.isFolder(path) || path.endsWith("/") || path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".zarr");
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
		if (settings.scaled() || settings.maskImage() != null || settings.certainty())
			throw new UsageException("A folder of planes takes a kernel given as text, without scaled, mask= or certainty.");
		if (settings.output() != OutputType.FLOAT)
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

	private PlaneFolders volume() throws IOException {
		final Path in = Path.of(input);
		return ZarrArray.isZarr(in) ? PlaneFolders.openZarr(in) : Files.isDirectory(in) ? PlaneFolders.open(in) : PlaneFolders.openStack(in);
	}

	private PlaneFolders.Sink sink() throws IOException {
		final Path out = Path.of(output);
		final String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".zarr")) {
			final Path in = Path.of(input);
			// the input's chunking when it is a Zarr array, else blocks of planes in 256 x 256 tiles
			return new ZarrWriter(out, ZarrArray.isZarr(in) ? ZarrArray.open(in).chunks() : new int[] { blockPlanes, 256, 256 });
		}
		return PlaneFolders.tiffPlanes(out);
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
		final PlaneFolders volume = volume();
		final PlaneFolders.Sink sink = sink();
		final BlockPlan plan = volume.begin(kernel, settings.convolutionOptions(), sink, blockPlanes, resume);
		final List< Integer > todo = new ArrayList<>();
		for (int b = 0; b < plan.blocks(); b++)
			if (!(resume && sink.written(plan.firstPlane(b), plan.lastPlane(b))))
				todo.add(b);
		return todo;
	}

	/** How many blocks the plan has. */
	public int blocks() throws IOException {
		final FilterSettings settings = settings();
		return volume().attach(kernel(settings), settings.convolutionOptions(), sink(), blockPlanes).blocks();
	}

	/** Computes and writes one block, in an output that {@link #begin} prepared (here or in another process). */
	public void runBlock(final int block) throws IOException {
		final FilterSettings settings = settings();
		final Kernel kernel = kernel(settings);
		final PlaneFolders volume = volume();
		final PlaneFolders.Sink sink = sink();
		final BlockPlan plan = volume.attach(kernel, settings.convolutionOptions(), sink, blockPlanes);
		if (block < 0 || block >= plan.blocks())
			throw new IllegalArgumentException("Block " + block + " is not in the plan of " + plan.blocks() + " blocks.");
		volume.filterBlock(kernel, settings.convolutionOptions(), sink, plan, block);
	}

	/** The whole job in this process, block after block, with the progress of planes on {@code progress}. */
	public void run(final boolean resume, final PrintStream progress) throws IOException {
		checkPaths();
		final FilterSettings settings = settings();
		volume().filter(kernel(settings), settings.convolutionOptions(), sink(), blockPlanes, resume, progress);
	}

	@Override
	public String toString() {
		return operation.name().toLowerCase(Locale.ROOT) + "-nd " + input + " " + output + " \"" + options + "\" (blocks of " + blockPlanes + " planes)";
	}
}
