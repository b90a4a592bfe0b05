package dev.strata.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database on the {@link PostgresServer}, dropped (with FORCE) by
 * {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	private final String jdbcUrl;

	private final AtomicBoolean closed = new AtomicBoolean();

	TestDatabase(PostgresServer server, String name, String jdbcUrl) {
		this.server = server;
		this.name = name;
		this.jdbcUrl = jdbcUrl;
	}

	public String name() {
		return name;
	}

	/** JDBC URL without credentials; use {@link #username()} and {@link #password()}. */
	public String jdbcUrl() {
		return jdbcUrl;
	}

	public String username() {
		return server.username();
	}

	public String password() {
		return server.password();
	}

	/** A new, non-pooled DataSource on this database. */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl);
		dataSource.setUser(username());
		dataSource.setPassword(password());
		return dataSource;
	}

	public Connection connect() throws SQLException {
		return server.connect(jdbcUrl);
	}

	/** Runs SQL (one or more statements) in autocommit. */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new TestDatabaseException(sql, e);
		}
	}

	/**
	 * The single value of a query that returns one row and one column (null for SQL
	 * NULL).
	 * @throws TestDatabaseException when the query fails or does not return exactly one
	 * row
	 */
	public <T> T queryForObject(String sql, Class<T> type) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			if (!rs.next()) {
				throw new TestDatabaseException(sql, "no row");
			}
			T value = rs.getObject(1, type);
			if (rs.next()) {
				throw new TestDatabaseException(sql, "more than one row");
			}
			return value;
		}
		catch (SQLException e) {
			throw new TestDatabaseException(sql, e);
		}
	}

	/** Drops the database, disconnecting any session still on it. Idempotent. */
	@Override
	public void close() {
		if (!closed.getAndSet(true)) {
			server.dropDatabase(name);
		}
	}

	@Override
	public String toString() {
		return "TestDatabase[" + name + " on " + server.kind() + "]";
	}

}
