package dev.strata.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the history table on a given connection. Writes happen under the migration
 * lock; the caller decides the transaction.
 */
public final class SchemaHistory {

	/** The default table name. */
	public static final String DEFAULT_TABLE = "strata_schema_history";

	private final Connection connection;

	private final String schema;

	private final String table;

	private final String qualifiedName;

	/**
	 * What a row says, hashed on the server from its own columns. Every write by Strata signs the
	 * row again; a row whose signature no longer matches was changed by someone else. Times go in
	 * as epoch seconds, so the session's TimeZone and DateStyle do not change the text.
	 */
	private static final String COLUMNS = "installed_rank, version, description, type, script, checksum,"
			+ " installed_by, installed_on, execution_time_ms, success, transactional, statements_run,"
			+ " statements_total, sql_checksum";

	private static final String SIGNATURE = "md5(concat_ws('|', installed_rank, coalesce(version, ''), description,"
			+ " type, script, coalesce(checksum::text, ''), coalesce(sql_checksum::text, ''), installed_by,"
			+ " extract(epoch from installed_on), success, transactional, statements_run, statements_total))";

	public SchemaHistory(Connection connection, String schema, String table) {
		this.connection = connection;
		this.schema = schema;
		this.table = table;
		this.qualifiedName = Identifiers.quote(schema) + "." + Identifiers.quote(table);
	}

	public String schema() {
		return this.schema;
	}

	public String table() {
		return this.table;
	}

	/** {@code "schema"."table"}, quoted for SQL. */
	public String qualifiedName() {
		return this.qualifiedName;
	}

	/** Whether the table exists in the target schema. */
	public boolean exists() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("""
				select 1 from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relname = ? and c.relkind in ('r', 'p')""")) {
			statement.setString(1, this.schema);
			statement.setString(2, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/** Other schemas of this database that hold a table with the history table's name. */
	public List<String> schemasElsewhereWithTable() throws SQLException {
		List<String> schemas = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement("""
				select n.nspname from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				where c.relname = ? and n.nspname <> ? and c.relkind in ('r', 'p') order by 1""")) {
			statement.setString(1, this.table);
			statement.setString(2, this.schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
		}
		return schemas;
	}

	/**
	 * The number of tables, views and sequences in the target schema that are not Strata's own
	 * (the history and the tables named after it, such as its schema snapshot) nor an extension's.
	 */
	public int countOtherObjects() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("""
				select count(*) from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ? and c.relname <> ? and left(c.relname, length(?) + 1) <> ? || '_'
				and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
				and not exists (select 1 from pg_catalog.pg_depend d
				                where d.objid = c.oid and d.deptype = 'e')""")) {
			statement.setString(1, this.schema);
			statement.setString(2, this.table);
			statement.setString(3, this.table);
			statement.setString(4, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	/** Creates the schema (if missing) and the table (if missing). */
	public void create() throws SQLException {
		if (!schemaExists()) {
			// Only when missing: even "if not exists" needs CREATE on the database, a right a migration role often lacks.
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("create schema if not exists " + Identifiers.quote(this.schema));
			}
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("create table if not exists " + this.qualifiedName + " ("
					+ "installed_rank integer not null primary key, "
					+ "version varchar(50), "
					+ "description varchar(200) not null, "
					+ "type varchar(20) not null, "
					+ "script varchar(1000) not null, "
					+ "checksum integer, "
					+ "installed_by varchar(100) not null, "
					+ "installed_on timestamptz not null default now(), "
					+ "execution_time_ms integer not null, "
					+ "success boolean not null, "
					+ "transactional boolean not null default true, "
					+ "statements_run integer not null default 0, "
					+ "statements_total integer not null default 0, "
					+ "sql_checksum integer, "
					+ "signature varchar(32))");
		}
	}

	private boolean schemaExists() throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("select 1 from pg_catalog.pg_namespace where nspname = ?")) {
			statement.setString(1, this.schema);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/** Every row, in installation order. */
	public List<AppliedMigration> read() throws SQLException {
		List<AppliedMigration> rows = new ArrayList<>();
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery("select installed_rank, version, description, type, script,"
						+ " checksum, installed_by, installed_on, execution_time_ms, success, transactional,"
						+ " statements_run, statements_total, sql_checksum, coalesce(signature = " + SIGNATURE
						+ ", false) from " + this.qualifiedName + " order by installed_rank")) {
			while (rs.next()) {
				int checksum = rs.getInt(6);
				Integer nullableChecksum = rs.wasNull() ? null : checksum;
				int sqlChecksum = rs.getInt(14);
				Integer nullableSqlChecksum = rs.wasNull() ? null : sqlChecksum;
				rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3),
						HistoryType.valueOf(rs.getString(4)), rs.getString(5), nullableChecksum, rs.getString(7),
						rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getBoolean(10), rs.getBoolean(11),
						rs.getInt(12), rs.getInt(13), nullableSqlChecksum, rs.getBoolean(15)));
			}
		}
		return rows;
	}

	/**
	 * Appends a row and returns its rank.
	 * @param entry what to record
	 */
	public int append(NewEntry entry) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("insert into " + this.qualifiedName
				+ " (installed_rank, version, description, type, script, checksum, installed_by, execution_time_ms,"
				+ " success, transactional, statements_run, statements_total, sql_checksum)"
				+ " select coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, ?, ?, ?, ?, ?, ? from "
				+ this.qualifiedName + " returning installed_rank")) {
			statement.setString(1, entry.version());
			statement.setString(2, entry.description());
			statement.setString(3, entry.type().name());
			statement.setString(4, entry.script());
			if (entry.checksum() != null) {
				statement.setInt(5, entry.checksum());
			}
			else {
				statement.setNull(5, Types.INTEGER);
			}
			statement.setInt(6, entry.executionTimeMs());
			statement.setBoolean(7, entry.success());
			statement.setBoolean(8, entry.transactional());
			statement.setInt(9, entry.statementsRun());
			statement.setInt(10, entry.statementsTotal());
			if (entry.sqlChecksum() != null) {
				statement.setInt(11, entry.sqlChecksum());
			}
			else {
				statement.setNull(11, Types.INTEGER);
			}
			int rank;
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				rank = rs.getInt(1);
			}
			sign(rank);
			return rank;
		}
	}

	/** Signs one row again, after Strata changed it. */
	private void sign(int rank) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"update " + this.qualifiedName + " set signature = " + SIGNATURE + " where installed_rank = ?")) {
			statement.setInt(1, rank);
			statement.executeUpdate();
		}
	}

	/** Signs every row again (repair, once someone has reviewed the rows changed by hand). */
	public void signAll() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.executeUpdate("update " + this.qualifiedName + " set signature = " + SIGNATURE
					+ " where signature is distinct from " + SIGNATURE);
		}
	}

	/**
	 * The insert of a successful transactional migration's row as one SQL string, so it can travel
	 * in the same round trip as the migration's statements. The row is signed as it is written: the
	 * values are computed once in a subquery whose columns carry the table's names, so the same
	 * signature expression applies. Its execution time is taken on the server: the time since the
	 * transaction began.
	 */
	public String insertInTransaction(NewEntry entry) {
		return "insert into " + this.qualifiedName + " (" + COLUMNS + ", signature) select " + COLUMNS + ", "
				+ SIGNATURE + " from (select coalesce(max(installed_rank), 0) + 1 as installed_rank, "
				+ SqlLiterals.string(entry.version()) + "::varchar as version, "
				+ SqlLiterals.string(entry.description()) + "::varchar as description, "
				+ SqlLiterals.string(entry.type().name()) + "::varchar as type, "
				+ SqlLiterals.string(entry.script()) + "::varchar as script, "
				+ SqlLiterals.integer(entry.checksum()) + "::integer as checksum, "
				+ "current_user::varchar as installed_by, now() as installed_on, "
				+ "(extract(epoch from clock_timestamp() - now()) * 1000)::integer as execution_time_ms, "
				+ entry.success() + " as success, " + entry.transactional() + " as transactional, "
				+ entry.statementsRun() + " as statements_run, " + entry.statementsTotal() + " as statements_total, "
				+ SqlLiterals.integer(entry.sqlChecksum()) + "::integer as sql_checksum from " + this.qualifiedName
				+ ") row";
	}

	/** Records progress of a non-transactional migration, so a killed run leaves an honest row. */
	public void recordProgress(int rank, int statementsRun, int executionTimeMs, boolean success) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("update " + this.qualifiedName
				+ " set statements_run = ?, execution_time_ms = ?, success = ? where installed_rank = ?")) {
			statement.setInt(1, statementsRun);
			statement.setInt(2, executionTimeMs);
			statement.setBoolean(3, success);
			statement.setInt(4, rank);
			statement.executeUpdate();
		}
		sign(rank);
	}

	/** Removes the rows of failed migrations; returns how many. */
	public int deleteFailed() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			return statement.executeUpdate("delete from " + this.qualifiedName + " where not success");
		}
	}

	/** Sets a row's checksum and description to the file's (repair). */
	public void realign(int rank, int checksum, String description) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"update " + this.qualifiedName + " set checksum = ?, description = ? where installed_rank = ?")) {
			statement.setInt(1, checksum);
			statement.setString(2, description);
			statement.setInt(3, rank);
			statement.executeUpdate();
		}
		sign(rank);
	}

	/**
	 * A row to append.
	 *
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description
	 * @param type the type
	 * @param script the script
	 * @param checksum the checksum, {@code null} for a baseline
	 * @param executionTimeMs duration
	 * @param success whether it completed
	 * @param transactional whether it ran in one transaction
	 * @param statementsRun statements completed
	 * @param statementsTotal statements in the file
	 * @param sqlChecksum checksum of the file's SQL without comments and whitespace, to tell later
	 *     whether an edit changed more than those
	 */
	public record NewEntry(@Nullable String version, String description, HistoryType type, String script,
			@Nullable Integer checksum, int executionTimeMs, boolean success, boolean transactional,
			int statementsRun, int statementsTotal, @Nullable Integer sqlChecksum) {
	}

}
