package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL says a backend is doing: its statement in flight, for how long, and,
 * for the commands that report progress ({@code pg_stat_progress_create_index},
 * {@code pg_stat_progress_cluster}, {@code pg_stat_progress_vacuum}), the phase and the
 * blocks or tuples done. One query of views held in memory; no table is read.
 */
final class ServerProgress {

	private static final String QUERY = "select a.state = 'active', a.query,"
			+ " (extract(epoch from clock_timestamp() - a.query_start) * 1000)::bigint, p.phase, p.done, p.total, p.unit"
			+ " from pg_catalog.pg_stat_activity a left join lateral ("
			+ "select c.command || ': ' || c.phase as phase, "
			+ done("c.blocks_done", "c.blocks_total", "c.tuples_done", "c.tuples_total")
			+ " from pg_catalog.pg_stat_progress_create_index c where c.pid = a.pid"
			+ " union all select c.command || ': ' || c.phase, "
			+ done("c.heap_blks_scanned", "c.heap_blks_total", "null::bigint", "null::bigint")
			+ " from pg_catalog.pg_stat_progress_cluster c where c.pid = a.pid"
			+ " union all select 'VACUUM: ' || v.phase, "
			+ done("v.heap_blks_scanned", "v.heap_blks_total", "null::bigint", "null::bigint")
			+ " from pg_catalog.pg_stat_progress_vacuum v where v.pid = a.pid" + " limit 1) p on true where a.pid = ";

	/** A look that hangs must not hold the lock's connection for long. */
	private static final int TIMEOUT_SECONDS = 5;

	private ServerProgress() {
	}

	/** Blocks where the total is known, else tuples. */
	private static String done(String blocksDone, String blocksTotal, String tuplesDone, String tuplesTotal) {
		return "case when " + blocksTotal + " > 0 then " + blocksDone + " when " + tuplesTotal + " > 0 then "
				+ tuplesDone + " end as done, case when " + blocksTotal + " > 0 then " + blocksTotal + " when "
				+ tuplesTotal + " > 0 then " + tuplesTotal + " end as total, case when " + blocksTotal
				+ " > 0 then 'blocks' when " + tuplesTotal + " > 0 then 'tuples' end as unit";
	}

	/**
	 * Reads backend {@code pid}'s progress, {@code null} if it is gone.
	 * @param comment what the query starts with (see {@link ActivityComment})
	 */
	static @Nullable Sample read(Connection connection, String comment, int pid) throws SQLException {
		// A plain statement: the comment changes with every report, and a prepared one
		// would leave a server-side statement behind for each text.
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(TIMEOUT_SECONDS);
			try (ResultSet rs = statement.executeQuery(comment + QUERY + pid)) {
				if (!rs.next()) {
					return null;
				}
				boolean active = rs.getBoolean(1);
				long age = rs.getLong(3);
				String phase = rs.getString(4);
				Long done = rs.getObject(5, Long.class);
				Long total = rs.getObject(6, Long.class);
				Phase current = (phase == null) ? null : new Phase(phase, done, total, rs.getString(7));
				return new Sample(active ? rs.getString(2) : null, active ? age : -1, current);
			}
		}
	}

	/**
	 * One look at the backend.
	 *
	 * @param query the statement it runs, {@code null} if it runs none (idle, or
	 * unreadable to this role)
	 * @param ageMillis how long that statement has run, {@code -1} if none
	 * @param phase the phase it reports, if any
	 */
	record Sample(@Nullable String query, long ageMillis, @Nullable Phase phase) {
	}

	/**
	 * A phase of a command that reports its progress.
	 *
	 * @param name the command and the phase, as in
	 * {@code CREATE INDEX: building index: scanning table}
	 * @param done how many blocks or tuples are done, if counted
	 * @param total of how many
	 * @param unit {@code blocks} or {@code tuples}
	 */
	record Phase(String name, @Nullable Long done, @Nullable Long total, @Nullable String unit) {

		@Nullable Integer percentDone() {
			return (this.done != null && this.total != null && this.total > 0)
					? (int) Math.min(100, this.done * 100 / this.total) : null;
		}

		@Override
		public String toString() {
			Integer percent = percentDone();
			return (percent != null)
					? this.name + ", " + this.unit + " " + this.done + " of " + this.total + " (" + percent + "%)"
					: this.name;
		}

	}

}
