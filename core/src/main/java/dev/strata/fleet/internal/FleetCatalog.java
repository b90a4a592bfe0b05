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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * exist, and its history's rows. A fixed number of queries per DataSource whatever the
 * number of tenants (one for the catalog, the histories in {@code UNION ALL}s of at most
 * {@value #CHUNK} tables, shared out over up to the fleet's parallelism of sessions once
 * there are hundreds), so a restart with nothing to do does not cost a round trip per
 * tenant.
 */
public final class FleetCatalog {

	/** Tables per {@code UNION ALL}: keeps a very large fleet's query a sane size. */
	static final int CHUNK = 500;

	/**
	 * The fewest tables worth a connection of their own: below that, a second session
	 * costs more than it shares out.
	 */
	static final int SLICE = 100;

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
	 * @param parallelism how many connections of a DataSource may read its histories at
	 * once
	 * @return each target's state, in the order given
	 */
	public static List<@Nullable Tenant> read(List<MigrationTarget> targets, int parallelism) {
		Tenant[] found = new Tenant[targets.size()];
		Map<DataSource, List<Integer>> byDataSource = new IdentityHashMap<>();
		for (int i = 0; i < targets.size(); i++) {
			if (targets.get(i).schema() != null) {
				byDataSource.computeIfAbsent(targets.get(i).dataSource(), (key) -> new ArrayList<>()).add(i);
			}
		}
		for (Map.Entry<DataSource, List<Integer>> group : byDataSource.entrySet()) {
			List<MigrationTarget> members = group.getValue().stream().map(targets::get).toList();
			List<Tenant> read = read(group.getKey(), members, parallelism);
			for (int i = 0; i < members.size(); i++) {
				found[group.getValue().get(i)] = read.get(i);
			}
		}
		return Arrays.asList(found);
	}

	private static List<Tenant> read(DataSource dataSource, List<MigrationTarget> targets, int parallelism) {
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
			List<SchemaHistory.Table> tables = withHistory.stream()
				.map((i) -> new SchemaHistory.Table(targets.get(i).schema(), targets.get(i).table(), exists[i][3],
						exists[i][4]))
				.toList();
			List<List<AppliedMigration>> histories = histories(dataSource, connection, tables, parallelism);
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

	/**
	 * The rows of every table, in chunks of at most {@value #CHUNK} tables, read by up to
	 * {@code parallelism} sessions at once (each with at least {@value #SLICE} tables):
	 * the first on {@code connection}, the others each on a connection of its own. The
	 * server's time goes into opening each table (a session's first look at a table reads
	 * its description from the catalog), which several sessions share out.
	 */
	private static List<List<AppliedMigration>> histories(DataSource dataSource, Connection connection,
			List<SchemaHistory.Table> tables, int parallelism) throws SQLException {
		int sessions = Math.max(1, Math.min(parallelism, tables.size() / SLICE));
		int chunks = Math.max(sessions, (tables.size() + CHUNK - 1) / CHUNK);
		int size = Math.max(1, (tables.size() + chunks - 1) / chunks);
		// Each session reads every sessions-th chunk.
		List<List<List<SchemaHistory.Table>>> bySession = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			bySession.add(new ArrayList<>());
		}
		for (int from = 0, chunk = 0; from < tables.size(); from += size, chunk++) {
			bySession.get(chunk % sessions).add(tables.subList(from, Math.min(from + size, tables.size())));
		}
		List<List<List<AppliedMigration>>> read = new ArrayList<>();
		if (sessions == 1) {
			read.add(readChunks(connection, bySession.get(0)));
		}
		else {
			ExecutorService executor = Executors.newFixedThreadPool(sessions - 1, (runnable) -> {
				Thread thread = new Thread(runnable, "strata-fleet-catalog");
				thread.setDaemon(true);
				return thread;
			});
			try {
				List<Future<List<List<AppliedMigration>>>> others = new ArrayList<>();
				for (List<List<SchemaHistory.Table>> chunksOfSession : bySession.subList(1, sessions)) {
					others.add(executor.submit(() -> {
						try (Connection own = dataSource.getConnection()) {
							return readChunks(own, chunksOfSession);
						}
					}));
				}
				read.add(readChunks(connection, bySession.get(0)));
				for (Future<List<List<AppliedMigration>>> other : others) {
					read.add(join(other));
				}
			}
			finally {
				executor.shutdownNow();
			}
		}
		// Back in the order of the tables: chunk k was the (k / sessions)-th of session
		// k % sessions.
		List<List<AppliedMigration>> histories = new ArrayList<>(tables.size());
		int[] next = new int[sessions];
		for (int from = 0, chunk = 0; from < tables.size(); from += size, chunk++) {
			int session = chunk % sessions;
			for (int i = 0; i < Math.min(size, tables.size() - from); i++) {
				histories.add(read.get(session).get(next[session]++));
			}
		}
		return histories;
	}

	private static List<List<AppliedMigration>> readChunks(Connection connection,
			List<List<SchemaHistory.Table>> chunks) throws SQLException {
		List<List<AppliedMigration>> rows = new ArrayList<>();
		for (List<SchemaHistory.Table> chunk : chunks) {
			rows.addAll(SchemaHistory.readAll(connection, chunk));
		}
		return rows;
	}

	private static <T> T join(Future<T> future) throws SQLException {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StrataException(ErrorCategory.UNEXPECTED, "Interrupted while reading the tenants' histories", ex);
		}
	}

	private static Array textArray(Connection connection, List<@Nullable String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

}
