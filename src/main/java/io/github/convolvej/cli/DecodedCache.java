package io.github.convolvej.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Decoded pieces of a store (Zarr chunks, TIFF planes) kept while there is
 * room, the least recently used dropped first: neighbouring blocks read the
 * same chunks for their halos, and decompressing a chunk again for each
 * would cost more than the filter. Threads asking for a piece another thread
 * is decoding wait for it instead of decoding it again.
 */
final class DecodedCache< K > {

	/** Decodes one piece. */
	@FunctionalInterface
	interface Decoder< V > {
		V decode() throws IOException;
	}

	private final long budget;
	private long bytes;
	private final LinkedHashMap< K, Object > pieces = new LinkedHashMap<>(64, 0.75f, true);
	private final Map< K, CompletableFuture< Object > > decoding = new HashMap<>();

	/** @param budget bytes of decoded pieces kept at most (one piece is always kept, whatever its size) */
	DecodedCache(final long budget) {
		this.budget = budget;
	}

	/** A quarter of the heap the JVM may grow to, for the pieces of one store. */
	static long quarterOfTheHeap() {
		return Runtime.getRuntime().maxMemory() / 4;
	}

	/** The piece of this key (a byte[] or a float[]), decoded now or taken from the cache. */
	@SuppressWarnings("unchecked")
	< V > V get(final K key, final Decoder< V > decoder) throws IOException {
		final CompletableFuture< Object > pending;
		final boolean mine;
		synchronized (this) {
			final Object kept = pieces.get(key);
			if (kept != null)
				return (V) kept;
			final CompletableFuture< Object > other = decoding.get(key);
			mine = other == null;
			pending = mine ? new CompletableFuture<>() : other;
			if (mine)
				decoding.put(key, pending);
		}
		if (!mine)
			return (V) await(pending);
		try {
			final V value = decoder.decode();
			synchronized (this) {
				decoding.remove(key);
				keep(key, value);
			}
			pending.complete(value);
			return value;
		}
		catch (final IOException | RuntimeException | Error e) {
			synchronized (this) {
				decoding.remove(key);
			}
			pending.completeExceptionally(e);
			throw e;
		}
	}

	private void keep(final K key, final Object value) {
		pieces.put(key, value);
		bytes += sizeOf(value);
		final Iterator< Map.Entry< K, Object > > oldest = pieces.entrySet().iterator();
		while (bytes > budget && pieces.size() > 1) {
			final Map.Entry< K, Object > e = oldest.next();
			bytes -= sizeOf(e.getValue());
			oldest.remove();
		}
	}

	private static long sizeOf(final Object piece) {
		if (piece instanceof byte[])
			return ((byte[]) piece).length;
		if (piece instanceof float[])
			return 4L * ((float[]) piece).length;
		throw new IllegalStateException("The cache keeps byte[] and float[] pieces, not " + piece.getClass());
	}

	private static Object await(final CompletableFuture< Object > pending) throws IOException {
		try {
			return pending.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while another thread read the same part of the store.", e);
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof IOException)
				throw (IOException) cause;
			if (cause instanceof UncheckedIOException)
				throw ((UncheckedIOException) cause).getCause();
			if (cause instanceof RuntimeException)
				throw (RuntimeException) cause;
			throw new IllegalStateException(cause);
		}
	}
}
