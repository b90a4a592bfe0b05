package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.strata.drift.DriftReport;
import dev.strata.drift.internal.SnapshotStore;
import dev.strata.archive.ArchiveEntry;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.LockHolder;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.ServerRefusals;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.Migration;
import dev.strata.migration.internal.Migrations;
import org.jspecify.annotations.Nullable;

/**
 * Strata's commands. Each returns a result object that the Spring Boot integration, the
 * migrator and tests render; each failure is a {@link StrataException} whose category
 * says what went wrong. Every method runs one {@link Command} class on a connection of
 * its own.
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
		return execute(new MigrateCommand(this.config));
	}

	/**
	 * Compares the migrations with the history without changing anything or taking the
	 * lock. Pending migrations are no failure here; see
	 * {@link #validateUpToDate(String)}.
	 * @throws ValidationException if a migration file or the history is invalid
	 */
	public StatusResult validate() {
		return execute(new ValidateCommand(null));
	}

	/**
	 * As {@link #validate()}, and pending migrations fail too: the database is older than
	 * this build (the application's {@code strata.on-startup=validate}, the migrator's
	 * {@code validate}).
	 * @param remedy what the user should do about pending migrations, for the message
	 * @throws ValidationException if a migration file or the history is invalid
	 * @throws PendingMigrationsException if migrations are pending
	 */
	public StatusResult validateUpToDate(String remedy) {
		return execute(new ValidateCommand(remedy));
	}

	/**
	 * Every migration and its state, read without taking the lock. Never fails for
	 * validation problems.
	 */
	public StatusResult status() {
		return execute(new StatusCommand());
	}

	/**
	 * What {@code migrate} would do, touching nothing: the pending migrations, split into
	 * statements, each with whether it runs in a transaction.
	 */
	public DryRunResult dryRun() {
		return execute(new DryRunCommand());
	}

	/** Who holds the migration lock right now, if anyone. Never takes it. */
	public Optional<LockHolder> lockHolder() {
		return execute(new LockHolderQuery());
	}

	/**
	 * Judges the pending migrations (or all, with {@link LintScope#ALL}) as
	 * {@code migrate} would, with table sizes from the database, and applies nothing.
	 * Render the result with {@code LintFormat} of {@code strata-report}; without a
	 * database use {@link dev.strata.guard.report.Lint#run}.
	 * @throws StrataException for a bad migration file or directive
	 */
	public LintResult lint() {
		return execute(new LintCommand());
	}

	/** Records a baseline in an existing database that has no history yet. */
	public BaselineResult baseline() {
		return execute(new BaselineCommand());
	}

	/**
	 * Compares the live schema with the snapshot stored after the last migration run.
	 * Read-only: never takes the migration lock, so it never waits behind a running
	 * migration; the regular case is one query that returns one row.
	 */
	public DriftReport drift() {
		return execute(new DriftCommand());
	}

	/**
	 * Re-baselines: stores the live schema as the snapshot later checks compare with.
	 * Never automatic; the result lists the drift that was accepted.
	 */
	public AcceptDriftResult acceptDrift() {
		return execute(new AcceptDriftCommand());
	}

	/**
	 * Removes failed entries and realigns checksums and descriptions of applied
	 * migrations to their files.
	 */
	public RepairResult repair() {
		return execute(new RepairCommand());
	}

	/**
	 * What allowed destructive statements left in the archive
	 * ({@code strata.archive.schema}), oldest first.
	 */
	public List<ArchiveEntry> archives() {
		return execute(new ArchivesCommand());
	}

	/**
	 * Puts one archive back (a table under its name, a column with its values, rows
	 * re-inserted or their old values set back) and records it in the history.
	 * @throws dev.strata.archive.ArchiveRefusedException if it would overwrite anything
	 */
	public RestoreResult restore(long archiveId) {
		return execute(new RestoreCommand(archiveId));
	}

	/**
	 * Removes the archives older than {@code strata.archive.retention}; returns them.
	 */
	public List<ArchiveEntry> purgeArchives() {
		return execute(new PurgeArchivesCommand());
	}

	/**
	 * Undoes the last applied versioned migration with its undo file
	 * ({@code U<version>__<description>.sql}), under the migration lock: judged by the
	 * guard and run as a migration is, recorded in the history, its version pending
	 * again.
	 * @throws StrataException if it has no undo file, or the guard refuses it
	 */
	public UndoResult undo() {
		return execute(new UndoCommand(this.config, null));
	}

	/**
	 * Undoes every applied versioned migration above {@code targetVersion}, newest first,
	 * as {@link #undo()} does one. Every undo file is read and judged before the first
	 * runs; a version without one refuses the whole run. Nothing above the target:
	 * nothing to do.
	 * @param targetVersion the version to go back to, as {@code 2} or {@code 1.1}
	 */
	public UndoResult undo(String targetVersion) {
		return execute(new UndoCommand(this.config, targetVersion));
	}

	/**
	 * What {@link #undo(String)} would run (or {@link #undo()}, for a {@code null}
	 * target), touching nothing: the undo files, split into statements, each with whether
	 * it runs in a transaction.
	 */
	public DryRunResult dryRunUndo(@Nullable String targetVersion) {
		return execute(new DryRunUndoCommand(targetVersion));
	}

	/** The migrations every resolver finds, in the order they apply. */
	List<Migration> loadMigrations() {
		return Migrations.resolve(this.config.resolvers());
	}

	/**
	 * Runs a command on a connection of its own. The migration files are read on another
	 * thread meanwhile (both are waits on a restart), and a bad file is reported before a
	 * database problem, as when files were read first.
	 */
	<R> R execute(Command<R> command) {
		MigrationsLoading migrations = command.readsMigrations() ? MigrationsLoading.start(this::loadMigrations) : null;
		CommandContext[] context = new CommandContext[1];
		try {
			return withConnection((connection) -> {
				// A snapshot still being stored after a migrate holds
				// the lock and is part of what this command reads.
				BackgroundSnapshots.await(connection, this.config.target());
				context[0] = new CommandContext(this.config, connection, migrations);
				boolean ran = false;
				try {
					R result = command.run(context[0]);
					ran = true;
					return result;
				}
				finally {
					context[0].discardUnusedLockConnection();
					if (!ran) {
						context[0].abandonBackgroundWork();
					}
				}
			}, (connection) -> context[0] != null && context[0].handOver());
		}
		catch (StrataException ex) {
			if (migrations != null) {
				migrations.get();
			}
			throw ex;
		}
	}

	/**
	 * Waits until the schema snapshot that the last {@code migrate} of this target stores
	 * in the background ({@link StrataConfig#snapshotInBackground()}) is stored, and its
	 * migration lock released. Every command of this JVM on the same target waits for it
	 * by itself; call this before reading the database by other means right after a
	 * migrate.
	 */
	public void awaitSnapshot() {
		BackgroundSnapshots.await(this.config.target());
	}

	/**
	 * @param handOver after {@code callback} returned: whether the connection was handed
	 * over to work that closes it later
	 */
	private <T> T withConnection(ConnectionCallback<T> callback, ConnectionCallback<Boolean> handOver) {
		Connection connection;
		long start = System.nanoTime();
		try {
			connection = this.config.target().dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw ConnectionFailedException.of(ex, Duration.ofNanos(System.nanoTime() - start),
					this.config.target().dataSource(), this.config.connectionSettings());
		}
		try {
			boolean handedOver = false;
			try {
				T result = callback.run(connection);
				handedOver = handOver.run(connection);
				return result;
			}
			catch (SQLException ex) {
				if (ServerRefusals.isConfigurationProblem(ex.getSQLState())) {
					throw refused(ex, connection);
				}
				throw ex;
			}
			finally {
				if (!handedOver) {
					connection.close();
				}
			}
		}
		catch (SQLException ex) {
			ErrorCategory category = isConnectionProblem(ex) ? ErrorCategory.CONFIGURATION : ErrorCategory.UNEXPECTED;
			throw new StrataException(category,
					"Database error: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ")", ex);
		}
	}

	/**
	 * A missing privilege or a read-only server met outside a migration (creating the
	 * history, taking a lease, reading the catalog): a configuration error with what to
	 * grant, or where to point Strata instead.
	 */
	private StrataException refused(SQLException ex, Connection connection) {
		String role;
		try {
			role = connection.getMetaData().getUserName();
		}
		catch (SQLException notKnown) {
			role = null;
		}
		String table = this.config.target().table();
		String hint = ServerRefusals.hint(ex, null, role,
				Set.of(table, MigrationLock.leaseTableName(table), SnapshotStore.tableName(table)));
		String message = String.valueOf(ex.getMessage());
		if (message.startsWith("ERROR: ")) {
			message = message.substring("ERROR: ".length());
		}
		int newline = message.indexOf('\n');
		message = (newline < 0) ? message : message.substring(0, newline);
		return new StrataException(ErrorCategory.CONFIGURATION, "PostgreSQL refused what Strata needed to do: "
				+ message + " (SQLState " + ex.getSQLState() + ")." + ((hint != null) ? "\n  Hint: " + hint : ""), ex);
	}

	private static boolean isConnectionProblem(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"));
	}

	@FunctionalInterface
	private interface ConnectionCallback<T> {

		T run(Connection connection) throws SQLException;

	}

}
