package dev.strata.drift.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.history.internal.Identifiers;
import dev.strata.history.internal.SchemaObjects;
import dev.strata.history.internal.SqlLiterals;
import org.jspecify.annotations.Nullable;
import dev.strata.drift.SnapshotInfo;

/**
 * The latest accepted snapshot, in {@code <history table>_snapshot} next to the history.
 *
 * <p>
 * Stored as one row per object rather than one compressed document: the snapshot is
 * computed and written by the server in a single {@code insert ... select} (nothing
 * travels to the client), and a check compares live and stored objects with a join in the
 * same database, so only changed objects ever leave the server. A header row
 * ({@code kind = '#snapshot'}) carries the server version, format, reason, total hash and
 * one hash per kind: a check compares the live per-kind hashes with the header and never
 * aggregates the stored rows. Every kind is stored, also the opt-in ones, so turning one
 * on later needs no new baseline.
 */
public final class SnapshotStore {

	static final String HEADER_KIND = "#snapshot";

	/**
	 * SHA-256 of an object's definition, hex: built in since PostgreSQL 11, no pgcrypto
	 * needed.
	 */
	static final String OBJECT_HASH = "encode(sha256(convert_to(definition, 'UTF8')), 'hex')";

	/**
	 * SHA-256 over the {@code identity TAB hash} lines of one kind, in byte order; used
	 * with {@code group by kind}.
	 */
	static final String KIND_HASH = "encode(sha256(convert_to(string_agg(identity || E'\\t' || hash, E'\\n'"
			+ " order by identity collate \"C\"), 'UTF8')), 'hex')";

	/**
	 * SHA-256 over the {@code kind TAB hash} lines of the kind hashes, in byte order: one
	 * hash for the whole snapshot.
	 */
	static final String TOTAL_HASH = "encode(sha256(convert_to(coalesce(string_agg(kind || E'\\t' || hash, E'\\n'"
			+ " order by kind collate \"C\"), ''), 'UTF8')), 'hex')";

	private static final String KIND_HASH_KEY = "hash ";

	private final String schema;

	private final String table;

	private final String qualifiedName;

	public SnapshotStore(String schema, String historyTable) {
		this.schema = schema;
		this.table = tableName(historyTable);
		this.qualifiedName = Identifiers.quote(schema) + "." + Identifiers.quote(this.table);
	}

	/**
	 * {@code strata_schema_history} keeps its snapshot in
	 * {@code strata_schema_history_snapshot}.
	 */
	public static String tableName(String historyTable) {
		return historyTable + "_snapshot";
	}

	String qualifiedName() {
		return this.qualifiedName;
	}

	/**
	 * Replaces the stored snapshot with the live schema, in one transaction. The caller
	 * holds the migration lock and passes a connection in autocommit mode.
	 * @param reason {@code MIGRATE}, {@code BASELINE} or {@code ACCEPTED}
	 */
	public SnapshotInfo write(Connection connection, SnapshotScope scope, String reason) throws SQLException {
		return PinnedSession.write(connection, (c) -> store(c, scope, reason));
	}

	/**
	 * Begins a snapshot of the catalog as it is now, to be stored later (on another
	 * thread, say) by {@link Begun#write}; the caller holds the migration lock until
	 * then. Until it is stored, the scope's tables and views are locked in
	 * {@code ACCESS SHARE} mode, so that DDL on them (which the deparsers would print as
	 * it is when they run) waits for it. A scope of more than {@code maxRelations} tables
	 * and views is refused (the lock table is shared by every session), as is one whose
	 * locks are not granted within the pinned lock timeout: store those with
	 * {@link #write}.
	 * @throws SQLException if it could not begin; the connection is back in autocommit
	 * mode
	 */
	public Begun begin(Connection connection, SnapshotScope scope, int maxRelations) throws SQLException {
		return new Begun(PinnedSession.begin(connection, lockScope(scope, maxRelations)));
	}

	/**
	 * One statement that locks the scope's tables and views, or fails if there are more
	 * than {@code maxRelations}.
	 */
	static String lockScope(SnapshotScope scope, int maxRelations) {
		String schemas = "select n.oid from pg_catalog.pg_namespace n where n.nspname = any (array["
				+ String.join(", ", scope.schemas().stream().map(SqlLiterals::string).toList()) + "]::text[])";
		String relations = "select c.oid::regclass from pg_catalog.pg_class c where c.oid in ("
				+ SchemaObjects.of("pg_class", schemas) + ") and c.relnamespace in (" + schemas
				+ ") and c.relkind in ('r', 'p', 'v')";
		return "do $strata$ declare r regclass[] := array(" + relations + "); begin if cardinality(r) > " + maxRelations
				+ " then raise exception 'more than " + maxRelations
				+ " tables and views to lock' using errcode = '54000'; end if; if cardinality(r) > 0 then"
				+ " execute 'lock table ' || array_to_string(r, ', ') || ' in access share mode'; end if;"
				+ " end $strata$";
	}

	/** A snapshot {@link #begin} fixed; write it exactly once. */
	public final class Begun {

		private final PinnedSession.Begun transaction;

		private Begun(PinnedSession.Begun transaction) {
			this.transaction = transaction;
		}

		/** Stores the snapshot, as {@link SnapshotStore#write} does, and commits. */
		public SnapshotInfo write(SnapshotScope scope, String reason) throws SQLException {
			return this.transaction.finish((c) -> store(c, scope, reason));
		}

	}

	private SnapshotInfo store(Connection c, SnapshotScope scope, String reason) throws SQLException {
		try (Statement statement = c.createStatement()) {
			// No primary key: the catalog query yields each (kind, identity) once
			// (tested), and maintaining a unique index cost a third of the snapshot's
			// time. Reads are a scan or a join over all rows anyway.
			statement.execute("create table if not exists " + this.qualifiedName + " ("
					+ "kind text collate \"C\" not null, " + "identity text collate \"C\" not null, "
					+ "definition text not null, " + "hash text not null, " + "taken_at timestamptz not null, "
					+ "server_version_num integer not null)");
			statement.execute("delete from " + this.qualifiedName);
		}
		String header = String.join("\n", "reason: " + Definition.escape(reason),
				"format: " + CatalogQuery.FORMAT_VERSION,
				"schemas: " + Definition.escape(SnapshotInfo.schemaList(scope.schemas())));
		// One statement stores the objects and, from what the insert returns, the
		// header with the hash per kind: the stored rows are never read back.
		String columns = " (kind, identity, definition, hash, taken_at, server_version_num) ";
		try (PreparedStatement insert = c.prepareStatement(CatalogQuery.objects(scope.allKinds().kinds())
				+ ", stored as (insert into " + this.qualifiedName + columns + "select kind, identity, definition, "
				+ OBJECT_HASH
				+ ", now(), current_setting('server_version_num')::integer from obj returning kind, identity, hash),"
				+ " kinds as (select kind, " + KIND_HASH + " as hash, count(*) as objects from stored group by kind)"
				+ " insert into " + this.qualifiedName + columns
				+ "select ?, '', ? || E'\\nobjects: ' || coalesce(sum(objects), 0) || coalesce(string_agg(E'\\n"
				+ KIND_HASH_KEY + "' || kind || ': ' || hash, '' order by kind collate \"C\"), ''), " + TOTAL_HASH
				+ ", now(), current_setting('server_version_num')::integer from kinds"
				+ " returning definition, hash, taken_at, server_version_num")) {
			List<Object> parameters = new ArrayList<>(CatalogQuery.parameters(scope));
			parameters.add(HEADER_KIND);
			parameters.add(header);
			bind(insert, parameters);
			try (ResultSet rs = insert.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("the snapshot header was not written");
				}
				return header(rs).info();
			}
		}
	}

	/**
	 * The stored header.
	 *
	 * @param info what the report shows
	 * @param kindHashes the hash of each stored kind, by label; a kind without objects
	 * has none
	 */
	record Header(SnapshotInfo info, Map<String, String> kindHashes) {
	}

	/** The stored header, or {@code null} when there is none. The table must exist. */
	@Nullable Header readHeader(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select definition, hash, taken_at,"
				+ " server_version_num from " + this.qualifiedName + " where kind = ? and identity = ''")) {
			statement.setString(1, HEADER_KIND);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return header(rs);
			}
		}
	}

	/** The header in a row of {@code definition, hash, taken_at, server_version_num}. */
	private static Header header(ResultSet rs) throws SQLException {
		Map<String, String> header = Definition.parse(rs.getString(1));
		Map<String, String> kindHashes = new HashMap<>();
		header.forEach((key, value) -> {
			if (key.startsWith(KIND_HASH_KEY)) {
				kindHashes.put(key.substring(KIND_HASH_KEY.length()), value);
			}
		});
		SnapshotInfo info = new SnapshotInfo(rs.getTimestamp(3).toInstant(), rs.getInt(4),
				Integer.parseInt(header.getOrDefault("format", "0")), header.getOrDefault("reason", ""),
				header.getOrDefault("schemas", ""), Integer.parseInt(header.getOrDefault("objects", "0")),
				rs.getString(2));
		return new Header(info, Map.copyOf(kindHashes));
	}

	/** Drops the snapshot table, so that the next migrate takes a new snapshot. */
	public void discard(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table if exists " + this.qualifiedName);
		}
	}

	static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
		for (int i = 0; i < parameters.size(); i++) {
			Object value = parameters.get(i);
			if (value instanceof String[] array) {
				statement.setArray(i + 1, statement.getConnection().createArrayOf("text", array));
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

}
