package dev.strata.fleet.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.strata.drift.internal.SnapshotStore;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.history.AppliedMigration;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

/**
 * What the catalog says of every tenant at once: whether its schema, history and snapshot
 * exist, and its history's rows. Two queries per DataSource whatever the number of
 * tenants (the histories in one {@code UNION ALL}, in chunks of {@value #CHUNK} tables),
 * so a restart with nothing to do does not cost a round trip per tenant.
 */
public final class FleetCatalog {

	/** Tables per {@code UNION ALL}: keeps a very large fleet's query a sane size. */
	static final int CHUNK = 500;

	private FleetCatalog() {
	}

	/**
	 * What the catalog holds of one tenant.
	 *
	 * @param history the rows of its history, empty when there is no history table
	 */
	public record Tenant(boolean schemaExists, boolean historyExists, boolean snapshotExists,
			List<AppliedMigration> history) {
	}

	/**
	 * Reads every target with a schema; a target without one (the connection's current
	 * schema) is not read and gets {@code null}.
	 * @return each target's state, in the order given
	 */
	public static List<@Nullable Tenant> read(List<MigrationTarget> targets) {
		Tenant[] found = new Tenant[targets.size()];
		Map<DataSource, List<Integer>> byDataSource = new IdentityHashMap<>();
		for (int i = 0; i < targets.size(); i++) {
			if (targets.get(i).schema() != null) {
				byDataSource.computeIfAbsent(targets.get(i).dataSource(), (key) -> new ArrayList<>()).add(i);
			}
		}
		for (Map.Entry<DataSource, List<Integer>> group : byDataSource.entrySet()) {
			List<MigrationTarget> members = group.getValue().stream().map(targets::get).toList();
			List<Tenant> read = read(group.getKey(), members);
			for (int i = 0; i < members.size(); i++) {
				found[group.getValue().get(i)] = read.get(i);
			}
		}
		return Arrays.asList(found);
	}

	private static List<Tenant> read(DataSource dataSource, List<MigrationTarget> targets) {
		try (Connection connection = dataSource.getConnection()) {
			boolean[][] exists = new boolean[targets.size()][];
			try (PreparedStatement statement = connection.prepareStatement("""
					select t.i, n.oid is not null, c.oid is not null, s.oid is not null,\s""" + SchemaHistory
				.inFlightColumnTest() + ", " + SchemaHistory.uniqueIndexTest() + """

						from unnest(?::text[], ?::text[], ?::text[]) with ordinality as t(schema, history, snapshot, i)
						left join pg_catalog.pg_namespace n on n.nspname = t.schema
						left join pg_catalog.pg_class c
						  on c.relnamespace = n.oid and c.relname = t.history and c.relkind in ('r', 'p')
						left join pg_catalog.pg_class s
						  on s.relnamespace = n.oid and s.relname = t.snapshot and s.relkind in ('r', 'p')""")) {
				statement.setArray(1, textArray(connection, targets.stream().map(MigrationTarget::schema).toList()));
				statement.setArray(2, textArray(connection, targets.stream().map(MigrationTarget::table).toList()));
				statement.setArray(3, textArray(connection,
						targets.stream().map((target) -> SnapshotStore.tableName(target.table())).toList()));
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						exists[rs.getInt(1) - 1] = new boolean[] { rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
								rs.getBoolean(5), rs.getBoolean(6) };
					}
				}
			}
			List<Integer> withHistory = new ArrayList<>();
			for (int i = 0; i < targets.size(); i++) {
				if (exists[i][1]) {
					withHistory.add(i);
				}
			}
			List<List<AppliedMigration>> histories = new ArrayList<>();
			for (int from = 0; from < withHistory.size(); from += CHUNK) {
				List<SchemaHistory.Table> tables = withHistory.subList(from, Math.min(from + CHUNK, withHistory.size()))
					.stream()
					.map((i) -> new SchemaHistory.Table(targets.get(i).schema(), targets.get(i).table(), exists[i][3],
							exists[i][4]))
					.toList();
				histories.addAll(SchemaHistory.readAll(connection, tables));
			}
			List<Tenant> tenants = new ArrayList<>(targets.size());
			int next = 0;
			for (int i = 0; i < targets.size(); i++) {
				List<AppliedMigration> history = exists[i][1] ? histories.get(next++) : List.of();
				tenants.add(new Tenant(exists[i][0], exists[i][1], exists[i][2], history));
			}
			return tenants;
		}
		catch (SQLException ex) {
			String state = ex.getSQLState();
			boolean connection = state != null
					&& (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"));
			throw new StrataException(connection ? ErrorCategory.CONFIGURATION : ErrorCategory.UNEXPECTED,
					"Could not read the tenants' histories: " + ex.getMessage() + " (SQLState " + state + ")", ex);
		}
	}

	private static Array textArray(Connection connection, List<@Nullable String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

}
