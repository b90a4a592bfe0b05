package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells whether a connection pooler in transaction mode (PgBouncer, RDS Proxy, Supavisor)
 * sits between Strata and PostgreSQL. A server session serves one client at a time, so if
 * two client connections see the same backend pid, or one connection sees its pid change
 * between two statements, a pooler hands server sessions around between transactions. The
 * converse does not hold: a busy pooler may happen to answer on distinct sessions, so
 * {@code strata.lock-mode=lease} remains the explicit choice; an advisory lock taken
 * through such a pooler is then caught by its heartbeat, which finds it missing from its
 * own session.
 */
public final class PoolerProbe {

	private PoolerProbe() {
	}

	/**
	 * @param secondPidAtOpen {@code second}'s backend pid as read when it opened, 0 if it
	 * was not: one sample fewer to take now, and an earlier one is as telling
	 */
	static boolean sharesSessions(Connection first, Connection second, int secondPidAtOpen) throws SQLException {
		int b = (secondPidAtOpen != 0) ? secondPidAtOpen : backendPid(second);
		int a = backendPid(first);
		int c = backendPid(second);
		int d = backendPid(first);
		return a == b || c == d || a != d || b != c;
	}

	/** The server session's process id, as the server reports it. */
	public static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
