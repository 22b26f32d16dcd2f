package io.github.convolvej.plugin;

import io.github.convolvej.core.Operation;

/**
 * Plugins &gt; ConvolveJ &gt; Convolve ND...: N-dimensional convolution of
 * the current image, SciPy's numbers.
 *
 * <pre>
 * run("Convolve ND...", "kernel=[0 1 0; 1 -4 1; 0 1 0] mode=same boundary=symm value=0 anchor=center output=32-bit");
 * </pre>
 */
public class ConvolveNdPlugin extends FilterPlugin {

	public ConvolveNdPlugin() {
		super(Operation.CONVOLVE, "Convolve ND");
	}
}
