package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import dev.strata.migration.MigrationBody;
import dev.strata.migration.MigrationRun;
import org.jspecify.annotations.Nullable;

/**
 * The {@link MigrationRun} the executor hands a migration's body. Statements go through
 * one {@link StatementRunner}; outside a transaction each is first checked against the
 * lock and recorded as in flight, and the statements an interrupted run already applied
 * are skipped.
 */
final class StatementsRun implements MigrationRun {

	/** The index a failure in the migration's own code, outside a statement, has. */
	static final int BODY = -3;

	private final Connection connection;

	private final StatementRunner runner;

	private final boolean transactional;

	private final @Nullable Duration lockTimeout;

	private final @Nullable Duration statementTimeout;

	private final int first;

	private final @Nullable BeforeStatement before;

	private int done;

	/**
	 * @param first the index of the first statement to run: those before it were applied
	 * by an interrupted run
	 * @param before what runs before each statement outside a transaction, {@code null}
	 * inside one
	 */
	StatementsRun(Connection connection, StatementRunner runner, boolean transactional, @Nullable Duration lockTimeout,
			@Nullable Duration statementTimeout, int first, @Nullable BeforeStatement before) {
		this.connection = connection;
		this.runner = runner;
		this.transactional = transactional;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
		this.first = first;
		this.before = before;
		this.done = first;
	}

	/**
	 * Runs {@code body}. @throws StatementRunner.StatementFailure for a statement that
	 * failed, or ({@link #BODY}) a failure of the body's own code
	 * @throws SQLException a failure of the executor's own bookkeeping between statements
	 */
	void run(MigrationBody body) throws StatementRunner.StatementFailure, SQLException {
		try {
			body.run(this);
		}
		catch (Failed failed) {
			if (failed.failure != null) {
				throw failed.failure;
			}
			throw (SQLException) failed.getCause();
		}
		catch (SQLException ex) {
			throw new StatementRunner.StatementFailure(BODY, ex);
		}
		catch (FlushFailed failed) {
			throw failed.failure;
		}
	}

	/** How many statements ran (or were queued to run), counting those skipped. */
	int done() {
		return this.done;
	}

	/**
	 * The connection, with the statements queued so far (the migration's timeouts and
	 * {@code search_path} among them) sent first, so that code using it directly runs
	 * under them.
	 */
	@Override
	public Connection connection() {
		try {
			this.runner.flush();
		}
		catch (StatementRunner.StatementFailure failure) {
			throw new FlushFailed(failure);
		}
		return this.connection;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public @Nullable Duration lockTimeout() {
		return this.lockTimeout;
	}

	@Override
	public @Nullable Duration statementTimeout() {
		return this.statementTimeout;
	}

	@Override
	public void statement(int index, String sql, boolean mayReturnRows) throws SQLException {
		if (index < this.first) {
			return;
		}
		try {
			if (this.before != null) {
				this.before.run(this.runner, index, this.done);
			}
			// Outside a transaction each statement is sent alone, so the history row
			// recorded before it is true.
			this.runner.add(index, sql, !this.transactional || mayReturnRows);
		}
		catch (StatementRunner.StatementFailure failure) {
			throw new Failed(failure, null);
		}
		catch (SQLException ex) {
			throw new Failed(null, ex);
		}
		this.done = index + 1;
	}

	/** Work before each statement that runs outside a transaction. */
	@FunctionalInterface
	interface BeforeStatement {

		/**
		 * @param index the statement about to run
		 * @param done how many statements ran before it
		 */
		void run(StatementRunner runner, int index, int done) throws StatementRunner.StatementFailure, SQLException;

	}

	/**
	 * Carries the failure of queued statements sent when the body asked for the
	 * connection, which cannot throw a checked exception, back to {@link #run}.
	 */
	private static final class FlushFailed extends RuntimeException {

		private final transient StatementRunner.StatementFailure failure;

		FlushFailed(StatementRunner.StatementFailure failure) {
			super(failure.getMessage(), failure.getCause());
			this.failure = failure;
		}

	}

	/**
	 * Carries a statement's failure (or the bookkeeping's) through the body, which may
	 * only throw {@link SQLException}, back to {@link #run}.
	 */
	private static final class Failed extends SQLException {

		private final transient StatementRunner.@Nullable StatementFailure failure;

		Failed(StatementRunner.@Nullable StatementFailure failure, @Nullable SQLException cause) {
			super((failure != null) ? failure.getMessage() : cause.getMessage(),
					(failure != null) ? failure.getCause() : cause);
			this.failure = failure;
		}

	}

}
