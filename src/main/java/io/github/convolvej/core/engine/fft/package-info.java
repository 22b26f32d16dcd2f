/**
 * The FFT engine: overlap-save in tiles
 * ({@link io.github.convolvej.core.engine.fft.FftEngine}). An {@code FftPlan}
 * chooses the tile size and the kernel's spectra; each tile of the input is
 * read from the block, transformed ({@code TileTransform}: JTransforms along x,
 * {@code VectorFft}'s in-place row transforms along the other axes of
 * power-of-two length), multiplied by every weight set's spectrum,
 * transformed back, and its valid outputs written to the sinks. Tiles run in
 * parallel; a single large tile runs its rows in parallel instead.
 */
package io.github.convolvej.core.engine.fft;
