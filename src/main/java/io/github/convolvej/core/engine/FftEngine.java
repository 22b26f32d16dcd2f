package io.github.convolvej.core.engine;

import io.github.convolvej.core.ProgressListener;
import net.imglib2.parallel.TaskExecutor;

/** FFT engine (being written). */
public final class FftEngine implements CorrelationEngine {

	@Override
	public String name() {
		return "fft";
	}

	@Override
	public void correlate(final BlockSource input, final int[] kernelDims, final double[][] weights, final LineSink[] outputs, final TaskExecutor executor, final ProgressListener progress) {
		throw new UnsupportedOperationException("FFT engine not written yet");
	}
}
