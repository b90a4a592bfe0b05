package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.strata.error.StrataException;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.internal.TransactionCheck;
import dev.strata.plan.internal.ResumableStatement;
import dev.strata.source.internal.Durations;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationType;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.targets.MigrationTarget;
import dev.strata.execute.ExecutionSettings;
import dev.strata.execute.LockLostException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.MigrationListener;

/**
 * Runs prepared migrations on one connection and records them in the history. A
 * transactional migration and its history row commit together or not at all; a
 * non-transactional one records its progress after every statement, so even a killed
 * process leaves an honest row.
 */
public final class MigrationExecutor {

	private static final Logger logger = LoggerFactory.getLogger(MigrationExecutor.class);

	private static final String LOCK_NOT_AVAILABLE = FailureHints.LOCK_NOT_AVAILABLE;

	private static final int STATEMENT_PREVIEW = 120;

	private static final String UNIQUE_VIOLATION = "23505";

	/** The index a failure of settling an interrupted statement is reported with. */
	private static final int FIX_UP = -2;

	/** The index a failure of a transactional migration's COMMIT is reported with. */
	private static final int COMMIT = -4;

	private final MigrationTarget target;

	private final Connection connection;

	private final SchemaHistory history;

	private final ExecutionSettings settings;

	private final MigrationListener listener;

	private final TransactionCheck check;

	private final LockFence fence;

	private final ProgressWatch watch;

	/**
	 * @param target what the migrations run against, for events and the search_path
	 * @param check runs inside each transactional migration, before commit
	 * @param fence checked inside each migration's transaction, so nothing commits once
	 * the migration lock is lost
	 */
	public MigrationExecutor(MigrationTarget target, Connection connection, SchemaHistory history,
			ExecutionSettings settings, MigrationListener listener, TransactionCheck check, LockFence fence) {
		this(target, connection, history, settings, listener, check, fence, ProgressWatch.none());
	}

	/**
	 * As above, with each migration's progress reported by {@code watch}.
	 */
	public MigrationExecutor(MigrationTarget target, Connection connection, SchemaHistory history,
			ExecutionSettings settings, MigrationListener listener, TransactionCheck check, LockFence fence,
			ProgressWatch watch) {
		this.watch = watch;
		this.target = target;
		this.connection = connection;
		this.history = history;
		this.settings = settings;
		this.listener = listener;
		this.check = check;
		this.fence = fence;
	}

	/**
	 * Applies one migration and returns how long it took.
	 * @throws MigrationFailedException if a statement failed
	 */
	public Duration apply(PreparedMigration migration) throws SQLException {
		String lost = this.fence.lostReason();
		if (lost != null) {
			throw new LockLostException(this.fence.table(), lost,
					"Strata stopped before " + migration.migration().displayName() + ": nothing of it ran.");
		}
		return reported(migration, (start) -> {
			if (migration.transactional()) {
				applyInTransaction(migration, start);
			}
			else {
				applyWithoutTransaction(migration, start);
			}
		});
	}

	/** A migration's work, given when it started ({@link System#nanoTime()}). */
	@FunctionalInterface
	private interface Work {

		void run(long start) throws SQLException;

	}

	/**
	 * Runs a migration's work, fresh or resumed, between the listener's {@code started}
	 * and how it ended ({@code applied}, {@code failed}, {@code lockLost} or
	 * {@code refused}), with the progress watch around it; returns how long it took.
	 */
	private Duration reported(PreparedMigration migration, Work work) throws SQLException {
		this.listener.started(this.target, migration);
		long start = System.nanoTime();
		this.watch.started(migration);
		try {
			work.run(start);
		}
		catch (MigrationFailedException ex) {
			this.listener.failed(this.target, migration, elapsed(start), ex);
			throw ex;
		}
		catch (LockLostException ex) {
			this.listener.lockLost(this.target, migration, ex);
			throw ex;
		}
		catch (StrataException ex) {
			this.listener.refused(this.target, migration, ex);
			throw ex;
		}
		catch (SQLException ex) {
			throw unaccounted(migration, ex, start);
		}
		finally {
			this.watch.finished();
		}
		resetStringSetting(migration);
		Duration duration = elapsed(start);
		this.listener.applied(this.target, migration, duration);
		return duration;
	}

	/**
	 * A file that sets {@code standard_conforming_strings} for its session would leave
	 * the next file to run with that setting, while Strata splits every file as the
	 * server reads it by default: back to the session's default before the next one.
	 */
	private void resetStringSetting(PreparedMigration migration) {
		if (this.fence.sharedSession() || !setsStandardConformingStrings(migration)) {
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("reset standard_conforming_strings");
		}
		catch (SQLException ex) {
			logger.debug("Could not reset standard_conforming_strings", ex);
		}
	}

	private static boolean setsStandardConformingStrings(PreparedMigration migration) {
		for (SqlStatement statement : migration.statements()) {
			if ("SET".equals(statement.keyword(0))) {
				for (Token token : statement.tokens()) {
					if (token.isWord("STANDARD_CONFORMING_STRINGS")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private void applyInTransaction(PreparedMigration migration, long start) throws SQLException {
		for (int attempt = 0;; attempt++) {
			try {
				runInTransaction(migration, start);
				return;
			}
			catch (StatementRunner.StatementFailure failure) {
				rollbackQuietly();
				String sqlState = failure.sqlException().getSQLState();
				if (LockFence.LOST.equals(sqlState)) {
					throw lockLost(failure, migration.migration().displayName()
							+ " was rolled back before it could commit: nothing of it is applied.");
				}
				if (LOCK_NOT_AVAILABLE.equals(sqlState) && attempt < this.settings.lockRetries()) {
					Duration backoff = this.settings.retryBackoff().multipliedBy(1L << attempt);
					logger.warn(
							"{} waited longer than lock_timeout for a lock; rolled back, retrying in {} ms ({} of {})",
							migration.migration().displayName(), backoff.toMillis(), attempt + 1,
							this.settings.lockRetries());
					this.listener.retrying(this.target, migration, attempt + 1, backoff);
					sleep(backoff);
					continue;
				}
				if (failure.index() == COMMIT && isLost(failure)) {
					throw failed(migration, failure, false, commitOutcomeUnknown(migration));
				}
				throw failed(migration, failure, true,
						"The migration was rolled back: nothing of it is applied." + retried(attempt, sqlState));
			}
			catch (RuntimeException ex) {
				// The check refused what the migration did; autocommit must not commit
				// it.
				rollbackQuietly();
				throw ex;
			}
			finally {
				restoreAutoCommit();
			}
		}
	}

	/**
	 * Back to autocommit after a transactional migration. Skipped when the connection is
	 * gone (terminated backend, network loss): the server rolled the transaction back
	 * already, and the driver's "connection has been closed" error would replace the
	 * failure that says which migration and statement were running.
	 */
	private void restoreAutoCommit() throws SQLException {
		if (!this.connection.isClosed()) {
			try {
				this.connection.setAutoCommit(true);
			}
			catch (SQLException ex) {
				// Lost between the check and the call: the same reasoning applies.
				logger.debug("Could not restore autocommit", ex);
			}
		}
	}

	private void runInTransaction(PreparedMigration migration, long start)
			throws SQLException, StatementRunner.StatementFailure {
		try {
			this.connection.setAutoCommit(false);
		}
		catch (SQLException ex) {
			throw new StatementRunner.StatementFailure(-1, ex);
		}
		try {
			this.check.before(migration, this.connection);
		}
		catch (SQLException ex) {
			throw new StatementRunner.StatementFailure(-1, ex);
		}
		try (StatementRunner runner = new StatementRunner(this.connection, this.watch)) {
			for (String setting : runSettings(migration, "set local ")) {
				runner.add(-1, setting, false);
			}
			// The body's statements are queued, not yet sent, where they return no rows.
			run(migration, runner, true, 0, null).run(migration.body());
			String insert = this.history.insertInTransaction(entry(migration, 0, true, true), this.fence.condition());
			if (this.check.inspects(migration)) {
				runner.flush();
				try {
					this.check.verify(migration, this.connection);
				}
				catch (SQLException ex) {
					throw new StatementRunner.StatementFailure(-1, ex);
				}
			}
			// Without a check to run in between, the statements and the history row share
			// one round trip.
			runner.add(-1, insert, false);
			int[] counts = runner.flush();
			if (counts[counts.length - 1] != 1) {
				// The fence on the row did not hold: the lock is no longer this
				// migrator's.
				throw new StatementRunner.StatementFailure(-1,
						new SQLException("the migration lock is no longer held by this migrator", LockFence.LOST));
			}
		}
		catch (SQLException ex) {
			// Strata's own steps (a statement to send them on): before the commit, so
			// rolled back.
			throw new StatementRunner.StatementFailure(-1, ex);
		}
		try {
			this.connection.commit();
		}
		catch (SQLException ex) {
			throw new StatementRunner.StatementFailure(COMMIT, ex);
		}
	}

	/**
	 * Whether the failure says the connection is gone, so the server's answer never came.
	 */
	private boolean isLost(StatementRunner.StatementFailure failure) {
		try {
			return isConnectionLoss(failure.sqlException()) || this.connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

	/**
	 * A COMMIT whose answer was lost may have committed or not: the history row that
	 * commits with the migration tells, so say where to look instead of guessing.
	 */
	private String commitOutcomeUnknown(PreparedMigration migration) {
		Migration file = migration.migration();
		String query = (file.version() != null) ? " (or: select success from " + this.history.qualifiedName()
				+ " where version = '" + file.version() + "')" : "";
		return "The connection was lost while its COMMIT was in flight, so whether it committed is unknown: its"
				+ " history row commits with it or not at all. The status command" + query + " tells: applied, it"
				+ " committed; still pending, it did not, and the next migrate applies it.";
	}

	/**
	 * A database error no step above accounted for: still named after the migration,
	 * without claiming what became of it.
	 */
	private MigrationFailedException unaccounted(PreparedMigration migration, SQLException ex, long start) {
		MigrationFailedException failure = failed(migration, new StatementRunner.StatementFailure(-1, ex), false,
				"Whether it is applied is unknown: the status command tells.");
		this.listener.failed(this.target, migration, elapsed(start), failure);
		return failure;
	}

	private void applyWithoutTransaction(PreparedMigration migration, long start) throws SQLException {
		logger.info("{} runs outside a transaction ({}), statement by statement", migration.migration().displayName(),
				migration.nonTransactionalReason());
		SchemaHistory.NewEntry entry = entry(migration, 0, false, false);
		int rank;
		try {
			rank = migration.statements().isEmpty() ? this.history.append(entry)
					: this.history.appendInFlight(entry, 1);
		}
		catch (SQLException ex) {
			StatementRunner.StatementFailure failure = new StatementRunner.StatementFailure(-1, ex);
			throw failed(migration, failure, false, "It runs outside a transaction, and none of its statements ran:"
					+ " Strata could not record it as started."
					+ (isLost(failure) ? " If that record reached the"
							+ " server before the connection was lost, the history shows statement 1 in flight, and"
							+ " the next migrate settles it from the catalog." : ""));
		}
		runWithoutTransaction(migration, rank, new InterruptedMigrationResume.Settled(0, List.of(), ""), start);
	}

	/**
	 * Resumes a non-transactional migration whose last run was interrupted with a
	 * statement in flight (see {@link InterruptedMigrationResume}): reads that
	 * statement's outcome from the catalog, finishes or redoes it, runs the statements
	 * after it, and marks the row successful.
	 * @param row its history row, {@link dev.strata.plan.internal.Resumability#canResume
	 * resumable}
	 * @return how long it took
	 * @throws MigrationFailedException if a statement failed
	 */
	public Duration resume(PreparedMigration migration, AppliedMigration row) throws SQLException {
		return reported(migration, (start) -> {
			InterruptedMigrationResume resume = new InterruptedMigrationResume(this.connection, migration, row);
			InterruptedMigrationResume.Settled settled;
			try {
				settled = resume.settle();
			}
			catch (SQLException ex) {
				throw failed(migration, new StatementRunner.StatementFailure(FIX_UP, ex), false, "It was interrupted"
						+ " before; reading the in-flight statement's outcome failed, so nothing changed, and the next"
						+ " migrate tries to resume it again.");
			}
			runWithoutTransaction(migration, row.installedRank(), settled, start);
			logger.info("{}: resumed after an interrupted run: {}", migration.migration().displayName(),
					settled.report());
		});
	}

	/**
	 * Runs a migration's statements from {@code settled.next()} on, each recorded as in
	 * flight before it starts, so a killed process leaves a row that says which
	 * statements certainly ran and which one may or may not have. A statement the server
	 * refused is recorded as failed; one whose connection was lost stays in flight, for
	 * the next run to settle from the catalog.
	 */
	private void runWithoutTransaction(PreparedMigration migration, int rank,
			InterruptedMigrationResume.Settled settled, long start) throws SQLException {
		boolean sessionSettings = !this.fence.sharedSession();
		if (!sessionSettings) {
			logger
				.info("{}: no lock_timeout, statement_timeout or search_path of Strata's applies outside a transaction through a"
						+ " pooler in transaction mode (a session setting would leak to other clients); the migration role's"
						+ " own settings apply", migration.migration().displayName());
		}
		StatementsRun run = null;
		try (StatementRunner runner = new StatementRunner(this.connection, this.watch)) {
			this.connection.setAutoCommit(true);
			if (sessionSettings) {
				for (String setting : runSettings(migration, "set ")) {
					runner.add(-1, setting, true);
				}
			}
			for (String fixUp : settled.fixUps()) {
				runner.add(FIX_UP, fixUp, true);
			}
			run = run(migration, runner, false, settled.next(), (statementRunner, index, done) -> {
				checkFence(statementRunner);
				// Inside the file's own transaction block this write commits (or not)
				// with the block.
				this.history.recordProgress(rank, done, index + 1, millisSince(start), false);
			});
			run.run(migration.body());
			this.history.recordProgress(rank, run.done(), null, millisSince(start), true);
		}
		catch (StatementRunner.StatementFailure failure) {
			int done = (run != null) ? run.done() : settled.next();
			throw failedWithoutTransaction(migration, rank, failure, done, start);
		}
		catch (SQLException ex) {
			// Strata's own steps between statements: switching to autocommit, recording
			// progress.
			int done = (run != null) ? run.done() : settled.next();
			throw failedWithoutTransaction(migration, rank, new StatementRunner.StatementFailure(-1, ex), done, start);
		}
		finally {
			if (sessionSettings) {
				resetTimeouts();
			}
		}
	}

	private StatementsRun run(PreparedMigration migration, StatementRunner runner, boolean transactional, int first,
			StatementsRun.@Nullable BeforeStatement before) {
		return new StatementsRun(this.connection, runner, transactional, lockTimeout(migration),
				statementTimeout(migration), first, before);
	}

	/**
	 * Outside a transaction the fence cannot guard a commit; checked before each
	 * statement, it still keeps a migrator that lost its lock from starting the next one.
	 */
	private void checkFence(StatementRunner runner) throws StatementRunner.StatementFailure {
		String check = this.fence.check();
		if (check != null) {
			runner.add(-1, check, true);
		}
	}

	private LockLostException lockLost(StatementRunner.StatementFailure failure, String outcome) {
		String reason = this.fence.lostReason();
		if (reason == null) {
			reason = failure.sqlException().getMessage();
		}
		return new LockLostException(this.fence.table(), reason, outcome);
	}

	/**
	 * The failure of a non-transactional migration, recorded as honestly as the
	 * connection allows. A statement the server answered with an error did not complete
	 * (though a failed {@code CREATE INDEX CONCURRENTLY} may leave an INVALID index), and
	 * a failure inside the file's own {@code BEGIN … COMMIT} undoes the block: recorded
	 * as failed after the statements before it. On a lost connection nothing can be
	 * written, and nothing should be: the row says the statement was in flight, which is
	 * all anyone knows. Nor after the lock was lost (another migrator may own the history
	 * now), and a failure before this run's next statement started (timeouts, the fence,
	 * settling an interrupted statement) leaves the row as it was.
	 */
	private StrataException failedWithoutTransaction(PreparedMigration migration, int rank,
			StatementRunner.StatementFailure failure, int done, long start) throws SQLException {
		List<SqlStatement> statements = migration.statements();
		if (statements.isEmpty()) {
			return failedCodeWithoutTransaction(migration, rank, failure, done, start);
		}
		int total = statements.size();
		boolean lost = this.connection.isClosed() || isConnectionLoss(failure.sqlException());
		int stopped = (failure.index() >= 0) ? failure.index() : done;
		// A failed statement aborts the file's own block, and the server rolls it back
		// for a lost connection.
		int applied = OwnTransactionBlock.applied(statements, stopped);
		String rolledBack = OwnTransactionBlock.describe(statements, applied, stopped);
		if (!lost) {
			OwnTransactionBlock.rollBack(this.connection);
		}
		if (LockFence.LOST.equals(failure.sqlException().getSQLState())) {
			return lockLost(failure,
					migration.migration().displayName() + " runs outside a transaction: " + applied + " of " + total
							+ " statements ran" + rolledBack + "; the history row is left as it was (statement "
							+ (stopped + 1) + " in flight), and the next migrate settles it.");
		}
		if (failure.index() < 0 && lost) {
			String recorded = (done < total)
					? "Its history row shows a statement in flight: the one about to start,"
							+ " or the one before it if the last progress record did not reach the server."
					: "Its history row shows it as applied if the final record reached the server, else its last"
							+ " statement in flight.";
			return failed(migration, failure, false, "It runs outside a transaction: the connection was lost between"
					+ " its statements, after " + done + " of " + total + " had completed" + rolledBack + ". "
					+ recorded + " The next migrate reads an in-flight statement's outcome from the catalog and"
					+ " resumes, or, for a statement the catalog cannot tell, asks you to check and run the repair"
					+ " command.");
		}
		if (failure.index() < 0) {
			return failed(migration, failure, false, "It runs outside a transaction; the failure came before its next"
					+ " statement started, so the history row is unchanged: " + applied + " of " + total
					+ " statements are applied" + rolledBack
					+ ((failure.index() == FIX_UP) ? ", and the next migrate" + " tries to resume it again" : "")
					+ ".");
		}
		SqlStatement statement = statements.get(failure.index());
		String number = "statement " + (failure.index() + 1) + " (line " + statement.line() + ")";
		if (lost) {
			boolean resumes = ResumableStatement.recognise(statements.get(applied)) != null;
			return failed(migration, failure, false, "It ran outside a transaction: " + applied + " of " + total
					+ " statements are applied and recorded" + rolledBack + "; " + number + " was in flight when the"
					+ " connection was lost, so whether it completed is unknown, and the history records it as in"
					+ " flight. "
					+ (resumes
							? "The next migrate reads its outcome from the catalog and resumes the"
									+ " migration by itself."
							: "The catalog cannot tell whether this kind of statement completed: Strata refuses to"
									+ " continue until you check and run the repair command."));
		}
		String unrecorded = "";
		try {
			this.history.recordProgress(rank, applied, null, millisSince(start), false);
		}
		catch (SQLException ex) {
			unrecorded = " Strata could not record the failure (" + ex.getMessage() + "): the history still shows"
					+ " statement " + (failure.index() + 1) + " in flight.";
		}
		ResumableStatement resumable = ResumableStatement.recognise(statement);
		String invalidIndex = (resumable != null
				&& resumable.kind() == ResumableStatement.Kind.CREATE_INDEX_CONCURRENTLY)
						? " A failed CREATE INDEX CONCURRENTLY may leave the index " + resumable.name() + " behind,"
								+ " INVALID (pg_index.indisvalid = false): drop it with DROP INDEX CONCURRENTLY."
						: "";
		int notRun = total - failure.index() - 1;
		return failed(migration, failure, false, "It ran outside a transaction: " + applied + " of " + total
				+ " statements are applied and recorded" + rolledBack + "; " + number + " failed"
				+ ((notRun > 0) ? " and the " + notRun + " after it did not run" : "") + "." + invalidIndex
				+ ((unrecorded.isEmpty()) ? " The history marks it as failed, and Strata refuses to continue until you"
						+ " clean up and run the repair command." : unrecorded));
	}

	/**
	 * The failure of a migration of code outside a transaction: the catalog cannot tell
	 * what its code did, so the row is marked failed whenever it can be written, for a
	 * person to check.
	 */
	private StrataException failedCodeWithoutTransaction(PreparedMigration migration, int rank,
			StatementRunner.StatementFailure failure, int done, long start) throws SQLException {
		if (LockFence.LOST.equals(failure.sqlException().getSQLState())) {
			return lockLost(failure, migration.migration().displayName() + " runs outside a transaction: what its code"
					+ " did before it stopped stays applied, and the history row is left as it was.");
		}
		boolean lost = this.connection.isClosed() || isConnectionLoss(failure.sqlException());
		if (!lost) {
			OwnTransactionBlock.rollBack(this.connection);
			this.history.recordProgress(rank, done, null, millisSince(start), false);
		}
		return failed(migration, failure, false,
				"It ran outside a transaction: what its code did before the failure" + " stays applied. "
						+ (lost ? "The connection was lost, so the history row could not be marked failed"
								: "The history marks it as failed")
						+ ", and Strata refuses to continue until you check and run the repair command.");
	}

	/**
	 * Whether the failure says the connection is gone, so the statement's outcome is
	 * unknown.
	 */
	private static boolean isConnectionLoss(SQLException ex) {
		String state = ex.getSQLState();
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

	private List<String> runSettings(PreparedMigration migration, String prefix) {
		List<String> settings = new ArrayList<>(3);
		settings.add(prefix + "lock_timeout = '" + millis(lockTimeout(migration)) + "'");
		settings.add(prefix + "statement_timeout = '" + millis(statementTimeout(migration)) + "'");
		String searchPath = this.target.searchPathSetting();
		if (searchPath != null) {
			settings.add(prefix + "search_path = " + searchPath);
		}
		return settings;
	}

	private @Nullable Duration lockTimeout(PreparedMigration migration) {
		return firstNonNull(migration.directives().lockTimeout(), this.settings.lockTimeout());
	}

	private @Nullable Duration statementTimeout(PreparedMigration migration) {
		return firstNonNull(migration.directives().statementTimeout(), this.settings.statementTimeout());
	}

	private void resetTimeouts() {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("reset lock_timeout; reset statement_timeout"
					+ ((this.target.searchPathSetting() != null) ? "; reset search_path" : ""));
		}
		catch (SQLException ex) {
			logger.debug("Could not reset timeouts", ex);
		}
	}

	private static String millis(@Nullable Duration duration) {
		return (duration == null || duration.isZero() || duration.isNegative()) ? "0" : Durations.toPostgres(duration);
	}

	private static @Nullable Duration firstNonNull(@Nullable Duration first, @Nullable Duration second) {
		return (first != null) ? first : second;
	}

	private static SchemaHistory.NewEntry entry(PreparedMigration migration, int millis, boolean success,
			boolean transactional) {
		Migration file = migration.migration();
		int statements = migration.statements().size();
		Migration undo = file.undo();
		return new SchemaHistory.NewEntry((file.version() != null) ? file.version().toString() : null,
				file.description(), HistoryType.of(file.kind(), file.type()), file.script(), file.checksum(), millis,
				success, transactional, success ? statements : 0, statements, migration.sqlChecksum(),
				(undo != null) ? undo.checksum() : null);
	}

	private MigrationFailedException failed(PreparedMigration migration, StatementRunner.StatementFailure failure,
			boolean rolledBack, String outcome) {
		Migration file = migration.migration();
		SQLException cause = failure.sqlException();
		int line;
		String statementText;
		if (failure.index() >= 0 && failure.index() < migration.statements().size()) {
			SqlStatement statement = migration.statements().get(failure.index());
			line = statement.line();
			statementText = statement.abbreviated(STATEMENT_PREVIEW);
		}
		else if (failure.index() == COMMIT) {
			List<SqlStatement> statements = migration.statements();
			line = statements.isEmpty() ? 1 : statements.get(statements.size() - 1).line();
			statementText = "COMMIT (Strata's, after every statement and the history row)";
		}
		else if (failure.index() >= 0) {
			line = 1;
			statementText = "(statement " + (failure.index() + 1) + " the migration's code ran)";
		}
		else if (failure.index() == StatementsRun.BODY) {
			line = 1;
			statementText = "(the migration's own code)";
		}
		else if (failure.index() == FIX_UP) {
			line = 1;
			statementText = "(Strata settling the statement an interrupted run left in flight: dropping an INVALID"
					+ " index or finishing a detach)";
		}
		else {
			line = 1;
			statementText = "(Strata's own bookkeeping: setting timeouts or writing the history row)";
		}
		String hint = (failure.index() < 0 && UNIQUE_VIOLATION.equals(cause.getSQLState()))
				? "the history table already holds a successful row for this version, and its unique index refused a"
						+ " second one: another migrator applied it meanwhile (was the migration lock lost?)"
				: ServerRefusals.isConfigurationProblem(cause.getSQLState())
						? ServerRefusals.hint(cause,
								(failure.index() >= 0 && failure.index() < migration.statements().size())
										? migration.statements().get(failure.index()) : null,
								role(),
								Set.of(this.history.table(), MigrationLock.leaseTableName(this.history.table())))
						: FailureHints.forSqlState(cause.getSQLState());
		return new MigrationFailedException(file.displayName(), file.location(), line, statementText, cause, rolledBack,
				outcome, hint);
	}

	/**
	 * The role the migration runs as, for a hint; {@code null} if the driver cannot tell.
	 */
	private @Nullable String role() {
		try {
			return this.connection.getMetaData().getUserName();
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private String retried(int attempts, @Nullable String sqlState) {
		return (attempts > 0 && LOCK_NOT_AVAILABLE.equals(sqlState)) ? " (tried " + (attempts + 1) + " times)" : "";
	}

	private void rollbackQuietly() {
		try {
			this.connection.rollback();
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed", ex);
		}
	}

	private static Duration elapsed(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static int millisSince(long start) {
		return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
