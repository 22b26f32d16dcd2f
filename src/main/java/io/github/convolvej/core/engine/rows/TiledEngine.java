package io.github.convolvej.core.engine.rows;

import io.github.convolvej.core.engine.CorrelationEngine;
import io.github.convolvej.core.engine.source.BlockSource;
import net.imglib2.parallel.TaskExecutor;

/**
 * An engine that cuts its work into tiles of rows ({@link Tiling}) within
 * limits that tests can make small, so that every tiling path runs on small
 * images.
 */
abstract class TiledEngine implements CorrelationEngine {

	private final String name;
	private final Tiling.Limits limits;

	TiledEngine(final String name, final Tiling.Limits limits) {
		this.name = name;
		this.limits = limits;
	}

	@Override
	public String name() {
		return name;
	}

	/** The tiles for {@code input} and a kernel of these sizes on the executor's threads, with {@code arrays} working arrays per row. */
	Tiling tiling(final BlockSource input, final int[] kernelDims, final TaskExecutor executor, final int arrays) {
		return new Tiling(input.dims(), kernelDims, executor.getParallelism(), arrays, limits);
	}
}
