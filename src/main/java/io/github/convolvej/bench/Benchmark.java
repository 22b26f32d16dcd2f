package io.github.convolvej.bench;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;

import io.github.convolvej.cli.FileProblem;
import io.github.convolvej.core.Algorithm;
import io.github.convolvej.core.Boundary;
import io.github.convolvej.core.Convolution;
import io.github.convolvej.core.ConvolutionOptions;
import io.github.convolvej.core.Kernel;
import io.github.convolvej.core.OutputMode;
import io.github.convolvej.core.engine.WeightedSums;
import io.github.convolvej.core.match.Flip;
import io.github.convolvej.core.match.Match;
import io.github.convolvej.core.match.MatchMethod;
import io.github.convolvej.core.match.MatchOptions;
import io.github.convolvej.core.match.PeakFinder;
import io.github.convolvej.core.match.ScoreMap;
import io.github.convolvej.core.match.SearchTemplate;
import io.github.convolvej.core.match.TemplateMatcher;
import io.github.convolvej.core.match.TemplateVariants;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The speed benchmark: fixed workloads in one JVM, after JIT warm-up, each
 * timed at least five times through the public API. Prints, per workload,
 * the engine the automatic choice picked, the median time, Mpixel/s and the
 * peak heap used beyond the input.
 *
 * <pre>
 * bench [--only W1,W3] [--threads N] [--runs N] [--json FILE] [--via apply|compute|copy|reuse]
 * </pre>
 *
 * {@code --via compute} runs the convolution workloads through
 * {@link Convolution#compute} on an ImgLib2 out-of-bounds view into an
 * allocated target, instead of {@link Convolution#apply}; {@code --via copy}
 * the same on a view compute does not recognise, so that it copies each
 * block through ImgLib2's {@code PrimitiveBlocks} instead of reading the
 * image in place: the A/B comparison of the reading paths. {@code --via reuse}
 * computes into targets allocated once per workload, as a caller filtering
 * image after image into the same outputs does (OpenCV's {@code dst}).
 */
public final class Benchmark {

	/** How the convolution workloads reach the core. */
	enum Via {
		/** {@link Convolution#apply}. */
		APPLY,
		/** {@link Convolution#compute} on {@code Views.extend(image, factory)}, read in place. */
		COMPUTE,
		/** {@link Convolution#compute} on the same view behind a translation there and back, copied block by block. */
		COPY,
		/** {@link Convolution#compute} as {@link #COMPUTE}, into targets allocated once per workload. */
		REUSE
	}

	private static final long SEED = 42;
	/** Untimed runs after the timed ones in which the heap is sampled. */
	private static final int HEAP_RUNS = 2;
	/**
	 * Warm-up lasts at least this long (the JIT compiles the hot loops in
	 * the first seconds; short workloads, as the FFT's many small methods,
	 * need seconds of runs, not a few runs), then until the times are
	 * stable: the median of the last three runs within 3% of the median of
	 * the three before. At most 100 runs or {@link #WARM_UP_MAX_NANOS}.
	 */
	private static final long WARM_UP_NANOS = 2_000_000_000L, WARM_UP_MAX_NANOS = 30_000_000_000L;

	private Benchmark() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs the benchmark; returns the exit code. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		Map< String, Workload > all = workloads(Via.APPLY, Algorithm.AUTO);
		List< String > only = new ArrayList<>(all.keySet());
		only.removeAll(ON_REQUEST);
		int threads = Runtime.getRuntime().availableProcessors();
		int runs = 7;
		String json = null;
		Via via = Via.APPLY;
		Algorithm algorithm = Algorithm.AUTO;
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			final String value = i + 1 < args.length ? args[i + 1] : null;
			try {
				switch (a) {
					case "--only":
						only = Arrays.asList(required(a, value).toUpperCase(Locale.ROOT).split("\\s*,\\s*"));
						for (final String id : only)
							if (!all.containsKey(id))
								throw new IllegalArgumentException("Unknown workload '" + id + "'. Known: " + String.join(", ", all.keySet()) + "."
										+ (id.equals("W13") ? " W13 runs the block plan on Spark: run the benchmark with ./convolvej bench, which puts Spark's jars on the class path." : ""));
						i++;
						break;
					case "--threads":
						threads = positive(a, Integer.parseInt(required(a, value)));
						i++;
						break;
					case "--runs":
						runs = Math.max(5, positive(a, Integer.parseInt(required(a, value))));
						i++;
						break;
					case "--json":
						json = required(a, value);
						i++;
						break;
					case "--algorithm":
						algorithm = Algorithm.fromLabel(required(a, value));
						i++;
						break;
					case "--via":
						try {
							via = Via.valueOf(required(a, value).toUpperCase(Locale.ROOT));
						} catch (final IllegalArgumentException e) {
							throw new IllegalArgumentException("--via takes apply, compute, copy or reuse, got '" + value + "'.");
						}
						i++;
						break;
					default:
						throw new IllegalArgumentException("Unknown option '" + a + "'. Use --only W1,W3 --threads N --runs N --json FILE --via apply|compute|copy|reuse --algorithm auto|direct|separable|fft.");
				}
			} catch (final NumberFormatException e) {
				err.println("bench: " + a + " needs a whole number, got '" + value + "'.");
				return 2;
			} catch (final IllegalArgumentException e) {
				err.println("bench: " + e.getMessage());
				return 2;
			}
		}
		if (via != Via.APPLY || algorithm != Algorithm.AUTO)
			all = workloads(via, algorithm);
		final TaskExecutor executor = threads == 1 ? TaskExecutors.singleThreaded() : TaskExecutors.numThreads(threads);
		final String cpu = CpuFlags.read();
		out.printf(Locale.ROOT, "ConvolveJ benchmark: %d thread(s), median of %d runs after warm-up until stable, Java %s, %d cores, CPU %s, vector engine: %s%n", threads, runs,
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), cpu,
				WeightedSums.floatSumsAvailable() ? "yes (float sums, " + WeightedSums.vectorLanes() + " lanes)" : "no (start Java with --add-modules jdk.incubator.vector)");
		out.printf(Locale.ROOT, "%-4s %-16s %10s %10s %10s  %s%n", "id", "engine", "median ms", "Mpix/s", "heap MB", "workload");
		final List< String > rows = new ArrayList<>();
		for (final String id : only) {
			final Workload w = all.get(id);
			final Result r = measure(w, runs, executor);
			out.printf(Locale.ROOT, "%-4s %-16s %10.1f %10.1f %10.1f  %s%n", id, r.engine, r.medianMs, w.outputPixels / 1e3 / r.medianMs, r.peakHeapMb, w.description);
			final String report = w.run.report(r.medianMs);
			if (report != null)
				out.printf(Locale.ROOT, "%-4s %s%n", "", report);
			rows.add(String.format(Locale.ROOT, "{\"id\":\"%s\",\"engine\":\"%s\",\"median_ms\":%.3f,\"mpix_per_s\":%.3f,\"peak_extra_heap_mb\":%.1f,\"warm_up_runs\":%d,\"cpu\":\"%s\",\"vector\":%b%s}", id, r.engine, r.medianMs, w.outputPixels / 1e3 / r.medianMs, r.peakHeapMb, r.warmUpRuns, cpu, r.engine.contains("vector"),
					report == null ? "" : ",\"note\":\"" + report.replace("\"", "'") + "\""));
		}
		if (json != null)
			try {
				Files.write(Paths.get(json), ("[\n  " + String.join(",\n  ", rows) + "\n]\n").getBytes(StandardCharsets.UTF_8));
				out.println("Wrote " + json);
			} catch (final IOException e) {
				err.println("bench: cannot write " + json + ": " + FileProblem.why(e) + ".");
				return 1;
			}
		return 0;
	}

	private static int positive(final String option, final int value) {
		if (value < 1)
			throw new IllegalArgumentException(option + " needs a whole number of at least 1, got " + value + ".");
		return value;
	}

	private static String required(final String option, final String value) {
		if (value == null)
			throw new IllegalArgumentException(option + " needs a value.");
		return value;
	}

	private static final class Result {
		String engine;
		double medianMs;
		double peakHeapMb;
		int warmUpRuns;
	}

	private static Result measure(final Workload w, final int runs, final TaskExecutor executor) {
		final Object input = w.input.get();
		final Result r = new Result();
		final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		// a run in a JVM of its own starts cold every time, as a user's does: one run warms the disk cache
		final boolean ownJvm = w.run.ownJvm();
		final List< Double > warm = new ArrayList<>();
		final long start = System.nanoTime();
		do {
			final long t0 = System.nanoTime();
			r.engine = runWith(w, input, executor);
			warm.add((System.nanoTime() - t0) / 1e6);
		}
		while (!ownJvm && warm.size() < 100 && System.nanoTime() - start < WARM_UP_MAX_NANOS
				&& (System.nanoTime() - start < WARM_UP_NANOS || !stable(warm)));
		r.warmUpRuns = warm.size();
		final double[] times = new double[runs];
		long peak = 0;
		System.gc();
		for (int i = 0; i < runs; i++) {
			final long t0 = System.nanoTime();
			r.engine = runWith(w, input, executor);
			times[i] = (System.nanoTime() - t0) / 1e6;
			if (ownJvm) // the child JVM reports its own heap
				peak = Math.max(peak, (long) (w.run.peakHeapMb() * 1048576));
		}
		// else the heap in runs of its own: the sampler's thread would share the cores with a timed run
		for (int i = 0; i < (ownJvm ? 0 : HEAP_RUNS); i++) {
			System.gc();
			final long base = memory.getHeapMemoryUsage().getUsed();
			final HeapSampler sampler = new HeapSampler(memory);
			sampler.start();
			runWith(w, input, executor);
			peak = Math.max(peak, sampler.stopAndPeak() - base);
		}
		Arrays.sort(times);
		r.medianMs = times[runs / 2];
		r.peakHeapMb = Math.max(0, peak) / 1048576.0;
		return r;
	}

	/** Whether the median of the last three times is within 3% of the median of the three before. */
	static boolean stable(final List< Double > times) {
		final int n = times.size();
		if (n < 6)
			return false;
		final double last = median3(times.get(n - 1), times.get(n - 2), times.get(n - 3));
		final double before = median3(times.get(n - 4), times.get(n - 5), times.get(n - 6));
		return Math.abs(last - before) <= 0.03 * before;
	}

	private static double median3(final double a, final double b, final double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}

	private static String runWith(final Workload w, final Object input, final TaskExecutor executor) {
		return net.imglib2.parallel.Parallelization.runWithExecutor(executor, () -> w.run.run(input));
	}

	/** Samples heap use every millisecond while a run lasts. */
	private static final class HeapSampler extends Thread {
		private final MemoryMXBean memory;
		private final AtomicLong peak = new AtomicLong();
		private volatile boolean running = true;

		HeapSampler(final MemoryMXBean memory) {
			this.memory = memory;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (running) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(1);
				} catch (final InterruptedException e) {
					return;
				}
			}
		}

		long stopAndPeak() {
			peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			running = false;
			try {
				join();
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return peak.get();
		}
	}

	static Img< FloatType > randomImage(final long... dims) {
		final Img< FloatType > img = ArrayImgs.floats(dims);
		final Random rnd = new Random(SEED);
		for (final FloatType t : img)
			t.set(rnd.nextFloat());
		return img;
	}

	static Kernel randomKernel(final int... dims) {
		final Random rnd = new Random(SEED + 1);
		final double[] v = new double[Arrays.stream(dims).reduce(1, (a, b) -> a * b)];
		for (int i = 0; i < v.length; i++)
			v[i] = rnd.nextDouble() * 2 - 1;
		return Kernel.of(v, dims);
	}

	/** A full 2-D Gaussian, as a user would type it: the separable path must be found. */
	static Kernel fullGaussian(final double sigma) {
		final int r = (int) (4 * sigma + 0.5);
		final int k = 2 * r + 1;
		final double[] g = new double[k];
		double sum = 0;
		for (int i = 0; i < k; i++)
			sum += g[i] = Math.exp(-(i - r) * (i - r) / (2 * sigma * sigma));
		final double[] v = new double[k * k];
		for (int y = 0; y < k; y++)
			for (int x = 0; x < k; x++)
				v[y * k + x] = g[y] * g[x] / (sum * sum);
		return Kernel.of(v, k, k);
	}

	private static Workload convolution(final String id, final String description, final long[] dims, final Kernel kernel, final Via via, final Algorithm algorithm) {
		long pixels = 1;
		for (final long d : dims)
			pixels *= d;
		// targets kept between runs for --via reuse
		final List< Img< FloatType > > kept = new ArrayList<>();
		return new Workload(id, description, pixels, () -> randomImage(dims), input -> {
			@SuppressWarnings("unchecked")
			final Img< FloatType > img = (Img< FloatType >) input;
			final ConvolutionOptions options = ConvolutionOptions.convolve().algorithm(algorithm);
			if (via == Via.APPLY)
				return Convolution.apply(img, kernel, options).engine();
			final Interval out = options.mode().outputInterval(img, kernel, options.operation());
			if (via != Via.REUSE || kept.isEmpty()) {
				kept.clear();
				kept.add(ArrayImgs.floats(out.dimensionsAsLongArray()));
				kept.add(kernel.isComplex() ? ArrayImgs.floats(out.dimensionsAsLongArray()) : null);
			}
			final Img< FloatType > re = kept.get(0), im = kept.get(1);
			final long[] min = out.minAsLongArray();
			final RandomAccessible< FloatType > extended = Views.extend(img, options.boundary().outOfBoundsFactory(new FloatType((float) options.fillValue())));
			final long[] one = new long[dims.length], minusOne = new long[dims.length];
			Arrays.fill(one, 1);
			Arrays.fill(minusOne, -1);
			return Convolution.compute(via == Via.COPY ? Views.translate(Views.translate(extended, one), minusOne) : extended, kernel,
					Views.translate(re, min), im == null ? null : Views.translate(im, min), options);
		});
	}

	/** The same workload on an input with one NaN pixel in its middle. */
	private static Workload withNan(final Workload w) {
		return new Workload(w.id, w.description, w.outputPixels, () -> {
			@SuppressWarnings("unchecked")
			final Img< FloatType > img = (Img< FloatType >) w.input.get();
			final net.imglib2.RandomAccess< FloatType > a = img.randomAccess();
			final long[] middle = new long[img.numDimensions()];
			for (int d = 0; d < middle.length; d++)
				middle[d] = img.dimension(d) / 2;
			a.setPositionAndGet(middle).set(Float.NaN);
			return img;
		}, w.run);
	}

	/** Workloads run only when named with --only: they need a heap of several GB. */
	static final List< String > ON_REQUEST = List.of("W14", LargeVolumeWorkload.ID);

	static Map< String, Workload > workloads(final Via via, final Algorithm algorithm) {
		final Map< String, Workload > m = new LinkedHashMap<>();
		final Kernel laplace = Kernel.of(new double[] { 0, 1, 0, 1, -4, 1, 0, 1, 0 }, 3, 3);
		final Kernel emboss = Kernel.of(new double[] { -2, -1, 0, -1, 1, 1, 0, 1, 2 }, 3, 3);
		final Kernel scharr = Kernel.complex(new double[] { -3, 0, 3, -10, 0, 10, -3, 0, 3 }, new double[] { -3, -10, -3, 0, 0, 0, 3, 10, 3 }, 3, 3);
		add(m, convolution("W1", "2-D 4096x4096, 3x3 Laplace", new long[] { 4096, 4096 }, laplace, via, algorithm));
		add(m, convolution("W2", "2-D 4096x4096, 9x9 random kernel", new long[] { 4096, 4096 }, randomKernel(9, 9), via, algorithm));
		add(m, convolution("W3", "2-D 2048x2048, 31x31 random kernel", new long[] { 2048, 2048 }, randomKernel(31, 31), via, algorithm));
		add(m, convolution("W4", "3-D 256x256x256, 3x3x3 random kernel", new long[] { 256, 256, 256 }, randomKernel(3, 3, 3), via, algorithm));
		add(m, convolution("W5", "3-D 256x256x256, 9x9x9 random kernel", new long[] { 256, 256, 256 }, randomKernel(9, 9, 9), via, algorithm));
		add(m, convolution("W6", "2-D 4096x4096, Gaussian sigma 4 as a full 25x25 kernel", new long[] { 4096, 4096 }, fullGaussian(4), via, algorithm));
		add(m, convolution("W7", "RGB 2048x2048 (3 channels), 3x3 emboss per channel", new long[] { 2048, 2048, 3 }, emboss, via, algorithm));
		add(m, eyeMatching());
		add(m, convolution("W9", "2-D 2048x2048, complex 3x3 Scharr (real and imaginary)", new long[] { 2048, 2048 }, scharr, via, algorithm));
		add(m, withNan(convolution("W10", "2-D 512x512 holding one NaN, 301x301 random kernel", new long[] { 512, 512 }, randomKernel(301, 301), via, algorithm)));
		add(m, VolumeWorkloads.onOneMachine());
		add(m, largeStack(algorithm));
		add(m, manyTemplates());
		if (VolumeWorkloads.sparkAvailable())
			add(m, VolumeWorkloads.onSpark());
		add(m, LargeVolumeWorkload.workload());
		return m;
	}

	/**
	 * W8: the raccoon's eye (x 670, y 300, 80x65) found in the 1024x768 gray
	 * face by the normalized correlation coefficient, {@code same}, {@code symm}:
	 * the score map and the best match, through the public API.
	 */
	private static Workload eyeMatching() {
		return new Workload("W8", "match 80x65 eye in 1024x768 face, normalized correlation coefficient, same, symm", 1024 * 768, () -> {
			final Img< UnsignedByteType > face = sample("raccoon-face-gray.png");
			return new Object[] { face, Views.zeroMin(Views.interval(face, new long[] { 670, 300 }, new long[] { 670 + 80 - 1, 300 + 65 - 1 })) };
		}, input -> {
			final Object[] in = (Object[]) input;
			@SuppressWarnings("unchecked")
			final RandomAccessibleInterval< UnsignedByteType > face = (RandomAccessibleInterval< UnsignedByteType >) in[0];
			@SuppressWarnings("unchecked")
			final RandomAccessibleInterval< UnsignedByteType > eye = (RandomAccessibleInterval< UnsignedByteType >) in[1];
			final ScoreMap scores = TemplateMatcher.match(face, eye, new MatchOptions().method(MatchMethod.CCOEFF_NORMED).mode(OutputMode.SAME).boundary(Boundary.SYMMETRIC));
			final Match best = new PeakFinder().find(scores).get(0);
			if (best.corner()[0] != 670 || best.corner()[1] != 300)
				throw new IllegalStateException("W8 found the eye at " + java.util.Arrays.toString(best.corner()) + ", not at [670, 300].");
			return scores.engine();
		});
	}

	/**
	 * W14: an ImageJ-sized 3-D stack, 1024x1024x500 16-bit in planes (as an
	 * ImagePlus holds it), a 5x5x5 random kernel: where the automatic choice
	 * must weigh memory traffic. Needs about 6 GB of heap; run with --only W14.
	 */
	private static Workload largeStack(final Algorithm algorithm) {
		final Kernel kernel = randomKernel(5, 5, 5);
		return new Workload("W14", "3-D 1024x1024x500 16-bit planes (an ImageJ stack), 5x5x5 random kernel", 1024L * 1024 * 500, () -> {
			final net.imglib2.img.planar.PlanarImg< net.imglib2.type.numeric.integer.UnsignedShortType, ? > img = net.imglib2.img.planar.PlanarImgs.unsignedShorts(1024, 1024, 500);
			final Random random = new Random(SEED);
			for (final net.imglib2.type.numeric.integer.UnsignedShortType t : img)
				t.set(random.nextInt(4096));
			return img;
		}, input -> {
			@SuppressWarnings("unchecked")
			final Img< net.imglib2.type.numeric.integer.UnsignedShortType > img = (Img< net.imglib2.type.numeric.integer.UnsignedShortType >) input;
			return Convolution.apply(img, kernel, ConvolutionOptions.convolve().algorithm(algorithm)).engine();
		});
	}

	/** Where W12's three 48x48 templates are cut from its image (x, y of the top-left corner). */
	static final int[][] W12_CUTS = { { 100, 200 }, { 900, 1500 }, { 1700, 400 } };

	/**
	 * W12: 12 templates (3 cuts of the image, each in its 4 quarter turns) of
	 * 48x48 in a 2048x2048 random image, normalized correlation coefficient,
	 * valid (OpenCV's layout), every match scoring 0.8 or more: one search of
	 * all 12, the image transformed once.
	 */
	private static Workload manyTemplates() {
		return new Workload("W12", "12 templates (3 x 4 quarter turns) of 48x48 in 2048x2048, normalized correlation coefficient, all matches >= 0.8", 12L * 2001 * 2001, () -> {
			final Img< FloatType > image = randomImage(2048, 2048);
			final List< SearchTemplate > cuts = new ArrayList<>();
			for (final int[] c : W12_CUTS)
				cuts.add(SearchTemplate.of("cut " + c[0] + "," + c[1], Views.zeroMin(Views.interval(image, new long[] { c[0], c[1] }, new long[] { c[0] + 47, c[1] + 47 })), null));
			return new Object[] { image, TemplateVariants.of(cuts, new double[] { 0, 90, 180, 270 }, Flip.NONE, null) };
		}, input -> {
			final Object[] in = (Object[]) input;
			@SuppressWarnings("unchecked")
			final Img< FloatType > image = (Img< FloatType >) in[0];
			@SuppressWarnings("unchecked")
			final List< SearchTemplate > templates = (List< SearchTemplate >) in[1];
			final List< ScoreMap > maps = TemplateMatcher.matchAll(image, templates, new MatchOptions().method(MatchMethod.CCOEFF_NORMED).mode(OutputMode.VALID));
			final List< Match > found = new PeakFinder().maxMatches(1000).threshold(0.8).find(maps);
			if (found.size() != W12_CUTS.length)
				throw new IllegalStateException("W12 found " + found.size() + " matches, not the " + W12_CUTS.length + " cuts: " + found);
			return maps.get(0).engine();
		});
	}

	/** An 8-bit gray sample image bundled in {@code samples/}. */
	static Img< UnsignedByteType > sample(final String name) {
		try (InputStream in = Benchmark.class.getResourceAsStream("/samples/" + name)) {
			if (in == null)
				throw new IllegalStateException("Sample image samples/" + name + " is missing from the class path.");
			final BufferedImage image = ImageIO.read(in);
			final int w = image.getWidth(), h = image.getHeight();
			final Img< UnsignedByteType > img = ArrayImgs.unsignedBytes(w, h);
			final Raster raster = image.getRaster();
			final int[] row = new int[w];
			final net.imglib2.RandomAccess< UnsignedByteType > ra = img.randomAccess();
			for (int y = 0; y < h; y++) {
				raster.getSamples(0, y, w, 1, 0, row);
				ra.setPosition(y, 1);
				for (int x = 0; x < w; x++) {
					ra.setPosition(x, 0);
					ra.get().set(row[x]);
				}
			}
			return img;
		} catch (final IOException e) {
			throw new UncheckedIOException("Cannot read sample image " + name + ": " + e.getMessage(), e);
		}
	}

	private static void add(final Map< String, Workload > m, final Workload w) {
		m.put(w.id, w);
	}
}
