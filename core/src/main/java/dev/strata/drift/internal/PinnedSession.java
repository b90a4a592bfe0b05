package dev.strata.drift.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * Runs snapshot work in one transaction whose settings are pinned, because the deparsers
 * print differently under other settings: {@code search_path} decides which names are
 * schema-qualified, {@code TimeZone} and {@code DateStyle} how timestamps in defaults and
 * partition bounds read, and so on. Every setting is {@code SET LOCAL}, so the connection
 * is left as it was.
 */
final class PinnedSession {

	/**
	 * Long enough for a busy catalog, short enough that a check never queues DDL behind
	 * it for long.
	 */
	static final String LOCK_TIMEOUT = "5s";

	private static final String SETTINGS = """
			select set_config('search_path', 'pg_catalog, pg_temp', true),
				set_config('TimeZone', 'UTC', true),
				set_config('DateStyle', 'ISO, YMD', true),
				set_config('IntervalStyle', 'postgres', true),
				set_config('extra_float_digits', '1', true),
				set_config('bytea_output', 'hex', true),
				set_config('quote_all_identifiers', 'off', true),
				set_config('standard_conforming_strings', 'on', true),
				set_config('lc_monetary', 'C', true),
				set_config('lock_timeout', '%s', true),
				set_config('statement_timeout', '10min', true)""".formatted(LOCK_TIMEOUT);

	private PinnedSession() {
	}

	@FunctionalInterface
	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	/**
	 * Read-only and repeatable read: every query of a check sees one state of the
	 * catalog.
	 */
	static <T> T read(Connection connection, Work<T> work) throws SQLException {
		return run(connection, "set transaction isolation level repeatable read, read only", work);
	}

	/** For writing a snapshot; the caller holds the migration lock. */
	static <T> T write(Connection connection, Work<T> work) throws SQLException {
		return run(connection, null, work);
	}

	private static <T> T run(Connection connection, @Nullable String transaction, Work<T> work) throws SQLException {
		if (!connection.getAutoCommit()) {
			// SET LOCAL would leak into the caller's transaction, and ours must start
			// fresh
			throw new IllegalStateException("snapshot work needs a connection in autocommit mode");
		}
		connection.setAutoCommit(false);
		try {
			try (Statement statement = connection.createStatement()) {
				if (transaction != null) {
					statement.execute(transaction);
				}
				statement.execute(SETTINGS);
			}
			T result = work.run(connection);
			connection.commit();
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.rollback();
			}
			catch (SQLException rollback) {
				ex.addSuppressed(rollback);
			}
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

}
