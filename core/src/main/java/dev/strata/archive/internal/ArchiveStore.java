package dev.strata.archive.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import org.jspecify.annotations.Nullable;

/**
 * The archive schema and its table of archives ({@code strata_archives}), created on
 * first use in the caller's transaction.
 */
public final class ArchiveStore {

	/** The table that records each archive, in the archive schema. */
	public static final String TABLE = "strata_archives";

	private static final String COLUMNS = "id, version, script, line, kind, schema_name, table_name, column_name,"
			+ " archive_table, key_columns, row_count, bytes, note, archived_at, restored_at";

	private final Connection connection;

	private final String schema;

	public ArchiveStore(Connection connection, String schema) {
		this.connection = connection;
		this.schema = schema;
	}

	/** The archive schema, quoted for SQL. */
	public String schema() {
		return Sql.identifier(this.schema);
	}

	/** The archive schema's name, as in the catalog. */
	public String schemaName() {
		return this.schema;
	}

	String table() {
		return schema() + "." + TABLE;
	}

	/** Creates the schema and the table of archives unless they exist. */
	public void create() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create schema if not exists " + schema());
			statement.execute("create table if not exists " + table() + " ("
					+ "id bigint generated always as identity primary key, version text, script text not null,"
					+ " line integer not null, kind text not null, schema_name text not null, table_name text,"
					+ " column_name text, archive_table text, key_columns text[] not null default '{}',"
					+ " renamed text[] not null default '{}', row_count bigint not null default 0,"
					+ " bytes bigint not null default 0, note text not null default '',"
					+ " archived_at timestamptz not null default now(), restored_at timestamptz)");
		}
	}

	/** Whether the table of archives exists, so that reading it makes sense. */
	public boolean exists() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("select to_regclass(?) is not null")) {
			statement.setString(1, table());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * A new archive.
	 *
	 * @param renamed pairs of relation names the archive renamed (the name in the archive
	 * schema, then the original), for restore to put back
	 */
	public record NewArchive(@Nullable String version, String script, int line, ArchiveKind kind, String schema,
			@Nullable String table, @Nullable String column, @Nullable String archiveTable, List<String> keyColumns,
			List<String> renamed, long rows, String note) {
	}

	/** Records an archive, with the archive table's size; returns its id. */
	public long record(NewArchive archive) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("insert into " + table()
				+ " (version, script, line, kind, schema_name, table_name, column_name, archive_table, key_columns,"
				+ " renamed, row_count, bytes, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " coalesce(pg_total_relation_size(to_regclass(?)), 0), ?) returning id")) {
			statement.setString(1, archive.version());
			statement.setString(2, archive.script());
			statement.setInt(3, archive.line());
			statement.setString(4, archive.kind().name());
			statement.setString(5, archive.schema());
			statement.setString(6, archive.table());
			statement.setString(7, archive.column());
			statement.setString(8, archive.archiveTable());
			statement.setArray(9, this.connection.createArrayOf("text", archive.keyColumns().toArray()));
			statement.setArray(10, this.connection.createArrayOf("text", archive.renamed().toArray()));
			statement.setLong(11, archive.rows());
			statement.setString(12,
					(archive.archiveTable() != null) ? schema() + "." + Sql.identifier(archive.archiveTable()) : null);
			statement.setString(13, archive.note());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** Every archive, oldest first; none when the table does not exist. */
	public List<ArchiveEntry> list() throws SQLException {
		if (!exists()) {
			return List.of();
		}
		List<ArchiveEntry> entries = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("select " + COLUMNS + " from " + table() + " order by id")) {
			while (rs.next()) {
				entries.add(entry(rs));
			}
		}
		return entries;
	}

	/** One archive, {@code null} when there is none with this id. */
	public @Nullable ArchiveEntry find(long id) throws SQLException {
		if (!exists()) {
			return null;
		}
		try (PreparedStatement statement = this.connection
			.prepareStatement("select " + COLUMNS + " from " + table() + " where id = ? for update")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? entry(rs) : null;
			}
		}
	}

	/** The names a {@link ArchiveKind#DROPPED_TABLE} archive renamed, in pairs. */
	public List<String> renamed(long id) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("select renamed from " + table() + " where id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? strings(rs.getArray(1)) : List.of();
			}
		}
	}

	public void markRestored(long id) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("update " + table() + " set restored_at = now() where id = ?")) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
	}

	/** Removes an archive's record. */
	public void delete(long id) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("delete from " + table() + " where id = ?")) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
	}

	private static ArchiveEntry entry(ResultSet rs) throws SQLException {
		Timestamp restored = rs.getTimestamp(15);
		return new ArchiveEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				ArchiveKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), strings(rs.getArray(10)), rs.getLong(11), rs.getLong(12), rs.getString(13),
				rs.getTimestamp(14).toInstant(), (restored != null) ? restored.toInstant() : null);
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

}
