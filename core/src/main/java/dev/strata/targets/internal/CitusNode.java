package dev.strata.targets.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which node of a Citus cluster a connection reached. Citus propagates DDL from the
 * coordinator to the workers; DDL run on a worker changes that worker only, and an
 * advisory lock taken there excludes nobody who migrates through the coordinator.
 */
public final class CitusNode {

	private CitusNode() {
	}

	/**
	 * Whether the connection's server is the coordinator: its local group is group 0.
	 * Asked only when the Citus extension is installed.
	 */
	public static boolean isCoordinator(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select groupid from pg_catalog.pg_dist_local_group")) {
			return !rs.next() || rs.getInt(1) == 0;
		}
	}

}
