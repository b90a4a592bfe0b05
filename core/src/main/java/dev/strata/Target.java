package dev.strata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.strata.drift.SnapshotStore;
import dev.strata.history.AppliedMigration;
import dev.strata.history.SchemaHistory;
import org.jspecify.annotations.Nullable;

/**
 * The schema a command works on, found once per command on its connection: which schema holds
 * the history, whether the history exists, and, when the schema was not configured, a check that
 * the history is not merely somewhere else (the current schema changes once a migration creates a
 * schema named earlier on the search_path).
 */
final class Target {

	private final SchemaHistory history;

	private final boolean historyExists;

	private final boolean snapshotExists;

	private Target(SchemaHistory history, boolean historyExists, boolean snapshotExists) {
		this.history = history;
		this.historyExists = historyExists;
		this.snapshotExists = snapshotExists;
	}

	static Target resolve(Connection connection, StrataConfig config) throws SQLException {
		String schema = config.schema();
		if (schema == null) {
			schema = currentSchema(connection);
		}
		SchemaHistory history = new SchemaHistory(connection, schema, config.table());
		String snapshotTable = SnapshotStore.tableName(config.table());
		Set<String> tables = existingTables(connection, schema, config.table(), snapshotTable);
		boolean exists = tables.contains(config.table());
		if (!exists && config.schema() == null) {
			List<String> elsewhere = history.schemasElsewhereWithTable();
			if (!elsewhere.isEmpty()) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "The history table " + config.table()
						+ " is not in schema \"" + schema + "\" (the connection's current schema) but exists in "
						+ String.join(", ", elsewhere.stream().map((s) -> "\"" + s + "\"").toList())
						+ ". Strata will not take that for an empty history. Set strata.schema to the schema that"
						+ " holds the history, or fix the connection's search_path.");
			}
		}
		return new Target(history, exists, tables.contains(snapshotTable));
	}

	/**
	 * Which of the history and snapshot tables exist, in one query: knowing whether a snapshot was
	 * taken costs migrate's no-op path no extra round trip.
	 */
	private static Set<String> existingTables(Connection connection, String schema, String history, String snapshot)
			throws SQLException {
		Set<String> found = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relname in (?, ?) and c.relkind in ('r', 'p')""")) {
			statement.setString(1, schema);
			statement.setString(2, history);
			statement.setString(3, snapshot);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getString(1));
				}
			}
		}
		return found;
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_schema()")) {
			rs.next();
			String schema = rs.getString(1);
			if (schema == null) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "The connection has no current schema: none of"
						+ " the schemas on its search_path exists. Set strata.schema, or create the schema first.");
			}
			return schema;
		}
	}

	SchemaHistory history() {
		return this.history;
	}

	String schema() {
		return this.history.schema();
	}

	boolean historyExists() {
		return this.historyExists;
	}

	/** Whether a schema snapshot was stored (its table is created with the first one). */
	boolean snapshotExists() {
		return this.snapshotExists;
	}

	/** The history rows, or none if the table does not exist yet. */
	List<AppliedMigration> readHistory() throws SQLException {
		return this.historyExists ? this.history.read() : List.of();
	}

	/** Creates the history table; returns a target that knows it exists. */
	Target withHistoryCreated() throws SQLException {
		if (!this.historyExists) {
			this.history.create();
		}
		return new Target(this.history, true, this.snapshotExists);
	}

	static @Nullable String serverVersion(Connection connection) {
		try {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
