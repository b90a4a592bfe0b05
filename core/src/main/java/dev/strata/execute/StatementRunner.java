package dev.strata.execute;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;

/**
 * Sends a migration's statements to PostgreSQL in as few round trips as it can: consecutive
 * statements that return no rows go together in one JDBC batch, which the driver pipelines. A
 * migration of ten DDL statements costs one round trip, like running the file as one string,
 * yet a failure still points at the statement that failed.
 */
final class StatementRunner implements AutoCloseable {

	private final Statement statement;

	private final List<String> batch = new ArrayList<>();

	private final List<Integer> batchIndexes = new ArrayList<>();

	StatementRunner(Connection connection) throws SQLException {
		this.statement = connection.createStatement();
		// Migrations are PostgreSQL SQL, not JDBC: {fn …} or {d …} must reach the server as written.
		this.statement.setEscapeProcessing(false);
	}

	/**
	 * Queues or runs a statement.
	 * @param index the statement's index in the migration, reported on failure ({@code -1} for Strata's own)
	 */
	void add(int index, String sql, boolean mayReturnRows) throws StatementFailure {
		if (mayReturnRows) {
			flush();
			try {
				this.statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new StatementFailure(index, ex);
			}
		}
		else {
			this.batch.add(sql);
			this.batchIndexes.add(index);
		}
	}

	/** Sends the queued statements. */
	void flush() throws StatementFailure {
		if (this.batch.isEmpty()) {
			return;
		}
		try {
			for (String sql : this.batch) {
				this.statement.addBatch(sql);
			}
			this.statement.executeBatch();
		}
		catch (BatchUpdateException ex) {
			SQLException cause = (ex.getNextException() != null) ? ex.getNextException() : ex;
			throw new StatementFailure(this.batchIndexes.get(failedEntry(ex)), cause);
		}
		catch (SQLException ex) {
			throw new StatementFailure(this.batchIndexes.get(0), ex);
		}
		finally {
			this.batch.clear();
			this.batchIndexes.clear();
			try {
				this.statement.clearBatch();
			}
			catch (SQLException ex) {
				// The statement is closed with the migration anyway.
			}
		}
	}

	/**
	 * Which entry failed. The driver marks every entry as failed, but its message reads
	 * "Batch entry {index} {sql} was aborted" (in every translation the index precedes the SQL),
	 * so the entry whose index and text appear together is the one.
	 */
	private int failedEntry(BatchUpdateException ex) {
		String message = String.valueOf(ex.getMessage());
		for (int i = 0; i < this.batch.size(); i++) {
			if (message.contains(i + " " + this.batch.get(i))) {
				return i;
			}
		}
		for (int i = 0; i < this.batch.size(); i++) {
			if (message.contains(this.batch.get(i))) {
				return i;
			}
		}
		return 0;
	}

	/** Whether a statement may produce a result set, which a JDBC batch cannot carry. */
	static boolean mayReturnRows(SqlStatement statement) {
		String first = statement.keyword(0);
		if (first == null) {
			return true;
		}
		switch (first) {
			case "SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN", "CALL", "FETCH", "EXECUTE", "COPY":
				return true;
			default:
				for (Token token : statement.tokens()) {
					if (token.isWord("RETURNING")) {
						return true;
					}
				}
				return false;
		}
	}

	@Override
	public void close() throws SQLException {
		this.statement.close();
	}

	/** A statement failed; {@code index} says which ({@code -1}: one of Strata's own). */
	static final class StatementFailure extends Exception {

		private final int index;

		StatementFailure(int index, SQLException cause) {
			super(cause.getMessage(), cause);
			this.index = index;
		}

		int index() {
			return this.index;
		}

		SQLException sqlException() {
			return (SQLException) getCause();
		}

	}

}
