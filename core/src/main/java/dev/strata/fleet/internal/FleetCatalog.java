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
 * number of tenants (the tenants shared out over up to the fleet's parallelism of
 * sessions once there are hundreds; each session one query for its share's catalog state,
 * then its histories in {@code UNION ALL}s of at most {@value #CHUNK} tables), so a
 * restart with nothing to do does not cost a round trip per tenant.
 */
public final class FleetCatalog {

	/** Tables per {@code UNION ALL}: keeps a very large fleet's query a sane size. */
	static final int CHUNK = 500;

	/**
	 * The fewest tenants worth a connection of their own: below that, a second session
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

	/**
	 * Shares the targets out in contiguous slices over up to {@code parallelism} sessions
	 * (each with at least {@value #SLICE} targets): the first on a connection of this
	 * thread, the others each on a connection and thread of its own. The server's time
	 * goes into looking each tenant up in the catalog and opening its history (a
	 * session's first look at a table reads its description from the catalog), which
	 * several sessions share out.
	 */
	private static List<Tenant> read(DataSource dataSource, List<MigrationTarget> targets, int parallelism) {
		int sessions = Math.max(1, Math.min(parallelism, targets.size() / SLICE));
		int size = (targets.size() + sessions - 1) / sessions;
		List<List<MigrationTarget>> slices = new ArrayList<>();
		for (int from = 0; from < targets.size(); from += size) {
			slices.add(targets.subList(from, Math.min(from + size, targets.size())));
		}
		try {
			if (slices.size() == 1) {
				try (Connection connection = dataSource.getConnection()) {
					return readSlice(connection, slices.get(0));
				}
			}
			ExecutorService executor = Executors.newFixedThreadPool(slices.size() - 1, (runnable) -> {
				Thread thread = new Thread(runnable, "strata-fleet-catalog");
				thread.setDaemon(true);
				return thread;
			});
			try {
				List<Future<List<Tenant>>> others = new ArrayList<>();
				for (List<MigrationTarget> slice : slices.subList(1, slices.size())) {
					others.add(executor.submit(() -> {
						try (Connection own = dataSource.getConnection()) {
							return readSlice(own, slice);
						}
					}));
				}
				List<Tenant> tenants = new ArrayList<>(targets.size());
				try (Connection connection = dataSource.getConnection()) {
					tenants.addAll(readSlice(connection, slices.get(0)));
				}
				for (Future<List<Tenant>> other : others) {
					tenants.addAll(join(other));
				}
				return tenants;
			}
			finally {
				executor.shutdownNow();
			}
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
	 * One session's share: which of the targets' schemas, histories and snapshots exist,
	 * then the rows of the histories in {@code UNION ALL}s of at most {@value #CHUNK}
	 * tables.
	 */
	private static List<Tenant> readSlice(Connection connection, List<MigrationTarget> targets) throws SQLException {
		boolean[][] exists = exists(connection, targets);
		List<SchemaHistory.Table> tables = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			if (exists[i][1]) {
				tables.add(new SchemaHistory.Table(targets.get(i).schema(), targets.get(i).table(), exists[i][3],
						exists[i][4]));
			}
		}
		List<List<AppliedMigration>> histories = new ArrayList<>(tables.size());
		for (int from = 0; from < tables.size(); from += CHUNK) {
			histories
				.addAll(SchemaHistory.readAll(connection, tables.subList(from, Math.min(from + CHUNK, tables.size()))));
		}
		List<Tenant> tenants = new ArrayList<>(targets.size());
		int next = 0;
		for (int i = 0; i < targets.size(); i++) {
			List<AppliedMigration> history = exists[i][1] ? histories.get(next++) : List.of();
			tenants.add(new Tenant(exists[i][0], exists[i][1], exists[i][2], history));
		}
		return tenants;
	}

	/**
	 * For each target: whether its schema, history and snapshot exist, and whether the
	 * history has the in-flight column and the current unique index. Each lookup is a
	 * lateral subquery with a limit, so PostgreSQL probes the catalogs' indexes tenant by
	 * tenant: joined plainly, it hashes the whole of {@code pg_class} and
	 * {@code pg_index} instead, hundreds of milliseconds at 1,000 tenant schemas.
	 */
	private static boolean[][] exists(Connection connection, List<MigrationTarget> targets) throws SQLException {
		boolean[][] exists = new boolean[targets.size()][];
		try (PreparedStatement statement = connection.prepareStatement("""
				select t.i, n.oid is not null, c.oid is not null, s.found is not null, f.found is not null,
				  u.found is not null
				from unnest(?::text[], ?::text[], ?::text[]) with ordinality as t(schema, history, snapshot, i)
				left join pg_catalog.pg_namespace n on n.nspname = t.schema
				left join lateral (select h.oid from pg_catalog.pg_class h
				  where h.relnamespace = n.oid and h.relname = t.history and h.relkind in ('r', 'p') limit 1) c on true
				left join lateral (select true as found from pg_catalog.pg_class h
				  where h.relnamespace = n.oid and h.relname = t.snapshot and h.relkind in ('r', 'p') limit 1) s on true
				left join lateral (select true as found from\s""" + SchemaHistory.inFlightColumn() + """
				 limit 1) f on true
				left join lateral (select true as found from\s""" + SchemaHistory.uniqueIndex() + """
				limit 1) u on true""")) {
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
		return exists;
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
