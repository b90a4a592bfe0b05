package dev.strata.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the executor gives a running migration: the connection with the migration's
 * transaction and timeouts already in place. The effect check and the history row are the
 * executor's, around the body.
 */
public interface MigrationRun {

	/**
	 * The migration connection, inside the migration's transaction when
	 * {@link #transactional()}. Do not commit, roll back or close it.
	 */
	Connection connection();

	/** Whether the migration runs inside one transaction with its history row. */
	boolean transactional();

	/** The {@code lock_timeout} in force, {@code null} for none. */
	@Nullable Duration lockTimeout();

	/** The {@code statement_timeout} in force, {@code null} for none. */
	@Nullable Duration statementTimeout();

	/**
	 * Runs one statement as statement {@code index} of the migration (counting from 0).
	 * Prefer it to the connection for SQL: statements that return no rows share round
	 * trips, a failure names the statement, and outside a transaction each statement is
	 * recorded in the history before it starts, so an interrupted run leaves an honest
	 * row.
	 * @param mayReturnRows whether it may return a result set (then it is sent alone)
	 */
	void statement(int index, String sql, boolean mayReturnRows) throws SQLException;

}
