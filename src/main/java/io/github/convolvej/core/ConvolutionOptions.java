package io.github.convolvej.core;

import java.util.concurrent.ForkJoinPool;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * Everything besides the image and the kernel: operation, output mode,
 * boundary, fill value, engine, threads, progress, and what missing pixels
 * do ({@link MissingData}, a mask, {@code preserve_nan}, certainty). Mutable and
 * fluent; defaults follow SPEC ({@code same}, {@code symm}, fill 0, auto).
 *
 * <pre>
 * ConvolutionOptions.convolve().mode(OutputMode.FULL).boundary(Boundary.FILL).fillValue(0);
 * </pre>
 */
public final class ConvolutionOptions implements Cloneable {

	private Operation operation = Operation.CONVOLVE;
	private OutputMode mode = OutputMode.SAME;
	private Boundary boundary = Boundary.SYMMETRIC;
	private double fillValue = 0;
	private Algorithm algorithm = Algorithm.AUTO;
	private Precision precision = Precision.FLOAT;
	private TaskExecutor executor;
	private ProgressListener progress = ProgressListener.NONE;
	private MissingData missingData = MissingData.PROPAGATE;
	private RandomAccessibleInterval< ? extends RealType< ? > > mask;
	private boolean preserveNan;
	private boolean certainty;

	/** @throws IllegalArgumentException for null, naming the choices */
	public static ConvolutionOptions convolve() {
		return new ConvolutionOptions().operation(Operation.CONVOLVE);
	}

	public static ConvolutionOptions correlate() {
		return new ConvolutionOptions().operation(Operation.CORRELATE);
	}

	public ConvolutionOptions operation(final Operation op) {
		if (op == null)
			throw new IllegalArgumentException("No operation given. Use Operation.CONVOLVE or Operation.CORRELATE.");
		this.operation = op;
		return this;
	}

	public ConvolutionOptions mode(final OutputMode m) {
		this.mode = Labels.required(m, "output mode", OutputMode.values());
		return this;
	}

	public ConvolutionOptions boundary(final Boundary b) {
		this.boundary = Labels.required(b, "boundary", Boundary.values());
		return this;
	}

	/** The value outside the image for {@link Boundary#FILL}. */
	public ConvolutionOptions fillValue(final double v) {
		this.fillValue = v;
		return this;
	}

	public ConvolutionOptions algorithm(final Algorithm a) {
		this.algorithm = Labels.required(a, "algorithm", Algorithm.values());
		return this;
	}

	/** How a 32-bit result's sums accumulate (see {@link Precision}); 64-bit results always sum in double. */
	public ConvolutionOptions precision(final Precision p) {
		this.precision = Labels.required(p, "precision", Precision.values());
		return this;
	}

	public Precision precision() {
		return precision;
	}

	/**
	 * Threads to use. By default the caller's {@link Parallelization} context
	 * when it set one, else every core: ImgLib2's own default is the common
	 * fork-join pool, which on a 2-core machine runs one thread.
	 */
	public ConvolutionOptions executor(final TaskExecutor e) {
		this.executor = e;
		return this;
	}

	public ConvolutionOptions progress(final ProgressListener p) {
		this.progress = p == null ? ProgressListener.NONE : p;
		return this;
	}

	/** What missing pixels do (default {@link MissingData#PROPAGATE}). */
	public ConvolutionOptions missingData(final MissingData m) {
		this.missingData = m == null ? MissingData.PROPAGATE : m;
		return this;
	}

	/**
	 * Pixels where this image (of the image's size) is 0 are missing; null
	 * for none. It is extended by the same boundary rule as the image, and
	 * outside it counts as present for {@link Boundary#FILL}.
	 */
	public ConvolutionOptions mask(final RandomAccessibleInterval< ? extends RealType< ? > > m) {
		this.mask = m;
		return this;
	}

	/** Missing input pixels are NaN again in the output. */
	public ConvolutionOptions preserveNan(final boolean p) {
		this.preserveNan = p;
		return this;
	}

	/** Also compute {@code sum k c / sum k}, the share of the kernel's weight on present pixels. */
	public ConvolutionOptions certainty(final boolean c) {
		this.certainty = c;
		return this;
	}

	public MissingData missingData() {
		return missingData;
	}

	public RandomAccessibleInterval< ? extends RealType< ? > > mask() {
		return mask;
	}

	public boolean preserveNan() {
		return preserveNan;
	}

	public boolean certainty() {
		return certainty;
	}

	public Operation operation() {
		return operation;
	}

	public OutputMode mode() {
		return mode;
	}

	public Boundary boundary() {
		return boundary;
	}

	public double fillValue() {
		return fillValue;
	}

	public Algorithm algorithm() {
		return algorithm;
	}

	public TaskExecutor executor() {
		if (executor != null)
			return executor;
		final TaskExecutor context = Parallelization.getTaskExecutor();
		return context == TaskExecutors.multiThreaded() ? AllCores.EXECUTOR : context;
	}

	public ProgressListener progress() {
		return progress;
	}

	/** One pool for the whole JVM, created on first use; its threads are daemons. */
	private static final class AllCores {
		static final TaskExecutor EXECUTOR = TaskExecutors.forExecutorService(new ForkJoinPool(Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * An independent copy: the fields are values or shared on purpose (the
	 * executor, the progress listener, the mask image).
	 */
	public ConvolutionOptions copy() {
		try {
			return (ConvolutionOptions) super.clone();
		} catch (final CloneNotSupportedException e) {
			throw new AssertionError(e);
		}
	}
}
