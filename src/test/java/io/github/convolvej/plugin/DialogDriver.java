package io.github.convolvej.plugin;

import java.awt.EventQueue;
import java.awt.Window;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import ij.gui.GenericDialog;

/**
 * Drives ImageJ dialogs from a test the way a user would, on the event
 * thread, with every wait bounded: a wait that runs out fails with the
 * stacks of all threads, so a hang says where it hangs instead of running
 * into the test's own timeout.
 */
final class DialogDriver {

	private static final long WAIT_MS = 30_000;

	private DialogDriver() {}

	/** The showing dialog with this title, or null. */
	static GenericDialog dialog(final String title) {
		for (final Window w : Window.getWindows())
			if (w instanceof GenericDialog && w.isShowing() && title.equals(((GenericDialog) w).getTitle()))
				return (GenericDialog) w;
		return null;
	}

	/** Polls until the condition gives a value. */
	static < T > T waitFor(final Supplier< T > condition) throws InterruptedException {
		return waitFor(condition, () -> "");
	}

	/** Polls until the condition gives a value; on failure says {@code state}. */
	static < T > T waitFor(final Supplier< T > condition, final Supplier< String > state) throws InterruptedException {
		final long end = System.currentTimeMillis() + WAIT_MS;
		while (System.currentTimeMillis() < end) {
			final T t = condition.get();
			if (t != null)
				return t;
			Thread.sleep(50);
		}
		throw new AssertionError("timed out waiting " + state.get() + "\n" + threads());
	}

	/** Runs on the event thread and waits for it. */
	static void onEdt(final Runnable r) throws InterruptedException {
		final CompletableFuture< Void > done = new CompletableFuture<>();
		EventQueue.invokeLater(() -> {
			try {
				r.run();
				done.complete(null);
			} catch (final Throwable t) {
				done.completeExceptionally(t);
			}
		});
		try {
			done.get(WAIT_MS, TimeUnit.MILLISECONDS);
		} catch (final ExecutionException e) {
			throw new AssertionError(e.getCause());
		} catch (final TimeoutException e) {
			throw new AssertionError("the event thread did not run the step\n" + threads());
		}
	}

	/** Waits for the thread that ran the command; rethrows what it failed with. */
	static void finish(final Thread command, final AtomicReference< Throwable > failure) throws InterruptedException {
		command.join(WAIT_MS);
		if (command.isAlive())
			throw new AssertionError("the command did not finish\n" + threads());
		if (failure.get() != null)
			throw new AssertionError(failure.get());
	}

	private static String threads() {
		final StringBuilder sb = new StringBuilder();
		for (final Map.Entry< Thread, StackTraceElement[] > e : Thread.getAllStackTraces().entrySet()) {
			sb.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState()).append('\n');
			for (final StackTraceElement s : e.getValue())
				sb.append("    at ").append(s).append('\n');
		}
		return sb.toString();
	}
}
