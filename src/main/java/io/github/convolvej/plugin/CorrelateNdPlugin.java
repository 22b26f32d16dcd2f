package io.github.convolvej.plugin;

import io.github.convolvej.core.Operation;

/**
 * Plugins &gt; ConvolveJ &gt; Correlate ND...: N-dimensional correlation of
 * the current image (the kernel is not flipped, complex kernels are
 * conjugated, as {@code scipy.signal.correlate2d} does).
 *
 * <pre>
 * run("Correlate ND...", "kernel=[0 -1 1.4142; 1 0 -1; -1.4142 1 0] mode=full boundary=fill value=0");
 * </pre>
 */
public class CorrelateNdPlugin extends FilterPlugin {

	public CorrelateNdPlugin() {
		super(Operation.CORRELATE, "Correlate ND");
	}
}
