package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.internal.CompositeMigrationListener;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.SessionName;
import dev.strata.history.AppliedMigration;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.internal.Planner;
import dev.strata.migration.Migration;
import dev.strata.targets.DatabaseServer;
import dev.strata.targets.internal.CitusNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command works with: the configuration, one connection, the target schema
 * found on it, and the migration files. Each is found once per command, when first asked
 * for.
 */
final class CommandContext {

	private static final Logger logger = LoggerFactory.getLogger(CommandContext.class);

	private final StrataConfig config;

	private final Connection connection;

	private final @Nullable MigrationsLoading migrations;

	private final MigrationListener listener;

	private @Nullable TargetState target;

	/** Whether {@link #openLockConnectionOnFirstRun} was asked for. */
	private boolean lockOnFirstRun;

	/** The lock's connection, when {@link #openLockConnectionAhead} opened it. */
	private @Nullable LockConnection lockConnection;

	/** What {@link #finishInBackground} asked for, until handed over. */
	private @Nullable ConnectionWork finishing;

	/** Releases the session name and the lock {@link #underLock} kept for it. */
	private @Nullable Runnable release;

	CommandContext(StrataConfig config, Connection connection, @Nullable MigrationsLoading migrations) {
		this.config = config;
		this.connection = connection;
		this.migrations = migrations;
		this.listener = new CompositeMigrationListener(config.listeners());
	}

	StrataConfig config() {
		return this.config;
	}

	Connection connection() {
		return this.connection;
	}

	/** Every configured listener as one. */
	MigrationListener listener() {
		return this.listener;
	}

	/** The target schema and its history, found on this command's connection. */
	TargetState target() throws SQLException {
		if (this.target == null) {
			this.target = TargetState.resolve(this.connection, this.config.target(), this.config.flywayTable(),
					this.lockOnFirstRun ? this::openLockConnectionAhead : () -> {
					});
			bindPlaceholders(this.target);
		}
		return this.target;
	}

	/**
	 * The target schema: the configured one as it is, without reading the target (it is
	 * what {@link #target} would find), else the connection's current schema.
	 */
	String schema() throws SQLException {
		String configured = this.config.target().schema();
		return (configured != null) ? configured : target().schema();
	}

	/** The built-in placeholders take the values this connection found. */
	private void bindPlaceholders(TargetState target) throws SQLException {
		this.config.placeholderContext()
			.bind(target.schema(), this.connection.getMetaData().getUserName(), this.connection.getCatalog());
	}

	/** The migration files at the configured locations. */
	List<Migration> migrations() {
		if (this.migrations == null) {
			throw new IllegalStateException("This command does not read migrations");
		}
		return this.migrations.get();
	}

	/** The migrations compared with the target's history. */
	MigrationPlan plan() throws SQLException {
		return plan(target());
	}

	MigrationPlan plan(TargetState target) throws SQLException {
		return plan(target.readHistory());
	}

	/** The migrations compared with {@code history}, the target's rows read already. */
	MigrationPlan plan(List<AppliedMigration> history) {
		return new Planner(this.config.outOfOrder()).plan(migrations(), history);
	}

	/**
	 * Runs {@code work} holding the migration lock, on the target read again once the
	 * lock is held: another migrator may have changed the history while this one waited.
	 */
	<T> T underLock(LockedWork<T> work) throws SQLException {
		Connection connection = this.connection;
		refuseCitusWorker(target());
		// The command's own connection waits idle meanwhile; keep it from being cut as
		// idle.
		LockConnection ahead = this.lockConnection;
		this.lockConnection = null;
		MigrationLock lock = MigrationLock.acquire(
				(ahead != null) ? ahead : this.config.target().dataSource()::getConnection, connection,
				target().schema(), this.config.target().table(), this.config.lock(), () -> connection.isValid(5),
				this.config.sessionName());
		SessionName.Applied named = SessionName.Applied.NOTHING;
		boolean handedOver = false;
		try {
			// The migrations' session shows as Strata's too (a blocked ALTER TABLE names
			// who waits), unless a pooler shares it with other clients.
			named = lock.sharedSession() ? SessionName.Applied.NOTHING
					: SessionName.apply(connection, this.config.sessionName());
			this.target = target().againUnderLock(connection, this.config.flywayTable());
			T result = work.run(this.target, lock);
			if (this.finishing != null) {
				SessionName.Applied restore = named;
				this.release = () -> {
					restore.restore();
					lock.close();
				};
				handedOver = true;
			}
			return result;
		}
		finally {
			if (!handedOver) {
				named.restore();
				lock.close();
			}
		}
	}

	/**
	 * For a command that takes the lock on any target without a history: its connection
	 * starts opening ({@link #openLockConnectionAhead}) as soon as {@link #target} sees
	 * none, while what a first run needs is still being read. Before {@link #target}.
	 */
	void openLockConnectionOnFirstRun() {
		this.lockOnFirstRun = true;
	}

	/**
	 * Starts opening the migration lock's own connection on a thread of its own, for a
	 * command that will take the lock: a new server session costs tens of milliseconds,
	 * which need not come after the work before the lock.
	 */
	void openLockConnectionAhead() {
		if (this.lockConnection == null) {
			this.lockConnection = LockConnection.open(this.config.target().dataSource());
		}
	}

	/** Closes a connection opened ahead for a lock that was never taken. */
	void discardUnusedLockConnection() {
		if (this.lockConnection != null) {
			this.lockConnection.discard();
			this.lockConnection = null;
		}
	}

	/**
	 * Asks that {@code work} run once the command has returned, on a thread of its own,
	 * on this command's connection and still under the migration lock the command holds
	 * (so from inside {@link #underLock} only): the caller does not wait for it, every
	 * command on the same target does.
	 */
	void finishInBackground(ConnectionWork work) {
		this.finishing = work;
	}

	/**
	 * Starts the work {@link #finishInBackground} asked for, if any, handing it the
	 * connection and the lock, which it releases when done.
	 * @return whether the connection was handed over (the caller must not close it)
	 */
	boolean handOver() throws SQLException {
		ConnectionWork work = this.finishing;
		Runnable release = this.release;
		if (work == null || release == null) {
			return false;
		}
		this.finishing = null;
		this.release = null;
		Connection connection = this.connection;
		try {
			BackgroundSnapshots.start(connection, this.config.target(), () -> finish(work, release, connection));
		}
		catch (SQLException | RuntimeException ex) {
			// nothing started: the caller closes the connection, the lock goes now
			release.run();
			throw ex;
		}
		return true;
	}

	/**
	 * Runs {@code work}, then releases the lock and closes the connection, whatever
	 * happens.
	 */
	private static void finish(ConnectionWork work, Runnable release, Connection connection) {
		try {
			work.run(connection);
		}
		catch (SQLException ex) {
			logger.warn("Work left for after the run failed: {} (SQLState {})", ex.getMessage(), ex.getSQLState());
		}
		finally {
			try {
				release.run();
			}
			finally {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					logger.debug("Could not close the migration connection", ex);
				}
			}
		}
	}

	/**
	 * Drops the work {@link #finishInBackground} asked for when the command failed after
	 * all, releasing the lock kept for it; the caller closes the connection, which rolls
	 * back what the work had begun.
	 */
	void abandonBackgroundWork() {
		Runnable release = this.release;
		this.finishing = null;
		this.release = null;
		if (release != null) {
			release.run();
		}
	}

	/**
	 * On Citus, only the coordinator propagates DDL to the workers, and only its advisory
	 * lock excludes the other migrators: nothing that writes runs on a worker.
	 */
	private void refuseCitusWorker(TargetState target) throws SQLException {
		if (target.server().kind() == DatabaseServer.Kind.CITUS && !CitusNode.isCoordinator(this.connection)) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "The connection reached a Citus worker node ("
					+ target.server().describe() + "), not the coordinator. DDL run here would change this worker"
					+ " only, and its migration lock would not exclude migrators on the coordinator. Point strata.url"
					+ " (or the DataSource) at the coordinator. Nothing was changed.");
		}
	}

	/** Work on a connection, finished after the command returned. */
	@FunctionalInterface
	interface ConnectionWork {

		void run(Connection connection) throws SQLException;

	}

	/** Work done under the migration lock. */
	@FunctionalInterface
	interface LockedWork<T> {

		T run(TargetState target, MigrationLock lock) throws SQLException;

	}

}
