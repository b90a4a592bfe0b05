package dev.strata.test;

import java.sql.SQLException;

/**
 * A failed statement of a {@link TestDatabase} convenience method; the message names the
 * SQL.
 */
public class TestDatabaseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	TestDatabaseException(String sql, SQLException cause) {
		super(cause.getMessage() + " [SQL: " + sql + "]", cause);
	}

	TestDatabaseException(String sql, String problem) {
		super(problem + " [SQL: " + sql + "]");
	}

	/** The SQLSTATE of the underlying error, or null. */
	public String sqlState() {
		return getCause() instanceof SQLException e ? e.getSQLState() : null;
	}

}
