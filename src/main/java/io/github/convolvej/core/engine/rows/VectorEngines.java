package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.engine.CorrelationEngine;

/**
 * The engines written with the JDK's incubating Vector API
 * ({@code jdk.incubator.vector}), found once at start-up: they are compiled
 * for Java 17 apart from the rest, and loaded only when the running JVM was
 * started with {@code --add-modules jdk.incubator.vector}. Elsewhere (Java 11,
 * or Fiji without that line) the plain Java engines run, with the same
 * results in double.
 * <p>
 * {@code -Dconvolvej.vector=false} turns them off in a JVM that has the
 * module, to compare the two.
 */
public final class VectorEngines {

	private static final CorrelationEngine DIRECT = load("io.github.convolvej.core.engine.rows.VectorDirectEngine");
	private static final CorrelationEngine SEPARABLE = DIRECT == null ? null : load("io.github.convolvej.core.engine.rows.VectorSeparableEngine");

	private VectorEngines() {}

	/** The direct engine that sums in float with the Vector API, or null when this JVM cannot run it. */
	public static CorrelationEngine direct() {
		return DIRECT;
	}

	/** The separable engine that sums in float with the Vector API, or null when this JVM cannot run it. */
	public static CorrelationEngine separable() {
		return SEPARABLE;
	}

	/** {@code engine} (a vector engine, or null) cutting its work with other limits (tests). */
	static CorrelationEngine withLimits(final CorrelationEngine engine, final Tiling.Limits limits) {
		if (engine == null)
			return null;
		try {
			final java.lang.reflect.Constructor< ? > c = engine.getClass().getDeclaredConstructor(Tiling.Limits.class);
			c.setAccessible(true);
			return (CorrelationEngine) c.newInstance(limits);
		} catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Floats per vector of the vector engines (8 with AVX2, 16 with AVX-512), or 0 when they do not run. */
	public static int lanes() {
		if (DIRECT == null)
			return 0;
		try {
			return (Integer) DIRECT.getClass().getMethod("lanes").invoke(null);
		} catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the vector engines run in this JVM. */
	public static boolean available() {
		return DIRECT != null;
	}

	private static CorrelationEngine load(final String name) {
		if (!Boolean.parseBoolean(System.getProperty("convolvej.vector", "true")))
			return null;
		if (!ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent())
			return null;
		try {
			return (CorrelationEngine) Class.forName(name).getDeclaredConstructor().newInstance();
		} catch (final ReflectiveOperationException | LinkageError e) {
			// a Java 11 build without the vector classes, or a JVM that cannot link them: the plain engines run
			return null;
		}
	}
}
