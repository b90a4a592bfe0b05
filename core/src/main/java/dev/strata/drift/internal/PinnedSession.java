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

	/**
	 * For writing a snapshot later, of the catalog as it is now: a repeatable-read
	 * transaction whose snapshot is taken before this returns, so that the catalog rows
	 * it reads are those of this moment however late {@link Begun#finish} runs. (What the
	 * deparsers print of an object, a view's or a function's text, is read when printed.)
	 * The caller holds the migration lock until it is finished.
	 * @param then a statement run in the same round trip, once the settings are pinned
	 */
	static Begun begin(Connection connection, String then) throws SQLException {
		start(connection, "set transaction isolation level repeatable read", then);
		return new Begun(connection);
	}

	/** A transaction {@link #begin} started; finish it exactly once. */
	static final class Begun {

		private final Connection connection;

		private Begun(Connection connection) {
			this.connection = connection;
		}

		<T> T finish(Work<T> work) throws SQLException {
			return PinnedSession.finish(this.connection, work);
		}

	}

	private static <T> T run(Connection connection, @Nullable String transaction, Work<T> work) throws SQLException {
		start(connection, transaction, null);
		return finish(connection, work);
	}

	/**
	 * Leaves autocommit and pins the settings; the statement that sets them (a
	 * {@code select}) takes the transaction's snapshot.
	 */
	private static void start(Connection connection, @Nullable String transaction, @Nullable String then)
			throws SQLException {
		if (!connection.getAutoCommit()) {
			// SET LOCAL would leak into the caller's transaction, and ours must start
			// fresh
			throw new IllegalStateException("snapshot work needs a connection in autocommit mode");
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			// one round trip
			statement.execute(
					((transaction != null) ? transaction + "; " : "") + SETTINGS + ((then != null) ? "; " + then : ""));
		}
		catch (SQLException | RuntimeException ex) {
			rollback(connection, ex);
			throw ex;
		}
	}

	private static <T> T finish(Connection connection, Work<T> work) throws SQLException {
		try {
			T result = work.run(connection);
			connection.commit();
			connection.setAutoCommit(true);
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			rollback(connection, ex);
			throw ex;
		}
	}

	/** Rolls back and returns the connection to autocommit, keeping {@code ex} first. */
	private static void rollback(Connection connection, Exception ex) {
		try {
			connection.rollback();
			connection.setAutoCommit(true);
		}
		catch (SQLException rollback) {
			ex.addSuppressed(rollback);
		}
	}

}
