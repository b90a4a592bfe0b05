package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import dev.strata.drift.DriftReport;
import dev.strata.drift.SnapshotInfo;
import dev.strata.execute.MigrationLock;

import dev.strata.guard.LiveTableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.plan.MigrationPlan;
import dev.strata.plan.Planner;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSource;

/**
 * Strata's commands. Each returns a result object that the Spring Boot integration, the migrator
 * and tests render; each failure is a {@link StrataException} whose category says what went
 * wrong.
 *
 * <pre>
 * Strata strata = new Strata(StrataConfig.builder(dataSource).build());
 * MigrateResult result = strata.migrate();
 * </pre>
 */
public final class Strata {

	private final StrataConfig config;

	public Strata(StrataConfig config) {
		this.config = config;
	}

	public StrataConfig config() {
		return this.config;
	}

	/** Applies every pending migration, under the migration lock. */
	public MigrateResult migrate() {
		return new MigrateCommand(this.config, this).run();
	}

	/**
	 * Compares the migrations with the history without changing anything or taking the lock.
	 * @throws ValidationException if a migration file or the history is invalid
	 */
	public StatusResult validate() {
		StatusResult status = status();
		if (!status.isValid()) {
			throw new ValidationException(status.schema(), status.problems());
		}
		return status;
	}

	/** Every migration and its state, read without taking the lock. Never fails for validation problems. */
	public StatusResult status() {
		List<MigrationFile> files = loadMigrations();
		return withConnection((connection) -> {
			Target target = Target.resolve(connection, this.config);
			MigrationPlan plan = plan(files, target);
			List<dev.strata.plan.ValidationProblem> problems = plan.problems();
			if (!target.historyExists() && target.history().countOtherObjects() > 0
					&& !this.config.baselineOnMigrate()) {
				problems = new java.util.ArrayList<>(problems);
				problems.add(NotEmptyWithoutHistory.problem(target.schema(), this.config.table()));
			}
			return new StatusResult(target.schema(), target.historyExists(), plan.currentVersionText(),
					plan.statuses(), List.copyOf(problems));
		});
	}

	/** Who holds the migration lock right now, if anyone. Never takes it. */
	public Optional<MigrationLock.LockHolder> lockHolder() {
		return withConnection((connection) -> {
			Target target = Target.resolve(connection, this.config);
			return Optional.ofNullable(MigrationLock.currentHolder(connection, target.schema(), this.config.table()));
		});
	}

	/**
	 * Judges the pending migrations (or all, with {@link LintScope#ALL}) as {@code migrate} would,
	 * with table sizes from the database, and applies nothing. Render the result with
	 * {@code config().lintFormat().render(result)}; without a database use
	 * {@link dev.strata.guard.report.Lint#run}.
	 * @throws StrataException for a bad migration file or directive
	 */
	public LintResult lint() {
		List<MigrationFile> files = loadMigrations();
		return withConnection((connection) -> {
			List<MigrationFile> selected = (this.config.lintScope() == LintScope.ALL) ? files
					: plan(files, Target.resolve(connection, this.config)).pending();
			return Lint.of(selected, this.config.guard(), new LiveTableSizes(connection), this.config.lintScope());
		});
	}

	/** Records a baseline in an existing database that has no history yet. */
	public BaselineResult baseline() {
		return new BaselineCommand(this.config, this).run();
	}

	/**
	 * Compares the live schema with the snapshot stored after the last migration run. Read-only:
	 * never takes the migration lock, so it never waits behind a running migration; the regular
	 * case is one query that returns one row.
	 */
	public DriftReport drift() {
		return withConnection((connection) -> {
			Target target = Target.resolve(connection, this.config);
			return Snapshots.checker(this.config, target).check(connection, target.snapshotExists());
		});
	}

	/**
	 * Re-baselines: stores the live schema as the snapshot later checks compare with. Never
	 * automatic; the result lists the drift that was accepted.
	 */
	public AcceptDriftResult acceptDrift() {
		return withLockedTarget((connection, target, lock) -> {
			if (!target.historyExists()) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "Schema \"" + target.schema()
						+ "\" has no history table " + this.config.table() + "; migrate or baseline first, which"
						+ " store a snapshot themselves.");
			}
			DriftReport accepted = Snapshots.checker(this.config, target).check(connection, target.snapshotExists());
			SnapshotInfo snapshot = Snapshots.take(connection, this.config, target, "ACCEPTED");
			org.slf4j.LoggerFactory.getLogger(Strata.class).info("Accepted schema drift: {}", accepted.describe());
			return new AcceptDriftResult(target.schema(), accepted, snapshot);
		});
	}

	/** Removes failed entries and realigns checksums and descriptions of applied migrations to their files. */
	public RepairResult repair() {
		return new RepairCommand(this.config, this).run();
	}

	List<MigrationFile> loadMigrations() {
		return new MigrationSource(this.config.locations(), this.config.classLoader()).load();
	}

	MigrationPlan plan(List<MigrationFile> files, Target target) throws SQLException {
		return new Planner(this.config.outOfOrder()).plan(files, target.readHistory());
	}

	<T> T withConnection(ConnectionCallback<T> callback) {
		Connection connection;
		try {
			connection = this.config.dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "Could not connect to the database: "
					+ ex.getMessage() + " (SQLState " + ex.getSQLState() + "). Check the URL, user and password.", ex);
		}
		try (connection) {
			return callback.run(connection);
		}
		catch (SQLException ex) {
			ErrorCategory category = isConnectionProblem(ex) ? ErrorCategory.CONFIGURATION : ErrorCategory.UNEXPECTED;
			throw new StrataException(category,
					"Database error: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ")", ex);
		}
	}

	private static boolean isConnectionProblem(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"));
	}

	/** {@link #underLock} on a connection of its own. */
	<T> T withLockedTarget(LockedWork<T> work) {
		return withConnection((connection) -> underLock(connection, Target.resolve(connection, this.config), work));
	}

	/**
	 * Runs {@code work} holding the migration lock, on the target read again once the lock is
	 * held: another migrator may have changed the history while this one waited.
	 */
	<T> T underLock(Connection connection, Target unlocked, LockedWork<T> work) throws SQLException {
		// The command's own connection waits idle meanwhile; keep it from being cut as idle.
		try (MigrationLock lock = MigrationLock.acquire(this.config.dataSource(), connection, unlocked.schema(),
				this.config.table(), this.config.lock(), () -> connection.isValid(5))) {
			return work.run(connection, Target.resolve(connection, this.config), lock);
		}
	}

	@FunctionalInterface
	interface LockedWork<T> {

		T run(Connection connection, Target target, MigrationLock lock) throws SQLException;

	}

	@FunctionalInterface
	interface ConnectionCallback<T> {

		T run(Connection connection) throws SQLException;

	}

}
