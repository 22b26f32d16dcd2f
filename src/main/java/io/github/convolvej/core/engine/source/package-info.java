/**
 * What the engines read and where they write. A
 * {@link io.github.convolvej.core.engine.source.BlockSource} is a
 * boundary-extended block read in parts: an
 * {@link io.github.convolvej.core.engine.source.ImageBlockSource} reads an image
 * on demand (rows of array and planar images straight from their own arrays,
 * others through ImgLib2's {@code PrimitiveBlocks}), a
 * {@link io.github.convolvej.core.engine.source.Block} is held in memory
 * ({@link io.github.convolvej.core.engine.source.BlockReader} copies any
 * out-of-bounds view into one). A
 * {@link io.github.convolvej.core.engine.source.LineSink} takes output lines,
 * in double or float; {@link io.github.convolvej.core.engine.source.FloatTargets}
 * writes results straight into float containers.
 */
package io.github.convolvej.core.engine.source;
