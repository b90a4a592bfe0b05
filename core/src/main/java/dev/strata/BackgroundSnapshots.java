package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema snapshots being stored after a run, one thread each, so that {@code migrate}
 * returns once the migrations are committed (see
 * {@link StrataConfig#snapshotInBackground()}). The run hands over its connection and its
 * migration lock; the thread stores the snapshot, then releases the lock and closes the
 * connection. Until then no other migrator can start, every command of this JVM on the
 * same target waits here first, and so does the JVM's shutdown.
 */
final class BackgroundSnapshots {

	private static final Logger logger = LoggerFactory.getLogger(BackgroundSnapshots.class);

	/** How long shutdown waits for a snapshot being stored before it lets the JVM go. */
	static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private static final Map<Key, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	/** Registered with the first snapshot, so a JVM that never stores one has no hook. */
	private static final AtomicBoolean shutdownHook = new AtomicBoolean();

	private BackgroundSnapshots() {
	}

	/**
	 * Runs {@code work} on a thread of its own; {@link #await} for {@code target} waits
	 * for it. {@code work} must release what the run handed over, whatever happens.
	 */
	static void start(Connection connection, MigrationTarget target, Runnable work) throws SQLException {
		Key key = Key.of(connection, target);
		if (shutdownHook.compareAndSet(false, true)) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitAll(SHUTDOWN_WAIT), "strata-snapshot-shutdown"));
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		CompletableFuture<Void> previous = pending.put(key, done);
		if (previous != null && !previous.isDone()) {
			// cannot happen: the previous one held the lock this run took
			logger.debug("A background snapshot of {} was still pending", key);
		}
		Thread thread = new Thread(() -> {
			try {
				work.run();
			}
			catch (RuntimeException | Error ex) {
				logger.warn("Storing the schema snapshot of schema {} failed: {}", key.describe(), ex.toString(), ex);
			}
			finally {
				done.complete(null);
				pending.remove(key, done);
			}
		}, "strata-snapshot");
		// Not a daemon: a JVM whose main thread ends right after migrate still stores it.
		thread.setDaemon(false);
		thread.start();
	}

	/**
	 * Waits until no snapshot of {@code target}, in the database {@code connection}
	 * reaches, is being stored.
	 */
	static void await(Connection connection, MigrationTarget target) throws SQLException {
		Key key = Key.of(connection, target);
		CompletableFuture<Void> done = pending.get(key);
		if (done != null) {
			join(done);
		}
	}

	/**
	 * Waits until no snapshot of {@code target} is being stored, in whichever database.
	 */
	static void await(MigrationTarget target) {
		for (Map.Entry<Key, CompletableFuture<Void>> entry : pending.entrySet()) {
			if (entry.getKey().is(target)) {
				join(entry.getValue());
			}
		}
	}

	/** Waits at most {@code limit} for every snapshot being stored. */
	static void awaitAll(Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		for (CompletableFuture<Void> done : pending.values()) {
			try {
				done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				logger.warn("Stopped waiting for a schema snapshot being stored after {} s", limit.toSeconds());
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException ex) {
				// logged by the thread itself
			}
		}
	}

	private static void join(CompletableFuture<Void> done) {
		boolean interrupted = false;
		while (true) {
			try {
				done.get();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException ex) {
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A target as configured, in one database: commands of any configuration of it meet
	 * here, whatever DataSource object they came through.
	 *
	 * @param database the JDBC URL without its parameters (user, options)
	 */
	private record Key(String database, @Nullable String schema, String table) {

		static Key of(Connection connection, MigrationTarget target) throws SQLException {
			String url = String.valueOf(connection.getMetaData().getURL());
			int parameters = url.indexOf('?');
			return new Key((parameters < 0) ? url : url.substring(0, parameters), target.schema(), target.table());
		}

		boolean is(MigrationTarget target) {
			return Objects.equals(this.schema, target.schema()) && this.table.equals(target.table());
		}

		String describe() {
			return "\"" + Objects.requireNonNullElse(this.schema, "(current)") + "\" (" + this.table + ")";
		}

	}

}
