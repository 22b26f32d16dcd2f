package io.github.convolvej.core.engine.fft;


import io.github.convolvej.core.ParallelItems;
import io.github.convolvej.core.ProgressListener;
import io.github.convolvej.core.engine.CorrelationEngine;
import io.github.convolvej.core.engine.source.Block;
import io.github.convolvej.core.engine.source.BlockSource;
import io.github.convolvej.core.engine.source.LineSink;
import net.imglib2.parallel.TaskExecutor;

/**
 * The weighted sum through the Fourier transform, in double precision
 * (JTransforms): {@code out = IFFT(FFT(in) * conj(FFT(w)))}, the circular
 * cross-correlation, of which the valid part is exact. Correlation is done by
 * conjugating the kernel's spectrum, not by flipping the kernel.
 * <p>
 * The block is cut into tiles along every axis (overlap-save, see
 * {@link FftPlan}): each tile is transformed once, multiplied by the spectrum
 * of every weight set (the real and imaginary parts of a complex kernel share
 * the tile's transform) and transformed back, and only its valid outputs are
 * kept. Transform lengths have factors 2, 3, 5 and 7 only; the x axis uses
 * real-to-complex transforms, so a spectrum holds about as many doubles as
 * its tile (see {@link TileTransform}).
 * <p>
 * Threads: many tiles run in parallel, one tile per thread; a single large
 * tile has its lines split over the threads. JTransforms' own thread pool is
 * never asked for (transform lengths that would start it are avoided), so the
 * executor alone decides the threads used.
 * <p>
 * Memory beyond input and output: per thread one tile spectrum (and one more
 * for a second weight set), plus the kernel spectra; a block done as one tile
 * needs about two to three times the block.
 * <p>
 * Results agree with the direct sum to about {@code 1e-12} of the largest
 * term; NaN or infinity anywhere in the input spreads to every output.
 */
public final class FftEngine implements CorrelationEngine {

	@Override
	public boolean tapByTap() {
		return false;
	}

	@Override
	public String name() {
		return "fft";
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		final int[] inDims = input.dims();
		if (kernelDims.length != inDims.length)
			throw new IllegalArgumentException("The kernel has " + kernelDims.length + " axes but the block " + inDims.length + ".");
		if (weights.length == 0 || weights.length != outputs.length)
			throw new IllegalArgumentException("Give one output per weight set (" + weights.length + " weight sets, " + outputs.length + " outputs).");
		final int taps = Block.numElements(kernelDims);
		for (final double[] w : weights)
			if (w.length != taps)
				throw new IllegalArgumentException("A weight set holds " + w.length + " values but the kernel has " + taps + ".");
		run(FftPlan.of(inDims, kernelDims, weights.length, executor.getParallelism()), input, weights, outputs, executor, progress);
	}

	/** Bytes of the working buffers of all threads together (inputs and outputs not counted). */
	public static long workingBytes(final int[] inputDims, final int[] kernelDims, final int sets, final int threads) {
		final FftPlan plan = FftPlan.of(inputDims, kernelDims, sets, threads);
		long tile = 16;
		for (final int v : plan.size)
			tile *= v;
		return tile * (sets + Math.min(threads, plan.tileCount) * (1L + sets));
	}

	/**
	 * The estimated time in nanoseconds for a block and kernel of these sizes
	 * with {@code sets} weight sets on {@code threads} threads: what
	 * the automatic choice ({@code EngineChooser}) weighs against the other engines.
	 */
	public static double estimatedNanos(final int[] inDims, final int[] kernelDims, final int sets, final int threads) {
		return FftPlan.of(inDims, kernelDims, sets, threads).nanos;
	}

	/** Runs a given plan (tests choose plans with many or with odd tiles). */
	static void run(final FftPlan plan, final BlockSource input, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		progress.checkCancelled();
		final int sets = weights.length;
		final TileTransform tile = new TileTransform(plan.size, plan.transformed);
		final TileTransform kernelTile = tile.kernelLayout();
		final int[] multiplierStrides = tile.broadcastStrides();
		final double scale = tile.roundTripScale();
		final Runnable checkpoint = progress::checkCancelled;
		final TileTransform.Ranges parallel = parallel(executor, progress);

		final double[][] spectra = new double[sets][];
		for (int s = 0; s < sets; s++) {
			spectra[s] = new double[2 * kernelTile.elements];
			kernelTile.forward(new Block(weights[s], plan.kernelDims), new int[plan.size.length], plan.kernelDims, spectra[s], parallel, checkpoint);
			// conjugate: correlation, not convolution; the scale makes the round trip the identity
			final double[] k = spectra[s];
			for (int i = 0; i < k.length; i += 2) {
				k[i] *= scale;
				k[i + 1] *= -scale;
			}
		}

		if (plan.tilesInParallel()) {
			// tiles handed out one at a time, so a thread slowed by other work delays no one
			final TileTransform.Ranges inline = new TileTransform.Ranges() {

				@Override
				public void run(final int count, final TileTransform.RangeBody body) {
					body.run(0, count);
				}

				@Override
				public int tasks() {
					return 1;
				}
			};
			ParallelItems.forEach(plan.tileCount, executor, progress, () -> {
				final double[] spectrum = new double[2 * tile.elements];
				final double[][] dests = destinations(spectrum, sets, tile.elements);
				return t -> tile(plan, t, tile, input, spectrum, spectra, multiplierStrides, dests, outputs, inline, checkpoint);
			});
			progress.progress(1);
			return;
		}
		final double[] spectrum = new double[2 * tile.elements];
		// one tile: each kernel spectrum is used once, so the inverse transforms may overwrite it
		final double[][] dests = plan.tileCount == 1 && kernelTile.elements == tile.elements ? spectra : destinations(spectrum, sets, tile.elements);
		// few, large tiles: progress moves at every pass (about 2 + 2 per transformed axis and set)
		int passes = 2;
		for (int d = 1; d < plan.size.length; d++)
			if (plan.transformed[d])
				passes += 2 * sets;
		final double perPass = 1.0 / (passes * (double) plan.tileCount);
		final double[] done = { 0 };
		final Runnable reporting = () -> {
			progress.checkCancelled();
			done[0] = Math.min(done[0] + perPass, 1);
			progress.progress(done[0]);
		};
		for (int t = 0; t < plan.tileCount; t++) {
			tile(plan, t, tile, input, spectrum, spectra, multiplierStrides, dests, outputs, parallel, reporting);
			done[0] = (t + 1.0) / plan.tileCount;
			progress.progress(done[0]);
		}
		progress.checkCancelled();
	}

	/** Where each weight set's inverse transform goes: the tile's own spectrum for the last, new buffers for the others. */
	private static double[][] destinations(final double[] spectrum, final int sets, final int elements) {
		final double[][] d = new double[sets][];
		for (int s = 0; s < sets - 1; s++)
			d[s] = new double[2 * elements];
		d[sets - 1] = spectrum;
		return d;
	}

	/** One tile: its input's transform, the product with every kernel spectrum, the inverse transforms, the valid rows into the outputs. */
	private static void tile(final FftPlan plan, final int index, final TileTransform tile, final BlockSource input, final double[] spectrum, final double[][] spectra, final int[] multiplierStrides, final double[][] dests, final LineSink[] outputs, final TileTransform.Ranges ranges, final Runnable checkpoint) {
		final int n = plan.size.length;
		final int[] start = new int[n], count = new int[n], extent = new int[n];
		int rest = index;
		for (int d = 0; d < n; d++) {
			start[d] = (rest % plan.tiles[d]) * plan.step[d];
			rest /= plan.tiles[d];
			count[d] = Math.min(plan.step[d], plan.outDims[d] - start[d]);
			extent[d] = Math.min(plan.size[d], plan.inDims[d] - start[d]);
		}
		final int[] outStrides = Block.strides(plan.outDims);
		final TileTransform.RowConsumer[] rows = new TileTransform.RowConsumer[outputs.length];
		for (int s = 0; s < outputs.length; s++) {
			final LineSink sink = outputs[s];
			rows[s] = (row, line) -> {
				int offset = start[0];
				int r = row;
				for (int d = 1; d < n; d++) {
					offset += (start[d] + r % count[d]) * outStrides[d];
					r /= count[d];
				}
				sink.put(offset, line, count[0]);
			};
		}
		checkpoint.run();
		tile.correlate(input, start, extent, spectrum, spectra, multiplierStrides, dests, count, rows, ranges, checkpoint);
	}

	/**
	 * Lines split over the executor's threads in small parts that each thread
	 * takes as it becomes free, checking for cancellation before each part.
	 */
	private static TileTransform.Ranges parallel(final TaskExecutor executor, final ProgressListener progress) {
		final int threads = Math.max(1, executor.getParallelism());
		return new TileTransform.Ranges() {

			@Override
			public void run(final int count, final TileTransform.RangeBody body) {
				if (threads == 1 || count <= 1) {
					progress.checkCancelled();
					body.run(0, count);
					return;
				}
				final int part = Math.max(1, count / (8 * threads));
				ParallelItems.forEach((count + part - 1) / part, executor, progress.cancelOnly(), () -> p -> body.run(p * part, Math.min(count, (p + 1) * part)));
			}

			@Override
			public int tasks() {
				return 2 * threads;
			}
		};
	}
}
