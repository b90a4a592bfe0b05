package dev.strata.fleet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import javax.sql.DataSource;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.fleet.internal.SearchPath;
import dev.strata.targets.MigrationTarget;

/**
 * The tenants of a fleet, each a {@link MigrationTarget}. For a schema per tenant use
 * {@link #schemas}; for a database per tenant, supply targets of your own (a Spring
 * application defines a bean of this type).
 */
@FunctionalInterface
public interface TenantTargets {

	/** The tenants, in the order results list them; asked once per run. */
	List<MigrationTarget> targets();

	/**
	 * A tenant per schema of one database: the history table in the tenant's schema, and
	 * migrations run with the tenant's schema first on their {@code search_path}, then
	 * the connection's own (read once per run), so unqualified names land in the tenant's
	 * schema and shared objects named with their schema still resolve.
	 * @param dataSource where every tenant is
	 * @param schemas the tenant schemas, each also the tenant's name (duplicates count
	 * once)
	 * @param table the history table in each
	 */
	static TenantTargets schemas(DataSource dataSource, List<String> schemas, String table) {
		List<String> names = List.copyOf(new LinkedHashSet<>(schemas));
		return () -> {
			if (names.isEmpty()) {
				return List.of();
			}
			List<String> defaultPath = defaultSearchPath(dataSource);
			List<MigrationTarget> targets = new ArrayList<>(names.size());
			for (String schema : names) {
				List<String> path = new ArrayList<>();
				path.add(schema);
				defaultPath.stream().filter((entry) -> !entry.equals(schema)).forEach(path::add);
				targets.add(new MigrationTarget(schema, dataSource, schema, table, path));
			}
			return targets;
		};
	}

	/**
	 * The schema names {@code query} returns (first column), run on a connection of
	 * {@code dataSource}: e.g. from the application's own table of tenants.
	 */
	static List<String> query(DataSource dataSource, String query) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(query)) {
			List<String> names = new ArrayList<>();
			while (rs.next()) {
				String name = rs.getString(1);
				if (name != null && !name.isBlank()) {
					names.add(name);
				}
			}
			return names;
		}
		catch (SQLException ex) {
			throw new StrataException(
					ErrorCategory.CONFIGURATION, "The query for tenant schemas (strata.tenants"
							+ ".schemas-query) failed: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ")",
					ex);
		}
	}

	private static List<String> defaultSearchPath(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("show search_path")) {
			rs.next();
			return SearchPath.parse(rs.getString(1));
		}
		catch (SQLException ex) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "Could not read the connection's search_path: "
					+ ex.getMessage() + " (SQLState " + ex.getSQLState() + ")", ex);
		}
	}

}
