package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.archive.internal.Archiver;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.CallbackFailedException;
import dev.strata.callback.internal.MigrationCallbacks;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.internal.CompositeMigrationListener;
import dev.strata.execute.internal.MigrationExecutor;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.ProgressWatch;
import dev.strata.execute.SlowStatement;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.internal.GuardLog;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.internal.GuardReport;
import dev.strata.guard.internal.LiveTableSizes;
import dev.strata.guard.effect.internal.EffectCheck;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.Migration;
import dev.strata.source.Version;
import dev.strata.source.internal.MigrationSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.internal.JdbcUrls;

/**
 * {@code migrate}: reads the history without the lock first, so a restart with nothing to
 * do costs one connection and two queries; only when there is work does it take the lock,
 * read the history again and apply.
 */
final class MigrateCommand implements Command<MigrateResult> {

	private static final Logger logger = LoggerFactory.getLogger(MigrateCommand.class);

	/**
	 * Makes the server cancel a statement within seconds when the migrator dies
	 * (PostgreSQL 14+).
	 */
	private static final String CONNECTION_CHECK = "set client_connection_check_interval = '5s'";

	private final StrataConfig config;

	private final MigrationListener listener;

	private final long start = System.nanoTime();

	/**
	 * What the run is doing, for the message if the connection is lost between
	 * migrations.
	 */
	private String doing = "reading the history";

	/** The first pending migration, once known. */
	private @Nullable String firstPending;

	/** The last migration this run applied, if any. */
	private @Nullable String lastApplied;

	MigrateCommand(StrataConfig config) {
		this.config = config;
		this.listener = new CompositeMigrationListener(config.listeners());
	}

	@Override
	public MigrateResult run(CommandContext context) throws SQLException {
		try {
			return migrate(context);
		}
		catch (SQLException ex) {
			if (isConnectionLoss(ex, context.connection())) {
				throw lostConnection(ex);
			}
			throw ex;
		}
	}

	private MigrateResult migrate(CommandContext context) throws SQLException {
		Connection connection = context.connection();
		// a first run takes the lock: its connection opens while the rest is read
		context.openLockConnectionOnFirstRun();
		TargetState target = context.target();
		logger.info("Migrating schema \"{}\" at {} ({})", target.schema(),
				JdbcUrls.forLog(connection.getMetaData().getURL()), target.server().describe());
		target.server().notes().forEach((note) -> logger.info("{}: {}", target.server().kind().displayName(), note));
		MigrationPlan plan = context.plan();
		long start = this.start;
		// a database migrated before drift existed has no snapshot yet: take the lock
		// once to store one
		boolean nothingToDo = target.historyExists() && target.snapshotExists() && plan.isValid() && !plan.hasPending();
		if (!nothingToDo) {
			// opens while the callbacks and the pending migrations are read and judged
			context.openLockConnectionAhead();
		}
		MigrationCallbacks callbacks = callbacks(connection);
		if (nothingToDo) {
			// As in Flyway, the run's callbacks run when nothing is pending too.
			callbacks.run(CallbackEvent.BEFORE_MIGRATE, connection, null, "Nothing was applied.");
			callbacks.run(CallbackEvent.AFTER_MIGRATE, connection, null, "Nothing was pending.");
			MigrateResult result = new MigrateResult(target.target().name(), target.schema(), plan.currentVersionText(),
					plan.currentVersionText(), List.of(), false, Duration.ZERO, elapsed(start), List.of(), null);
			logger.info(result.summary());
			return result;
		}
		this.firstPending = plan.pending().isEmpty() ? null : plan.pending().get(0).displayName();
		Judged early = null;
		this.doing = "judging the pending migrations";
		if (plan.isValid() && (target.historyExists() || target.otherObjects() == 0)) {
			// Refuse before the lock and the history table exist, so a refusal leaves the
			// database as it was.
			early = judge(connection, plan.pending());
		}
		Judged judgedEarly = early;
		this.doing = "taking the migration lock and reading the history again";
		return context.underLock((lockedTarget, lock) -> {
			this.listener.lockAcquired(this.config.target(), lock.waited());
			return migrateLocked(context, lockedTarget, judgedEarly, lock, start, callbacks);
		});
	}

	private MigrateResult migrateLocked(CommandContext context, TargetState target, @Nullable Judged early,
			MigrationLock lock, long start, MigrationCallbacks callbacks) throws SQLException {
		Connection connection = context.connection();
		boolean baselined = false;
		this.doing = "creating or upgrading the history table";
		MigrateResult.Adopted adopted = null;
		if (target.flywayHistoryToAdopt() != null) {
			this.doing = "adopting Flyway's history";
			adopted = adoptFlyway(context, target);
			target = target.withHistoryCreated();
		}
		else if (!target.historyExists() && target.otherObjects() > 0) {
			if (!this.config.baselineOnMigrate()) {
				throw new ValidationException(target.schema(),
						List.of(NotEmptyWithoutHistory.problem(target.schema(), this.config.table())));
			}
			target = target.withHistoryCreated();
			recordBaseline(target.history(), this.config.baselineVersion());
			this.listener.baselined(this.config.target(), this.config.baselineVersion());
			baselined = true;
		}
		// a history table this run creates now is empty: nothing to read back
		boolean createdEmpty = !target.historyExists();
		target = target.withHistoryCreated();
		target.upgradeHistory();
		this.doing = "reading the history under the migration lock";
		MigrationPlan plan = createdEmpty ? context.plan(List.of()) : context.plan(target);
		if (!plan.isValid()) {
			throw new ValidationException(target.schema(), plan.problems());
		}
		this.firstPending = plan.pending().isEmpty() ? null : plan.pending().get(0).displayName();
		this.doing = "preparing to apply the first migration";
		// Judged before the lock already, unless another migrator changed what is pending
		// meanwhile.
		Judged judged = (early != null && early.pending().equals(plan.pending())) ? early
				: judge(connection, plan.pending());
		List<PreparedMigration> prepared = judged.prepared();
		GuardReport guarded = judged.report();
		String initialVersion = plan.currentVersionText();
		List<MigrateResult.AppliedReport> applied = new ArrayList<>();
		ProgressWatch watch = prepared.isEmpty() ? ProgressWatch.none()
				: ProgressWatch.start(this.config.execution().progressInterval(), lock, connection);
		MigrationExecutor executor = new MigrationExecutor(this.config.target(), connection, target.history(),
				this.config.execution(), this.listener, new EffectCheck(guarded, this.config.guard()), lock, watch);
		// A session setting would leak to other clients through a pooler in transaction
		// mode.
		boolean checkingConnection = !lock.sharedSession() && enableConnectionCheck(connection);
		Archiver archiver = new Archiver(this.config.archive());
		boolean success = false;
		this.listener.runStarting(this.config.target(), prepared);
		Migration running = null;
		try {
			callbacks.run(CallbackEvent.BEFORE_MIGRATE, connection, null, "Nothing was applied.");
			for (PreparedMigration migration : prepared) {
				running = migration.migration();
				GuardLog.applying(guarded.of(migration.migration().location()));
				if (migration.statements().isEmpty()) {
					logger.warn("{} has no statement (empty, or comments only): recorded as applied, nothing ran",
							migration.migration().location());
				}
				AppliedMigration interrupted = plan.interrupted(migration.migration());
				PreparedMigration withCallbacks = callbacks
					.aroundEach(archiver.around(migration, guarded.of(migration.migration().location())));
				Duration duration = (interrupted != null) ? executor.resume(withCallbacks, interrupted)
						: executor.apply(withCallbacks);
				Migration file = migration.migration();
				logger.info("Applied {}{} in {} ms", file.displayName(),
						migration.transactional() ? "" : " (outside a transaction)", duration.toMillis());
				applied.add(new MigrateResult.AppliedReport((file.version() != null) ? file.version().toString() : null,
						file.description(), file.script(), migration.transactional(), duration));
				this.lastApplied = file.displayName();
				running = null;
			}
			callbacks.run(CallbackEvent.AFTER_MIGRATE, connection, null,
					"Every migration of this run is applied and recorded.");
			success = true;
		}
		catch (RuntimeException | SQLException ex) {
			afterError(callbacks, connection, running, ex);
			throw ex;
		}
		finally {
			watch.close();
			this.listener.runFinished(this.config.target(), success);
			if (checkingConnection) {
				resetConnectionCheck(connection);
			}
		}
		lock.checkHeld(
				"Every migration of this run is applied and recorded; the schema snapshot was not stored, and the"
						+ " next run stores it.");
		this.doing = "storing the schema snapshot";
		if (!applied.isEmpty() || baselined || !target.snapshotExists()) {
			String reason = (applied.isEmpty() && (baselined || adopted != null)) ? "BASELINE" : "MIGRATE";
			TargetState migrated = target;
			if (this.config.snapshotInBackground()) {
				// Of the catalog as it is now, stored under this run's lock: the caller
				// need not wait for it (the next command on this target does).
				CommandContext.ConnectionWork storing = Snapshots.beginAfterRun(connection, this.config, migrated,
						reason);
				if (storing != null) {
					context.finishInBackground(storing);
				}
			}
			else {
				Snapshots.takeAfterRun(connection, this.config, target, reason);
			}
		}
		String currentVersion = currentVersion(initialVersion, applied);
		List<SlowStatement> slow = watch.slowStatements();
		if (!slow.isEmpty()) {
			logger.info("Statements that ran longer than {} ms: {}",
					this.config.execution().progressInterval().toMillis(), slow);
		}
		MigrateResult result = new MigrateResult(target.target().name(), target.schema(), initialVersion,
				currentVersion, List.copyOf(applied), baselined, lock.waited(), elapsed(start), slow, adopted);
		logger.info(result.summary());
		return result;
	}

	/**
	 * The run's callbacks, judged by the guard: the SQL callback files at the locations,
	 * then the registered ones.
	 */
	private MigrationCallbacks callbacks(Connection connection) {
		MigrationCallbacks callbacks = new MigrationCallbacks(
				new MigrationSource(this.config.locations(), this.config.classLoader(),
						this.config.locationsConfigured())
					.loadCallbacks(),
				this.config.placeholderContext(), this.config.callbacks(), this.config.target(),
				this.config.execution());
		callbacks.judge(connection, this.config.guard());
		return callbacks;
	}

	/**
	 * Runs the {@code afterMigrateError} callbacks; their own failure is logged and kept
	 * with the run's, which is what the caller sees.
	 */
	private static void afterError(MigrationCallbacks callbacks, Connection connection, @Nullable Migration failed,
			Exception failure) {
		if (failure instanceof CallbackFailedException || !callbacks.has(CallbackEvent.AFTER_MIGRATE_ERROR)) {
			return;
		}
		try {
			callbacks.run(CallbackEvent.AFTER_MIGRATE_ERROR, connection, failed, "The run had failed already.");
		}
		catch (RuntimeException ex) {
			logger.warn(ex.getMessage(), ex);
			failure.addSuppressed(ex);
		}
	}

	/**
	 * Reads, splits and judges the pending migrations. @throws GuardRefusedException if
	 * one is refused
	 */
	private Judged judge(Connection connection, List<Migration> pending) {
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(pending);
		return new Judged(pending, prepared, guard(connection, prepared));
	}

	/**
	 * Pending migrations, prepared and judged by the guard.
	 *
	 * @param pending the files
	 * @param prepared the files split into statements
	 * @param report the guard's verdict
	 */
	private record Judged(List<Migration> pending, List<PreparedMigration> prepared, GuardReport report) {
	}

	/**
	 * Judges every pending migration before any is applied. @throws GuardRefusedException
	 * if one is refused
	 */
	private GuardReport guard(Connection connection, List<PreparedMigration> prepared) {
		GuardReport report = new Guard(this.config.guard(), new LiveTableSizes(connection),
				this.config.recognitionCache())
			.checkRun(prepared);
		if (report.isRefused()) {
			GuardRefusedException refusal = new GuardRefusedException(report.refused(), "nothing was applied");
			for (PreparedMigration migration : prepared) {
				if (!report.of(migration.migration().location()).refused().isEmpty()) {
					this.listener.refused(this.config.target(), migration, refusal);
				}
			}
			throw refusal;
		}
		return report;
	}

	private MigrateResult.Adopted adoptFlyway(CommandContext context, TargetState target) throws SQLException {
		if (!this.config.flywayAdopt()) {
			throw new ValidationException(target.schema(), List
				.of(FlywayAdoption.notAdopted(target.schema(), this.config.flywayTable(), this.config.table())));
		}
		return FlywayAdoption.adopt(context.connection(), this.config, target, context.migrations());
	}

	static void recordBaseline(SchemaHistory history, String version) throws SQLException {
		String description = "<< Strata Baseline >>";
		history.append(new SchemaHistory.NewEntry(Version.parse(version).toString(), description, HistoryType.BASELINE,
				description, null, 0, true, true, 0, 0, null));
		logger.info("Recorded baseline at version {} in schema \"{}\"", version, history.schema());
	}

	private static String currentVersion(String initialVersion, List<MigrateResult.AppliedReport> applied) {
		Version current = (initialVersion != null) ? Version.parse(initialVersion) : null;
		for (MigrateResult.AppliedReport report : applied) {
			if (report.version() != null) {
				Version version = Version.parse(report.version());
				if (current == null || version.compareTo(current) > 0) {
					current = version;
				}
			}
		}
		return (current != null) ? current.toString() : null;
	}

	private static boolean isConnectionLoss(SQLException ex, Connection connection) {
		String state = ex.getSQLState();
		if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
			return true;
		}
		try {
			return connection.isClosed();
		}
		catch (SQLException notKnown) {
			return false;
		}
	}

	/**
	 * The connection went while no migration was running (each migration names itself
	 * when it fails): says what Strata was doing, where the run stood, and that a rerun
	 * is safe.
	 */
	private StrataException lostConnection(SQLException ex) {
		String where;
		if (this.lastApplied != null) {
			where = "after " + this.lastApplied + " was applied and recorded";
		}
		else if (this.firstPending != null) {
			where = "before the first pending migration, " + this.firstPending
					+ ", started: nothing of this run is applied";
		}
		else {
			where = "before any migration started: nothing of this run is applied";
		}
		String message = String.valueOf(ex.getMessage());
		int newline = message.indexOf('\n');
		message = (newline < 0) ? message : message.substring(0, newline);
		return new StrataException(ErrorCategory.UNEXPECTED,
				"Lost the connection to the database while " + this.doing + ", " + where
						+ ". Running the migrator again is safe: it starts after the last recorded migration."
						+ " PostgreSQL: " + message + " (SQLState " + ex.getSQLState() + ")",
				ex);
	}

	private static boolean enableConnectionCheck(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
			return false;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(CONNECTION_CHECK);
			return true;
		}
		catch (SQLException ex) {
			logger.debug("client_connection_check_interval is not available", ex);
			return false;
		}
	}

	private static void resetConnectionCheck(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("reset client_connection_check_interval");
		}
		catch (SQLException ex) {
			logger.debug("Could not reset client_connection_check_interval", ex);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
