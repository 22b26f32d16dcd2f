/**
 * The engines behind one entry: {@link io.github.convolvej.core.engine.WeightedSums}
 * computes the valid weighted sums {@code out[i] = sum_j w[j] in[i + j]} of a
 * boundary-extended block for one or more weight sets (the real and imaginary
 * parts of a complex kernel), by the engine an {@code Algorithm} names or the
 * fastest one ({@link io.github.convolvej.core.engine.EngineChooser}'s cost
 * model). Every engine implements
 * {@link io.github.convolvej.core.engine.CorrelationEngine}.
 * <p>
 * How data flows: the caller (convolution, missing data, template matching)
 * turns boundary, anchor and convolution-versus-correlation into an extended
 * block ({@code source}) and plain weights; an engine reads the block in parts
 * (rows for the row engines in {@code rows}, tiles for the FFT engine in
 * {@code fft}) and writes each output line to a {@code LineSink}. Engines
 * know nothing of boundaries, anchors, missing data or ImageJ.
 */
package io.github.convolvej.core.engine;
