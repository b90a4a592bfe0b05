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
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.internal.Planner;
import dev.strata.migration.Migration;
import dev.strata.targets.DatabaseServer;
import dev.strata.targets.internal.CitusNode;
import org.jspecify.annotations.Nullable;

/**
 * What every command works with: the configuration, one connection, the target schema
 * found on it, and the migration files. Each is found once per command, when first asked
 * for.
 */
final class CommandContext {

	private final StrataConfig config;

	private final Connection connection;

	private final @Nullable MigrationsLoading migrations;

	private final MigrationListener listener;

	private @Nullable TargetState target;

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
			this.target = TargetState.resolve(this.connection, this.config.target(), this.config.flywayTable());
			bindPlaceholders(this.target);
		}
		return this.target;
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
		return new Planner(this.config.outOfOrder()).plan(migrations(), target.readHistory());
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
		try (MigrationLock lock = MigrationLock.acquire(this.config.target().dataSource(), connection,
				target().schema(), this.config.target().table(), this.config.lock(), () -> connection.isValid(5),
				this.config.sessionName())) {
			// The migrations' session shows as Strata's too (a blocked ALTER TABLE names
			// who waits), unless a pooler shares it with other clients.
			SessionName.Applied named = lock.sharedSession() ? SessionName.Applied.NOTHING
					: SessionName.apply(connection, this.config.sessionName());
			try {
				this.target = TargetState.resolve(connection, this.config.target(), this.config.flywayTable());
				return work.run(this.target, lock);
			}
			finally {
				named.restore();
			}
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

	/** Work done under the migration lock. */
	@FunctionalInterface
	interface LockedWork<T> {

		T run(TargetState target, MigrationLock lock) throws SQLException;

	}

}
