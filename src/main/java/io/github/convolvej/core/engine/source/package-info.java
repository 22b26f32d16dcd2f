/**
 * What the engines read and where they write. A
 * {@link io.github.convolvej.core.engine.source.BlockSource} is a
 * boundary-extended block read in parts: an
 * {@link io.github.convolvej.core.engine.source.ImageBlockSource} reads an image
 * on demand (rows of array and planar images straight from their own arrays,
 * others through ImgLib2's {@code PrimitiveBlocks}), a
 * {@link io.github.convolvej.core.engine.source.Block} is doubles held in
 * memory, a {@link io.github.convolvej.core.engine.source.PixelBlock} any
 * out-of-bounds view copied into memory in its own pixel type. A
 * {@link io.github.convolvej.core.engine.source.LineSink} takes output lines,
 * in double or float; a {@link io.github.convolvej.core.engine.source.TargetSink}
 * writes them straight into the arrays of a float or double target.
 */
package io.github.convolvej.core.engine.source;
