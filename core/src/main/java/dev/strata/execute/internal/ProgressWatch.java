package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.strata.execute.LockActivity;
import dev.strata.execute.SlowStatement;
import dev.strata.migration.Migration;
import dev.strata.migration.PreparedMigration;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a long migration's progress while it runs, off its critical path: a task of its
 * own looks every {@code strata.progress-interval} at the migration's backend from the
 * lock's connection (the migration's own is busy), logs the file, the statement's line,
 * the time so far and the phase PostgreSQL reports, and publishes the same through the
 * lock for other processes to see. Statements that ran longer than the interval are kept
 * for the run's result. A failed look is logged at debug and never touches the migration.
 */
public final class ProgressWatch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ProgressWatch.class);

	private static final ProgressWatch NONE = new ProgressWatch(null, null, 0);

	private final @Nullable Duration interval;

	private final @Nullable MigrationLock lock;

	private final int pid;

	private final @Nullable ScheduledExecutorService scheduler;

	private final List<SlowStatement> slow = new ArrayList<>();

	private @Nullable Running running;

	private ProgressWatch(@Nullable Duration interval, @Nullable MigrationLock lock, int pid) {
		this.interval = interval;
		this.lock = lock;
		this.pid = pid;
		this.scheduler = (interval != null) ? scheduler() : null;
	}

	private static ScheduledExecutorService scheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "strata-progress");
			thread.setDaemon(true);
			return thread;
		});
		// A run of many quick migrations cancels a report for each: drop them at once.
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	/** A watch that reports nothing. */
	public static ProgressWatch none() {
		return NONE;
	}

	/**
	 * Watches the migrations run on {@code migrating} under {@code lock}.
	 * @param interval how often to report, {@code null}, zero or negative for never
	 */
	public static ProgressWatch start(@Nullable Duration interval, MigrationLock lock, Connection migrating) {
		if (interval == null || interval.isZero() || interval.isNegative()) {
			return NONE;
		}
		return new ProgressWatch(interval, lock, lock.sharedSession() ? 0 : backendPid(migrating));
	}

	/**
	 * The migration's backend, from the driver without a round trip where it can tell;
	 * {@code 0} if unknown, then only the client's view shows.
	 */
	private static int backendPid(Connection connection) {
		try {
			if (connection.isWrapperFor(PGConnection.class)) {
				return connection.unwrap(PGConnection.class).getBackendPID();
			}
		}
		catch (SQLException | RuntimeException ex) {
			// Ask the server instead.
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid()")) {
			return rs.next() ? rs.getInt(1) : 0;
		}
		catch (SQLException ex) {
			logger.debug("Could not read the migration's backend pid", ex);
			return 0;
		}
	}

	/** The statements that ran longer than the interval, in the order they ran. */
	public synchronized List<SlowStatement> slowStatements() {
		return List.copyOf(this.slow);
	}

	/** A migration starts. */
	void started(PreparedMigration migration) {
		if (this.scheduler == null) {
			return;
		}
		Running running = new Running(migration, System.nanoTime(), Instant.now());
		long millis = Math.max(1, this.interval.toMillis());
		synchronized (this) {
			this.running = running;
			running.ticks = this.scheduler.scheduleAtFixedRate(() -> tick(running), millis, millis,
					TimeUnit.MILLISECONDS);
		}
		publish(running, null, null);
	}

	/** Statements {@code from} to {@code to} of the running migration are sent. */
	void sending(int from, int to) {
		if (this.scheduler == null) {
			return;
		}
		synchronized (this) {
			Running running = this.running;
			if (running != null) {
				running.from = from;
				running.to = to;
				running.sentNanos = System.nanoTime();
			}
		}
	}

	/** The statements last sent are done (or failed). */
	void sent() {
		if (this.scheduler == null) {
			return;
		}
		synchronized (this) {
			Running running = this.running;
			if (running != null) {
				if (running.observed != null && running.observed.index >= running.from
						&& running.observed.index <= running.to) {
					close(running, System.nanoTime());
				}
				running.from = -1;
				running.to = -1;
			}
		}
	}

	/** The running migration ended, applied or not. */
	void finished() {
		if (this.scheduler == null) {
			return;
		}
		synchronized (this) {
			Running running = this.running;
			if (running == null) {
				return;
			}
			running.ticks.cancel(false);
			close(running, System.nanoTime());
			this.running = null;
			this.lock.publish(null);
		}
	}

	private void tick(Running running) {
		ServerProgress.Sample sample = null;
		if (this.pid != 0) {
			try {
				sample = this.lock.watch((connection, comment) -> ServerProgress.read(connection, comment, this.pid));
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Could not read the progress of {}", running.migration.migration().displayName(), ex);
			}
		}
		String line;
		ServerProgress.Phase phase;
		Integer statementLine;
		synchronized (this) {
			if (this.running != running) {
				return;
			}
			long now = System.nanoTime();
			int index = observe(running, sample, now);
			phase = (sample != null) ? sample.phase() : null;
			if (running.observed != null && phase != null) {
				running.observed.lastPhase = phase.name();
			}
			statementLine = line(running.migration, index);
			line = describe(running, statementLine, phase, now);
			// Inside, so a report that finished while the migration ended cannot
			// publish it again.
			publish(running, statementLine, phase);
		}
		logger.info(line);
	}

	/**
	 * Which statement runs, from the backend's query among those sent, else the first
	 * sent; records it as observed. Returns its index, {@code -1} if none is in flight.
	 */
	private int observe(Running running, ServerProgress.@Nullable Sample sample, long now) {
		if (running.from < 0) {
			return -1;
		}
		int index = running.from;
		long startNanos = running.sentNanos;
		int matched = matching(running, (sample != null) ? sample.query() : null);
		if (matched >= 0) {
			index = matched;
			startNanos = Math.max(running.sentNanos, now - sample.ageMillis() * 1_000_000);
		}
		else if (running.observed != null && running.observed.index >= running.from
				&& running.observed.index <= running.to) {
			// Not told this time (the look failed, or the server shows another text): the
			// statement seen before is still in flight as far as anyone knows.
			return running.observed.index;
		}
		if (running.observed == null || running.observed.index != index) {
			if (running.observed != null) {
				close(running, startNanos);
			}
			running.observed = new Observed(index, startNanos);
		}
		return index;
	}

	private static int matching(Running running, @Nullable String query) {
		if (query == null || query.isBlank()) {
			return -1;
		}
		String text = query.strip();
		List<SqlStatement> statements = running.migration.statements();
		int last = Math.min(running.to, statements.size() - 1);
		for (int i = Math.max(0, running.from); i <= last; i++) {
			if (statements.get(i).text().strip().equals(text)) {
				return i;
			}
		}
		// The server keeps only the start of a long text (track_activity_query_size).
		for (int i = Math.max(0, running.from); i <= last; i++) {
			if (statements.get(i).text().strip().startsWith(text)) {
				return i;
			}
		}
		return -1;
	}

	/** The observed statement ended at {@code endNanos}: slow if it took the interval. */
	private void close(Running running, long endNanos) {
		Observed observed = running.observed;
		if (observed == null) {
			return;
		}
		running.observed = null;
		Duration elapsed = Duration.ofNanos(Math.max(0, endNanos - observed.startNanos));
		if (elapsed.compareTo(this.interval) >= 0) {
			Migration file = running.migration.migration();
			this.slow.add(new SlowStatement(file.displayName(), file.script(), line(running.migration, observed.index),
					elapsed, observed.lastPhase));
		}
	}

	private static @Nullable Integer line(PreparedMigration migration, int index) {
		return (index >= 0 && index < migration.statements().size()) ? migration.statements().get(index).line() : null;
	}

	private static String describe(Running running, @Nullable Integer line, ServerProgress.@Nullable Phase phase,
			long now) {
		Migration file = running.migration.migration();
		StringBuilder text = new StringBuilder("Still applying ").append(file.displayName())
			.append(" after ")
			.append(seconds(now - running.startNanos))
			.append(": ")
			.append(file.script());
		if (line != null) {
			text.append(" line ").append(line);
		}
		else if (running.from >= 0) {
			text.append(", statement ").append(running.from + 1).append(" of its code");
		}
		else {
			text.append(", between statements");
		}
		if (running.observed != null) {
			text.append(", running for ").append(seconds(now - running.observed.startNanos));
		}
		if (phase != null) {
			text.append(", ").append(phase);
		}
		return text.toString();
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private void publish(Running running, @Nullable Integer line, ServerProgress.@Nullable Phase phase) {
		Migration file = running.migration.migration();
		this.lock.publish(new LockActivity(file.displayName(),
				(file.version() != null) ? file.version().toString() : null, running.startedAt, line,
				(phase != null) ? phase.name() : null, (phase != null) ? phase.percentDone() : null));
	}

	@Override
	public void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

	/** The migration in flight; guarded by the watch. */
	private static final class Running {

		private final PreparedMigration migration;

		private final long startNanos;

		private final Instant startedAt;

		private ScheduledFuture<?> ticks;

		private int from = -1;

		private int to = -1;

		private long sentNanos;

		private @Nullable Observed observed;

		Running(PreparedMigration migration, long startNanos, Instant startedAt) {
			this.migration = migration;
			this.startNanos = startNanos;
			this.startedAt = startedAt;
		}

	}

	/** A statement seen in flight, and since when it runs. */
	private static final class Observed {

		private final int index;

		private final long startNanos;

		private @Nullable String lastPhase;

		Observed(int index, long startNanos) {
			this.index = index;
			this.startNanos = startNanos;
		}

	}

}
