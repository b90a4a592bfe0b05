package dev.strata.execute.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a migration's statements to PostgreSQL in as few round trips as it can:
 * consecutive statements that return no rows go together in one JDBC batch, which the
 * driver pipelines. A migration of ten DDL statements costs one round trip, like running
 * the file as one string, yet a failure still points at the statement that failed.
 */
final class StatementRunner implements AutoCloseable {

	private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

	private final Statement statement;

	private final List<String> batch = new ArrayList<>();

	private final List<Integer> batchIndexes = new ArrayList<>();

	private final ProgressWatch watch;

	StatementRunner(Connection connection) throws SQLException {
		this(connection, ProgressWatch.none());
	}

	/**
	 * @param watch told which statements are in flight, so that a progress report can
	 * name them
	 */
	StatementRunner(Connection connection, ProgressWatch watch) throws SQLException {
		this.watch = watch;
		this.statement = connection.createStatement();
		// Migrations are PostgreSQL SQL, not JDBC: {fn …} or {d …} must reach the server
		// as written.
		this.statement.setEscapeProcessing(false);
	}

	/**
	 * Queues or runs a statement.
	 * @param index the statement's index in the migration, reported on failure
	 * ({@code -1} for Strata's own)
	 */
	void add(int index, String sql, boolean mayReturnRows) throws StatementFailure {
		if (mayReturnRows) {
			flush();
			this.watch.sending(index, index);
			try {
				this.statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new StatementFailure(index, ex);
			}
			finally {
				this.watch.sent();
			}
		}
		else {
			this.batch.add(sql);
			this.batchIndexes.add(index);
		}
	}

	/**
	 * Sends the queued statements and returns their update counts (none if nothing was
	 * queued).
	 */
	int[] flush() throws StatementFailure {
		if (this.batch.isEmpty()) {
			return new int[0];
		}
		this.watch.sending(firstOfMigration(), lastOfMigration());
		try {
			for (String sql : this.batch) {
				this.statement.addBatch(sql);
			}
			return this.statement.executeBatch();
		}
		catch (BatchUpdateException ex) {
			SQLException cause = (ex.getNextException() != null) ? ex.getNextException() : ex;
			throw new StatementFailure(this.batchIndexes.get(failedEntry(ex)), cause);
		}
		catch (SQLException ex) {
			throw new StatementFailure(this.batchIndexes.get(0), ex);
		}
		finally {
			this.watch.sent();
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

	/** The first of the migration's own statements queued, {@code -1} if none. */
	private int firstOfMigration() {
		for (int index : this.batchIndexes) {
			if (index >= 0) {
				return index;
			}
		}
		return -1;
	}

	/** The last of the migration's own statements queued, {@code -1} if none. */
	private int lastOfMigration() {
		int last = -1;
		for (int index : this.batchIndexes) {
			last = Math.max(last, index);
		}
		return last;
	}

	/**
	 * Which entry failed. The driver marks every entry as failed, but its message reads
	 * "Batch entry {index} {sql} was aborted" (in every translation the index precedes
	 * the SQL). The index must not be read as a substring ("12 x" contains "2 x", so
	 * entry 12 would pass for entry 2 when both have the same text), and with
	 * {@code logServerErrorDetail=false} the driver writes {@code <unknown>} instead of
	 * the SQL, so then the first number is the index.
	 */
	private int failedEntry(BatchUpdateException ex) {
		String message = String.valueOf(ex.getMessage());
		for (int i = 0; i < this.batch.size(); i++) {
			if (containsAsWholeNumber(message, i + " " + this.batch.get(i))) {
				return i;
			}
		}
		Matcher number = FIRST_NUMBER.matcher(message);
		if (number.find() && number.group().length() < 10) {
			int index = Integer.parseInt(number.group());
			if (index < this.batch.size()) {
				return index;
			}
		}
		return 0;
	}

	/**
	 * Whether {@code text}, which starts with a number, occurs in {@code message} not
	 * preceded by a digit.
	 */
	private static boolean containsAsWholeNumber(String message, String text) {
		for (int at = message.indexOf(text); at >= 0; at = message.indexOf(text, at + 1)) {
			if (at == 0 || !Character.isDigit(message.charAt(at - 1))) {
				return true;
			}
		}
		return false;
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
