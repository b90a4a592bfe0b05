package dev.strata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.strata.drift.internal.SnapshotStore;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.history.AppliedMigration;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.targets.DatabaseServer;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MigrationTarget} as found once per command on its connection: which schema
 * holds the history, whether the history exists, and, when the schema was not configured,
 * a check that the history is not merely somewhere else (the current schema changes once
 * a migration creates a schema named earlier on the search_path).
 */
final class TargetState {

	private static final Logger logger = LoggerFactory.getLogger(TargetState.class);

	private final MigrationTarget target;

	private final SchemaHistory history;

	private final boolean historyExists;

	private final boolean snapshotExists;

	private final @Nullable String flywayTable;

	private final DatabaseServer server;

	private final boolean schemaExists;

	private final int otherObjects;

	private TargetState(MigrationTarget target, SchemaHistory history, boolean historyExists, boolean snapshotExists,
			@Nullable String flywayTable, DatabaseServer server, boolean schemaExists, int otherObjects) {
		this.schemaExists = schemaExists;
		this.otherObjects = otherObjects;
		this.target = target;
		this.history = history;
		this.historyExists = historyExists;
		this.snapshotExists = snapshotExists;
		this.flywayTable = flywayTable;
		this.server = server;
	}

	/**
	 * @param flywayTable Flyway's history table, looked for in the same schema
	 */
	static TargetState resolve(Connection connection, MigrationTarget target, String flywayTable) throws SQLException {
		return resolve(connection, target, flywayTable, () -> {
		});
	}

	/**
	 * As {@link #resolve(Connection, MigrationTarget, String)}, running
	 * {@code withoutHistory} as soon as the target shows no history, before what only a
	 * first run needs is read: a command sure to take the lock opens its connection
	 * meanwhile.
	 */
	static TargetState resolve(Connection connection, MigrationTarget target, String flywayTable,
			Runnable withoutHistory) throws SQLException {
		String snapshotTable = SnapshotStore.tableName(target.table());
		Found found = find(connection, target.schema(), target.table(), snapshotTable, flywayTable);
		String schema = found.schema();
		SchemaHistory history = new SchemaHistory(connection, schema, target.table(),
				!found.history() || found.inFlightColumn(), !found.history() || found.uniqueIndex());
		int otherObjects = 0;
		if (!found.history()) {
			withoutHistory.run();
			FirstRun firstRun = FirstRun.find(connection, schema, target.schema() == null, target.table());
			if (!firstRun.historyElsewhere().isEmpty()) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "The history table " + target.table()
						+ " is not in schema \"" + schema + "\" (the connection's current schema) but exists in "
						+ String.join(", ", firstRun.historyElsewhere().stream().map((s) -> "\"" + s + "\"").toList())
						+ ". Strata will not take that for an empty history. Set strata.schema to the schema that"
						+ " holds the history, or fix the connection's search_path.");
			}
			otherObjects = firstRun.otherObjects();
		}
		return new TargetState(target, history, found.history(), found.snapshot(),
				found.flywayHistory() ? flywayTable : null,
				DatabaseServer.of(serverVersion(connection), found.citusVersion()), found.schemaExists(), otherObjects);
	}

	/**
	 * This target read again once the migration lock is held: another migrator may have
	 * changed it meanwhile. Without a history before, a one-row probe for it spares the
	 * whole reading: while there is still none, no migrator ran in between and this state
	 * stands.
	 */
	TargetState againUnderLock(Connection connection, String flywayTable) throws SQLException {
		if (!this.historyExists && !historyExistsNow(connection)) {
			return this;
		}
		return resolve(connection, this.target, flywayTable);
	}

	private boolean historyExistsNow(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				select exists (select 1 from pg_catalog.pg_class t
				  join pg_catalog.pg_namespace n on n.oid = t.relnamespace
				  where n.nspname = ? and t.relname = ? and t.relkind in ('r', 'p'))""")) {
			statement.setString(1, schema());
			statement.setString(2, this.target.table());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * The schema (the configured one, else the connection's current schema), which of the
	 * history and snapshot tables exist in it and whether Citus is installed, in one
	 * query: this runs on every restart. What only a first run needs is read apart (see
	 * {@link FirstRun}): a new server session plans every part of a query, and those
	 * parts cost a restart 3-4 ms.
	 */
	private static Found find(Connection connection, @Nullable String configuredSchema, String history, String snapshot,
			String flyway) throws SQLException {
		// Each table of the schema is looked up by the schema's oid and its name
		// together, the whole key of pg_class's index: once the driver prepares this
		// statement on the server, PostgreSQL may choose a plan for any schema, and one
		// that finds the name first reads every tenant's table of that name (20 ms a
		// call at 1,000 tenant schemas).
		try (PreparedStatement statement = connection.prepareStatement(
				"select s.name, c.oid is not null, " + tableExists() + ", " + SchemaHistory.inFlightColumnTest() + ", "
						+ SchemaHistory.uniqueIndexTest() + ", " + tableExists() + """
								, (select e.extversion from pg_catalog.pg_extension e where e.extname = 'citus'),
								  n.oid is not null
								from (select coalesce(?::text, current_schema()) as name) s
								left join pg_catalog.pg_namespace n on n.nspname = s.name
								left join pg_catalog.pg_class c on c.oid = (select t.oid from pg_catalog.pg_class t
								  where t.relnamespace = n.oid and t.relname = ? and t.relkind in ('r', 'p'))""")) {
			statement.setString(1, snapshot);
			statement.setString(2, flyway);
			statement.setString(3, configuredSchema);
			statement.setString(4, history);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				String schema = rs.getString(1);
				if (schema == null) {
					throw new StrataException(ErrorCategory.CONFIGURATION, "The connection has no current schema: none"
							+ " of the schemas on its search_path exists. Set strata.schema, or create the schema first.");
				}
				return new Found(schema, rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
						rs.getBoolean(6), rs.getString(7), rs.getBoolean(8));
			}
		}
	}

	/** Whether schema {@code n} has a table of the name the parameter gives. */
	private static String tableExists() {
		return "exists (select 1 from pg_catalog.pg_class t where t.relnamespace = n.oid and t.relname = ?"
				+ " and t.relkind in ('r', 'p'))";
	}

	/**
	 * What {@link #find} found.
	 *
	 * @param inFlightColumn whether the history table has {@code statement_in_flight}
	 * (see {@link SchemaHistory#upgrade()})
	 * @param uniqueIndex whether it has the unique index on successful versions
	 * @param flywayHistory whether Flyway's history table is in the schema
	 * @param citusVersion the Citus extension's version, {@code null} without it
	 * @param schemaExists whether the schema exists
	 */
	private record Found(String schema, boolean history, boolean snapshot, boolean inFlightColumn, boolean uniqueIndex,
			boolean flywayHistory, @Nullable String citusVersion, boolean schemaExists) {
	}

	/**
	 * What a target without a history is read for besides.
	 *
	 * @param historyElsewhere the other schemas with a table of the history's name, when
	 * the schema is the connection's current one (a history found there means a wrong
	 * search_path, not an empty history); empty otherwise
	 * @param otherObjects the schema's objects that are not Strata's (see
	 * {@link SchemaHistory#OTHER_OBJECTS})
	 */
	private record FirstRun(List<String> historyElsewhere, int otherObjects) {

		static FirstRun find(Connection connection, String schema, boolean currentSchema, String history)
				throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("""
					select case when ? then array (select o.nspname::text
					    from pg_catalog.pg_class t join pg_catalog.pg_namespace o on o.oid = t.relnamespace
					    where t.relname = ? and o.nspname <> s.name and t.relkind in ('r', 'p') order by 1)
					  else '{}'::text[] end,
					  (""" + SchemaHistory.OTHER_OBJECTS + """
					)
					from (select ?::text as name) s""")) {
				statement.setBoolean(1, currentSchema);
				statement.setString(2, history);
				statement.setString(3, history);
				statement.setString(4, history);
				statement.setString(5, history);
				statement.setString(6, schema);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return new FirstRun(List.of((String[]) rs.getArray(1).getArray()), rs.getInt(2));
				}
			}
		}

	}

	/** The kind of server the target runs on. */
	DatabaseServer server() {
		return this.server;
	}

	/** The target as configured. */
	MigrationTarget target() {
		return this.target;
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

	/**
	 * Flyway's history table when the schema has it and no Strata history: a schema
	 * Flyway migrated, to adopt before anything else; {@code null} otherwise.
	 */
	@Nullable String flywayHistoryToAdopt() {
		return this.historyExists ? null : this.flywayTable;
	}

	/** Whether a schema snapshot was stored (its table is created with the first one). */
	boolean snapshotExists() {
		return this.snapshotExists;
	}

	/**
	 * Without a history, the tables, views and sequences in the schema that are neither
	 * Strata's own nor an extension's: a schema that has some needs a baseline first.
	 */
	int otherObjects() {
		return this.otherObjects;
	}

	/** The history rows, or none if the table does not exist yet. */
	List<AppliedMigration> readHistory() throws SQLException {
		return this.historyExists ? this.history.read() : List.of();
	}

	/**
	 * Brings a history table written by an older Strata to the current shape; under the
	 * lock only. Costs nothing when the table is current (known from the query that found
	 * it).
	 */
	void upgradeHistory() throws SQLException {
		if (!this.historyExists || this.history.isCurrent()) {
			return;
		}
		List<String> duplicates = this.history.upgrade();
		if (duplicates.isEmpty()) {
			logger.info("Upgraded the history table {}: it records the statement in flight of a non-transactional"
					+ " migration and the undo file of each version, and refuses a second successful row for one"
					+ " version", this.history.qualifiedName());
		}
		else {
			logger.warn("The history table {} holds more than one successful row for version(s) {}: it cannot get the"
					+ " unique index that refuses a second successful row for one version. Look at those rows (a second"
					+ " migrator that ran without the lock?), delete the duplicates that never ran, and the next"
					+ " migrate adds the index. Migrating continues without it.", this.history.qualifiedName(),
					String.join(", ", duplicates));
		}
	}

	/** Creates the history table; returns a target that knows it exists. */
	TargetState withHistoryCreated() throws SQLException {
		if (!this.historyExists) {
			this.history.create(this.schemaExists);
		}
		return new TargetState(this.target, this.history, true, this.snapshotExists, this.flywayTable, this.server,
				true, this.otherObjects);
	}

	private static @Nullable String serverVersion(Connection connection) {
		try {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
