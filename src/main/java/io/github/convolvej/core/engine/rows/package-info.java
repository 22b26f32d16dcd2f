/**
 * The engines that sum whole rows: the direct sum tap by tap in double
 * ({@link io.github.convolvej.core.engine.rows.DirectEngine}), one 1-D pass per
 * axis for rank-1 kernels
 * ({@link io.github.convolvej.core.engine.rows.SeparableEngine}), and the direct
 * sum in float with the JDK's Vector API ({@code VectorDirectEngine}, compiled
 * for Java 17 from {@code src/main/java17} and found by
 * {@link io.github.convolvej.core.engine.rows.VectorEngines}).
 * <p>
 * How data flows: a {@link io.github.convolvej.core.engine.rows.Tiling} cuts the
 * output into tiles (the unit of threads, progress and cancellation); per tile
 * a ring of input rows ({@code RowRing} in double, {@code FloatRowRing} in float,
 * both {@code TileRows}) reads each input row once, and each output row is a
 * sum of whole input rows at constant offsets ({@code LineMath} in double,
 * {@code VectorLines} in float), written to the sinks line by line.
 */
package io.github.convolvej.core.engine.rows;
