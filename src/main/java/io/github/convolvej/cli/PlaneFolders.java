package io.github.convolvej.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.FloatProcessor;
import io.github.convolvej.core.BlockPlan;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.ProgressRange;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * A volume stored as a folder of 2-D TIFF planes (an image sequence, one z
 * plane per file, in natural name order) or as a multi-page TIFF, filtered
 * slab by slab so that only
 * a slab of output planes and the input planes its kernel reaches are in
 * memory. The boundary rule along z is applied at the volume's true first and
 * last plane, never at a slab's; each output plane is written whole under its
 * final name (see {@link SafeWrite}), so a run stopped at any moment and run
 * again with {@code --resume} computes only the planes not yet written.
 */
final class PlaneFolders {

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	/** Reads plane {@code z} (0-based) as 32-bit values. */
	@FunctionalInterface
	private interface PlaneReader {
		float[] read(int z) throws IOException;
	}

	private final PlaneReader reader;
	private final int width, height, depth;

	private PlaneFolders(final PlaneReader reader, final int width, final int height, final int depth) {
		this.reader = reader;
		this.width = width;
		this.height = height;
		this.depth = depth;
	}

	/** A Zarr v2 array, read a chunk row at a time. */
	static PlaneFolders openZarr(final Path folder) throws IOException {
		final ZarrArray zarr = ZarrArray.open(folder);
		return new PlaneFolders(zarr::plane, zarr.width(), zarr.height(), zarr.depth());
	}

	/**
	 * A multi-page TIFF (one channel, z planes) read plane by plane through
	 * ImageJ's virtual stack, never whole.
	 */
	static PlaneFolders openStack(final Path file) throws IOException {
		if (!Files.isRegularFile(file))
			throw new java.io.FileNotFoundException("No such image file: " + file);
		TiffCheck.check(file.toFile());
		final ImagePlus stack = IJ.openVirtual(file.toString());
		if (stack == null)
			throw new IOException("Cannot read " + file + ": ImageJ could not open it as a TIFF stack.");
		if (stack.getNChannels() > 1 || stack.getNFrames() > 1 || stack.getBitDepth() == 24)
			throw new UsageException(file + " has " + stack.getNChannels() + " channels and " + stack.getNFrames()
					+ " time points (or RGB pixels); plane by plane it must be one gray channel of z planes. Split it first (Image > Color > Split Channels, Image > Stacks > Tools > Reduce).");
		final ij.ImageStack planes = stack.getStack();
		return new PlaneFolders(z -> (float[]) planes.getProcessor(z + 1).convertToFloatProcessor().getPixels(), stack.getWidth(), stack.getHeight(), stack.getStackSize());
	}

	/** The planes of an ImageJ stack (a virtual stack reads each from disk when asked), as 32-bit values. */
	static PlaneFolders ofStack(final ij.ImageStack stack, final int width, final int height) {
		return new PlaneFolders(z -> (float[]) stack.getProcessor(z + 1).convertToFloatProcessor().getPixels(), width, height, stack.getSize());
	}

	/** The TIFF planes of a folder, all of one size; refused with a message otherwise. */
	static PlaneFolders open(final Path folder) throws IOException {
		final List< Path > files = new ArrayList<>();
		try (var list = Files.list(folder)) {
			list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?") && !p.getFileName().toString().startsWith("."))
					.forEach(files::add);
		}
		if (files.isEmpty())
			throw new IOException("Cannot read " + folder + ": the folder holds no .tif planes.");
		files.sort(PlaneFolders::naturalOrder);
		final ImagePlus first = ImageFiles.read(files.get(0).toString());
		if (first.getStackSize() != 1)
			throw new IOException("Cannot read " + folder + ": " + files.get(0).getFileName() + " has " + first.getStackSize()
					+ " planes; a folder of planes holds one plane per file.");
		final int w = first.getWidth(), h = first.getHeight();
		return new PlaneFolders(z -> readPlane(files.get(z), w, h), w, h, files.size());
	}

	int depth() {
		return depth;
	}

	/** Where the output planes go: a folder of TIFF planes or a Zarr array. */
	interface Sink {
		/** Checks the store for a new run or a resumed one, and prepares it; returns the planes per block. */
		int begin(long width, long height, long depth, int blockPlanes, boolean resume) throws IOException;

		/** Takes the sizes of a store another process has prepared with {@link #begin}; returns the planes per block. */
		int attach(long width, long height, long depth, int blockPlanes);

		/** Whether output planes {@code z0 .. z1} are all written (for --resume). */
		boolean written(long z0, long z1);

		/** Writes output planes from {@code z0}: {@code values}, x fastest, then y, then z. */
		void write(long z0, int width, int height, int planes, float[] values) throws IOException;
	}

	/** The output's interval for this kernel and these options. */
	Interval outputInterval(final Kernel kernel, final ConvolutionOptions options) {
		return options.mode().outputInterval(new FinalInterval(width, height, depth()), kernel.withDimensions(3), options.operation());
	}

	/** Prepares the sink (checked for a new or resumed run) and returns the plan. */
	BlockPlan begin(final Kernel kernel, final ConvolutionOptions options, final Sink sink, final int blockPlanes, final boolean resume) throws IOException {
		final Interval output = outputInterval(kernel, options);
		return BlockPlan.of(new FinalInterval(width, height, depth()), kernel, options, sink.begin(output.dimension(0), output.dimension(1), output.dimension(2), blockPlanes, resume));
	}

	/** The plan of a sink another process has prepared. */
	BlockPlan attach(final Kernel kernel, final ConvolutionOptions options, final Sink sink, final int blockPlanes) {
		final Interval output = outputInterval(kernel, options);
		return BlockPlan.of(new FinalInterval(width, height, depth()), kernel, options, sink.attach(output.dimension(0), output.dimension(1), output.dimension(2), blockPlanes));
	}

	/** Filters the volume into {@code sink}, a block of {@code blockPlanes} output planes at a time (or the sink's chunk depth). */
	void filter(final Kernel kernel, final ConvolutionOptions options, final Sink sink, final int blockPlanes, final boolean resume, final PrintStream progress) throws IOException {
		final BlockPlan plan = begin(kernel, options, sink, blockPlanes, resume);
		final long outDepth = plan.output().dimension(2);
		final double planeMegabytes = 4.0 * plan.output().dimension(0) * plan.output().dimension(1) / 1e6;
		final long start = System.nanoTime();
		// as many blocks in flight as threads, each on one thread: reading, compressing and
		// writing a block overlap the others' convolution (memory: threads x block with halo)
		final int threads = Math.max(1, Math.min(options.executor().getParallelism(), plan.blocks()));
		final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		final long[] counts = new long[3]; // blocks done, planes done, planes computed
		final IOException[] failure = new IOException[1];
		final List< Runnable > workers = new ArrayList<>();
		for (int w = 0; w < threads; w++)
			workers.add(() -> {
				int block;
				while (failure[0] == null && (block = next.getAndIncrement()) < plan.blocks()) {
					final long planes = plan.lastPlane(block) - plan.firstPlane(block) + 1;
					boolean computed = false;
					try {
						if (!(resume && sink.written(plan.firstPlane(block), plan.lastPlane(block)))) {
							final ConvolutionOptions one = options.copy().progress(ProgressRange.part(options.progress(), block, plan.blocks()));
							filterBlock(kernel, threads > 1 ? one.executor(net.imglib2.parallel.TaskExecutors.singleThreaded()) : one, sink, plan, block);
							computed = true;
						}
					}
					catch (final IOException e) {
						synchronized (failure) {
							failure[0] = e;
						}
						return;
					}
					synchronized (counts) {
						counts[0]++;
						counts[1] += planes;
						if (computed)
							counts[2] += planes;
						progress.print(progressLine((int) counts[0], plan.blocks(), counts[1], outDepth, counts[2], planeMegabytes, (System.nanoTime() - start) / 1e9));
					}
				}
			});
		if (threads == 1)
			workers.get(0).run();
		else
			try {
				options.executor().runAll(workers);
			}
			catch (final RuntimeException e) {
				// a cancel or a failure in a worker arrives wrapped: give it as it was thrown
				for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause())
					if (c instanceof io.github.convolvej.core.CancelledException || c instanceof IllegalArgumentException)
						throw (RuntimeException) c;
				throw e;
			}
		if (failure[0] != null)
			throw failure[0];
		progress.println();
	}

	/** {@code blocks 3 / 16, planes 48 / 256, 41.2 MB/s, about 1 min 20 s left}, from the start of the line. */
	static String progressLine(final int blocks, final int totalBlocks, final long planes, final long totalPlanes, final long computedPlanes, final double planeMegabytes, final double seconds) {
		final StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "\rblocks %d / %d, planes %d / %d", blocks, totalBlocks, planes, totalPlanes));
		if (computedPlanes > 0 && seconds > 0) {
			sb.append(String.format(Locale.ROOT, ", %.1f MB/s", computedPlanes * planeMegabytes / seconds));
			final double left = (totalPlanes - planes) * seconds / computedPlanes;
			if (planes < totalPlanes)
				sb.append(", about ").append(left >= 60 ? (long) (left / 60) + " min " + Math.round(left % 60) + " s" : Math.round(left) + " s").append(" left");
		}
		return sb.append("   ").toString();
	}

	/**
	 * One block of the plan: reads the input planes it needs (the boundary rule
	 * applied at the volume's true first and last plane), filters, writes.
	 */
	void filterBlock(final Kernel kernel, final ConvolutionOptions options, final Sink sink, final BlockPlan plan, final int block) throws IOException {
		final Kernel k = kernel.withDimensions(3);
		final Boundary boundary = options.boundary();
		final long z0 = plan.firstPlane(block);
		// the output slab, in image coordinates, and the input planes it reads
		final Interval slab = plan.block(block);
		final Interval source = plan.sourceInterval(block);
		final int depth = (int) source.dimension(2);
		final ArrayImg< FloatType, FloatArray > planesRead = ArrayImgs.floats(width, height, depth);
		final float[] data = planesRead.update(null).getCurrentStorageArray();
		for (int i = 0; i < depth; i++) {
			final long z = boundary.sourceIndex(source.min(2) + i, depth());
			if (z < 0)
				Arrays.fill(data, i * width * height, (i + 1) * width * height, (float) options.fillValue());
			else
				System.arraycopy(reader.read((int) z), 0, data, i * width * height, width * height);
		}
		// x and y are extended by the boundary rule; along z the planes read already are the extension
		final var extended = Views.extend(Views.translate(planesRead, 0, 0, source.min(2)), boundary.outOfBoundsFactory(new FloatType((float) options.fillValue())));
		final ArrayImg< FloatType, FloatArray > result = ArrayImgs.floats(slab.dimension(0), slab.dimension(1), slab.dimension(2));
		Convolution.compute(extended, k, Views.translate(result, slab.minAsLongArray()), null, options);
		sink.write(z0, (int) slab.dimension(0), (int) slab.dimension(1), (int) slab.dimension(2), result.update(null).getCurrentStorageArray());
	}

	/** A folder of 32-bit TIFF planes {@code plane_00000.tif}, ..., each written whole under its final name. */
	static Sink tiffPlanes(final Path out) {
		return new Sink() {

			@Override
			public int begin(final long width, final long height, final long depth, final int blockPlanes, final boolean resume) throws IOException {
				Files.createDirectories(out);
				checkOutputFolder(out, depth, resume);
				return blockPlanes;
			}

			@Override
			public int attach(final long width, final long height, final long depth, final int blockPlanes) {
				return blockPlanes;
			}

			@Override
			public boolean written(final long z0, final long z1) {
				return allWritten(out, z0, z1);
			}

			@Override
			public void write(final long z0, final int width, final int height, final int planes, final float[] values) throws IOException {
				final int planeValues = width * height;
				for (int i = 0; i < planes; i++) {
					final float[] plane = Arrays.copyOfRange(values, i * planeValues, (i + 1) * planeValues);
					final ImagePlus imp = new ImagePlus("plane", new FloatProcessor(width, height, plane));
					final Path target = out.resolve(planeName(z0 + i));
					SafeWrite.write(target, file -> {
						if (!new FileSaver(imp).saveAsTiff(file.toString()))
							throw new IOException("Could not write " + target + ".");
					});
				}
			}
		};
	}

	static String planeName(final long z) {
		return String.format(Locale.ROOT, "plane_%05d.tif", z);
	}

	private static boolean allWritten(final Path out, final long z0, final long z1) {
		for (long z = z0; z <= z1; z++)
			if (!Files.isRegularFile(out.resolve(planeName(z))))
				return false;
		return true;
	}

	/** Without --resume the folder must hold no planes; with it, only planes of this run's numbering. */
	private static void checkOutputFolder(final Path out, final long depth, final boolean resume) throws IOException {
		try (var list = Files.list(out)) {
			for (final Path p : (Iterable< Path >) list::iterator) {
				final String name = p.getFileName().toString();
				if (name.startsWith(".")) {
					// a plane whose writing was cut short: written again below
					if (resume && name.matches("\\.plane_\\d{5}\\.tif\\..*\\.partial\\.tif"))
						Files.delete(p);
					continue;
				}
				if (!resume)
					throw new UsageException("The output folder " + out + " is not empty (it holds " + name + "). Give an empty or new folder, or --resume to finish a run that was stopped.");
				final Matcher m = Pattern.compile("plane_(\\d{5})\\.tif").matcher(name);
				if (!m.matches() || Long.parseLong(m.group(1)) >= depth)
					throw new UsageException("The output folder " + out + " holds " + name + ", which this run would not write: --resume continues only the same run. Give an empty or new folder.");
			}
		}
	}

	private static float[] readPlane(final Path file, final int width, final int height) throws IOException {
		final ImagePlus imp = ImageFiles.read(file.toString());
		if (imp.getWidth() != width || imp.getHeight() != height || imp.getStackSize() != 1)
			throw new IOException("Cannot read " + file + ": it is " + imp.getWidth() + " x " + imp.getHeight() + " x " + imp.getStackSize()
					+ " but the folder's first plane is " + width + " x " + height + "; every plane must have the same size.");
		return (float[]) imp.getProcessor().convertToFloatProcessor().getPixels();
	}

	/** Names with numbers compared by value: plane2 before plane10. */
	static int naturalOrder(final Path a, final Path b) {
		final String x = a.getFileName().toString(), y = b.getFileName().toString();
		final Matcher mx = NUMBER.matcher(x), my = NUMBER.matcher(y);
		int i = 0, j = 0;
		while (i < x.length() && j < y.length()) {
			if (Character.isDigit(x.charAt(i)) && Character.isDigit(y.charAt(j)) && mx.find(i) && my.find(j)) {
				final int c = new java.math.BigInteger(mx.group()).compareTo(new java.math.BigInteger(my.group()));
				if (c != 0)
					return c;
				i = mx.end();
				j = my.end();
			}
			else {
				final int c = Character.compare(x.charAt(i), y.charAt(j));
				if (c != 0)
					return c;
				i++;
				j++;
			}
		}
		return Integer.compare(x.length() - i, y.length() - j);
	}

	static boolean isFolder(final String path) {
		return new File(path).isDirectory();
	}
}
