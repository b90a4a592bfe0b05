package dev.strata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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

	private Target(SchemaHistory history, boolean historyExists) {
		this.history = history;
		this.historyExists = historyExists;
	}

	static Target resolve(Connection connection, StrataConfig config) throws SQLException {
		String schema = config.schema();
		if (schema == null) {
			schema = currentSchema(connection);
		}
		SchemaHistory history = new SchemaHistory(connection, schema, config.table());
		boolean exists = history.exists();
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
		return new Target(history, exists);
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

	/** The history rows, or none if the table does not exist yet. */
	List<AppliedMigration> readHistory() throws SQLException {
		return this.historyExists ? this.history.read() : List.of();
	}

	/** Creates the history table; returns a target that knows it exists. */
	Target withHistoryCreated() throws SQLException {
		if (!this.historyExists) {
			this.history.create();
		}
		return new Target(this.history, true);
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
