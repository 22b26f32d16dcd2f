package io.github.convolvej.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Decoded pieces of a store kept while there is room, the least recently
 * used dropped first: neighbouring blocks read the same chunks for their
 * halos, and decompressing a chunk again for each would cost more than the
 * filter. A piece decodes into parts (the planes of a Zarr chunk) kept and
 * dropped one by one, so that a block that needs a few planes of a chunk for
 * its halo keeps only those, and no kept part is one of the heap's huge
 * objects. Parts are held softly: when the blocks in flight need the memory,
 * the garbage collector takes parts back (they are decoded again if asked
 * for) instead of the run failing for want of memory. Threads asking for a
 * piece another thread is decoding wait for it instead of decoding it again.
 */
final class DecodedCache< K > {

	/** Decodes one piece into its parts (byte[] or float[] each). */
	@FunctionalInterface
	interface Decoder< V > {
		V[] decode() throws IOException;
	}

	private static final class Part {
		final Object key;
		final int index;

		Part(final Object key, final int index) {
			this.key = key;
			this.index = index;
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Part && ((Part) o).key.equals(key) && ((Part) o).index == index;
		}

		@Override
		public int hashCode() {
			return Objects.hash(key, index);
		}
	}

	/** A part held softly, with what it takes from the budget. */
	private static final class Held extends SoftReference< Object > {
		final Part key;
		final long size;

		Held(final Part key, final Object part, final ReferenceQueue< Object > cleared) {
			super(part, cleared);
			this.key = key;
			this.size = sizeOf(part);
		}
	}

	private final long budget;
	private long bytes;
	private final LinkedHashMap< Part, Held > parts = new LinkedHashMap<>(1024, 0.75f, true);
	private final ReferenceQueue< Object > cleared = new ReferenceQueue<>();
	private final Map< K, CompletableFuture< Object[] > > decoding = new HashMap<>();

	/** @param budget bytes of decoded parts kept at most */
	DecodedCache(final long budget) {
		this.budget = budget;
	}

	/**
	 * The budget of one store's pieces: 3/8 of the heap the JVM may grow to.
	 * Blocks swept along z use the planes of three chunk rows (the halo
	 * above, their own, the halo below) and decode the rest of the row below
	 * for the next blocks: with a quarter of a 512 MB heap, a volume of
	 * 1024 x 1024 uint16 planes in chunks 32 deep was decompressed 2.2 times
	 * over; with 3/8, once.
	 */
	static long shareOfTheHeap() {
		return Runtime.getRuntime().maxMemory() / 8 * 3;
	}

	/** Part {@code index} of the piece {@code key}, decoded now (with all its parts) or taken from the cache. */
	@SuppressWarnings("unchecked")
	< V > V part(final K key, final int index, final Decoder< V > decoder) throws IOException {
		final CompletableFuture< Object[] > pending;
		final boolean mine;
		synchronized (this) {
			dropCleared();
			final Held held = parts.get(new Part(key, index));
			final Object kept = held == null ? null : held.get();
			if (kept != null)
				return (V) kept;
			final CompletableFuture< Object[] > other = decoding.get(key);
			mine = other == null;
			pending = mine ? new CompletableFuture<>() : other;
			if (mine)
				decoding.put(key, pending);
		}
		if (!mine)
			return (V) await(pending)[index];
		try {
			final V[] all = decoder.decode();
			synchronized (this) {
				decoding.remove(key);
				for (int i = 0; i < all.length; i++)
					keep(new Part(key, i), all[i]);
			}
			pending.complete(all);
			return all[index];
		}
		catch (final IOException | RuntimeException | Error e) {
			synchronized (this) {
				decoding.remove(key);
			}
			pending.completeExceptionally(e);
			throw e;
		}
	}

	private void keep(final Part key, final Object value) {
		final Held held = new Held(key, value, cleared);
		final Held before = parts.put(key, held);
		if (before != null)
			bytes -= before.size;
		bytes += held.size;
		final Iterator< Map.Entry< Part, Held > > oldest = parts.entrySet().iterator();
		while (bytes > budget && oldest.hasNext()) {
			bytes -= oldest.next().getValue().size;
			oldest.remove();
		}
	}

	/** Forgets the parts the garbage collector took back. */
	private void dropCleared() {
		for (Reference< ? > r = cleared.poll(); r != null; r = cleared.poll()) {
			final Held gone = (Held) r;
			if (parts.get(gone.key) == gone) {
				parts.remove(gone.key);
				bytes -= gone.size;
			}
		}
	}

	private static long sizeOf(final Object part) {
		if (part instanceof byte[])
			return ((byte[]) part).length;
		if (part instanceof float[])
			return 4L * ((float[]) part).length;
		throw new IllegalStateException("The cache keeps byte[] and float[] parts, not " + part.getClass());
	}

	private static Object[] await(final CompletableFuture< Object[] > pending) throws IOException {
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
