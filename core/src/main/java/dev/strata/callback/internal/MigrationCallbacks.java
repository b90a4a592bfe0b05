package dev.strata.callback.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.callback.CallbackContext;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.CallbackFailedException;
import dev.strata.callback.StrataCallback;
import dev.strata.execute.ExecutionSettings;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.internal.GuardReport;
import dev.strata.guard.internal.LiveTableSizes;
import dev.strata.migration.Migration;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.source.internal.CallbackFile;
import dev.strata.source.internal.Durations;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callbacks of one {@code migrate} run: the SQL callback files at the locations (in
 * file name order), then the registered {@link StrataCallback}s (in the order
 * registered). Runs those of an event: the each-migration ones on the migration's
 * connection inside its body, the others each in a transaction of its own with the
 * configured timeouts and the target's {@code search_path}.
 */
public final class MigrationCallbacks {

	private static final Logger logger = LoggerFactory.getLogger(MigrationCallbacks.class);

	private final List<SqlCallback> files;

	private final List<StrataCallback> callbacks;

	private final MigrationTarget target;

	private final ExecutionSettings execution;

	/**
	 * @param placeholders how the SQL callback files' placeholders are replaced, as the
	 * migrations' are
	 */
	public MigrationCallbacks(List<CallbackFile> files, PlaceholderContext placeholders,
			List<StrataCallback> registered, MigrationTarget target, ExecutionSettings execution) {
		this.files = files.stream().map((file) -> new SqlCallback(file, placeholders)).toList();
		List<StrataCallback> callbacks = new ArrayList<>(this.files);
		callbacks.addAll(registered);
		this.callbacks = List.copyOf(callbacks);
		this.target = target;
		this.execution = execution;
	}

	/** Whether any callback runs at this event. */
	public boolean has(CallbackEvent event) {
		return this.callbacks.stream().anyMatch((callback) -> callback.supports(event));
	}

	/**
	 * Splits the SQL callback files and lets the guard judge them, as it judges
	 * migrations, before anything runs.
	 * @throws dev.strata.migration.MigrationPreparationException for a file that cannot
	 * run as written
	 * @throws GuardRefusedException for a file the guard refuses
	 */
	public void judge(Connection connection, GuardSettings settings) {
		if (this.files.isEmpty()) {
			return;
		}
		List<PreparedMigration> prepared = new MigrationPreparer()
			.prepare(this.files.stream().map(SqlCallback::file).toList());
		for (int i = 0; i < prepared.size(); i++) {
			this.files.get(i).prepared(prepared.get(i));
		}
		GuardReport report = new Guard(settings, new LiveTableSizes(connection)).checkRun(prepared);
		if (report.isRefused()) {
			throw new GuardRefusedException(report.refused(), "no callback ran and nothing was applied");
		}
	}

	/**
	 * Runs the callbacks of a run-level event ({@code beforeMigrate},
	 * {@code afterMigrate}, {@code afterMigrateError}), each in a transaction of its own
	 * (a SQL file that cannot run in one: each statement on its own).
	 * @param migration the migration that failed, for {@code afterMigrateError}
	 * @throws CallbackFailedException if one fails; those after it do not run
	 */
	public void run(CallbackEvent event, Connection connection, @Nullable Migration migration, String outcome) {
		for (StrataCallback callback : this.callbacks) {
			if (!callback.supports(event)) {
				continue;
			}
			long start = System.nanoTime();
			boolean transactional = !(callback instanceof SqlCallback file) || file.transactional();
			try {
				runAlone(callback, event, connection, migration, transactional);
			}
			catch (Exception ex) {
				throw new CallbackFailedException(callback.name(), event, outcome, ex);
			}
			logger.info("Ran callback {} ({}) in {} ms", callback.name(), event.fileName(), millis(start));
		}
	}

	/**
	 * The migration with the each-migration callbacks around its body, on its connection
	 * and inside its transaction; the migration itself unchanged if there are none.
	 */
	public PreparedMigration aroundEach(PreparedMigration migration) {
		if (!has(CallbackEvent.BEFORE_EACH_MIGRATE) && !has(CallbackEvent.AFTER_EACH_MIGRATE)) {
			return migration;
		}
		return new PreparedMigration(migration.migration(), migration.statements(), migration.directives(),
				migration.transactional(), migration.nonTransactionalReason(), migration.sqlChecksum(), (run) -> {
					runEach(CallbackEvent.BEFORE_EACH_MIGRATE, run.connection(), migration.migration());
					migration.body().run(run);
					runEach(CallbackEvent.AFTER_EACH_MIGRATE, run.connection(), migration.migration());
				});
	}

	private void runEach(CallbackEvent event, Connection connection, Migration migration) throws SQLException {
		for (StrataCallback callback : this.callbacks) {
			if (!callback.supports(event)) {
				continue;
			}
			long start = System.nanoTime();
			try {
				callback.handle(event, new Context(connection, this.target, migration));
			}
			catch (Exception ex) {
				throw new SQLException(
						"callback " + callback.name() + " (" + event.fileName() + ") failed: " + ex.getMessage(),
						(ex instanceof SQLException sql) ? sql.getSQLState() : null, ex);
			}
			logger.info("Ran callback {} ({}) for {} in {} ms", callback.name(), event.fileName(),
					migration.displayName(), millis(start));
		}
	}

	private void runAlone(StrataCallback callback, CallbackEvent event, Connection connection,
			@Nullable Migration migration, boolean transactional) throws Exception {
		boolean autoCommit = connection.getAutoCommit();
		String prefix = transactional ? "set local " : "set ";
		try {
			connection.setAutoCommit(!transactional);
			settings(connection, prefix);
			callback.handle(event, new Context(connection, this.target, migration));
			if (transactional) {
				connection.commit();
			}
		}
		catch (Exception ex) {
			if (transactional) {
				rollback(connection);
			}
			throw ex;
		}
		finally {
			if (!transactional) {
				reset(connection);
			}
			connection.setAutoCommit(autoCommit);
		}
	}

	private void settings(Connection connection, String prefix) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(prefix + "lock_timeout = '" + setting(this.execution.lockTimeout()) + "'");
			statement.execute(prefix + "statement_timeout = '" + setting(this.execution.statementTimeout()) + "'");
			String searchPath = this.target.searchPathSetting();
			if (searchPath != null) {
				statement.execute(prefix + "search_path = " + searchPath);
			}
		}
	}

	private void reset(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("reset lock_timeout; reset statement_timeout"
					+ ((this.target.searchPathSetting() != null) ? "; reset search_path" : ""));
		}
		catch (SQLException ex) {
			logger.debug("Could not reset the settings after a callback", ex);
		}
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Could not roll back a failed callback", ex);
		}
	}

	private static String setting(@Nullable Duration duration) {
		return (duration == null || duration.isZero() || duration.isNegative()) ? "0" : Durations.toPostgres(duration);
	}

	private static long millis(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private record Context(Connection connection, MigrationTarget target,
			@Nullable Migration migration) implements CallbackContext {

	}

}
