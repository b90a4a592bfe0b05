package dev.strata.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;

/**
 * Reads and writes the history table on a given connection. Writes happen under the
 * migration lock; the caller decides the transaction.
 */
public final class SchemaHistory {

	/** The default table name. */
	public static final String DEFAULT_TABLE = "strata_schema_history";

	/** The oid of schema {@code s.name}, for {@link #OTHER_OBJECTS}. */
	private static final String SCHEMA_OF_S = "select o.oid from pg_catalog.pg_namespace o where o.nspname = s.name";

	/**
	 * Counts the tables, views and sequences in schema {@code s.name} that are neither
	 * Strata's own (the history and the tables named after it) nor an extension's. Three
	 * parameters, each the history table's name; {@code s.name} is left to the query it
	 * is folded into.
	 */
	public static final String OTHER_OBJECTS = "select count(*) from pg_catalog.pg_class c where c.oid in ("
			+ SchemaObjects.of("pg_class", SCHEMA_OF_S) + ") and c.relnamespace = (" + SCHEMA_OF_S + """
					)
					and c.relname <> ? and left(c.relname, length(?) + 1) <> ? || '_'
					and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
					and not exists (select 1 from pg_catalog.pg_depend d
					                where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid
					                  and d.deptype = 'e')""";

	private final Connection connection;

	private final String schema;

	private final String table;

	private final String qualifiedName;

	/**
	 * What a row says, hashed on the server from its own columns. Every write by Strata
	 * signs the row again; a row whose signature no longer matches was changed by someone
	 * else. Times go in as epoch seconds, so the session's TimeZone and DateStyle do not
	 * change the text.
	 */
	private static final String COLUMNS = "installed_rank, version, description, type, script, checksum,"
			+ " installed_by, installed_on, execution_time_ms, success, transactional, statements_run,"
			+ " statements_total, sql_checksum";

	/**
	 * The columns every history table has, its signature as stored among them: what each
	 * branch of {@link #readAll}'s union reads.
	 */
	private static final String STORED_COLUMNS = COLUMNS + ", signature";

	private static final String SIGNED_COLUMNS = "installed_rank, coalesce(version, ''), description,"
			+ " type, script, coalesce(checksum::text, ''), coalesce(sql_checksum::text, ''), installed_by,"
			+ " extract(epoch from installed_on), success, transactional, statements_run, statements_total";

	/** The signature of a table created before {@code statement_in_flight} existed. */
	private static final String SIGNATURE_WITHOUT_IN_FLIGHT = "md5(concat_ws('|', " + SIGNED_COLUMNS + "))";

	/**
	 * {@code statement_in_flight} is signed too (a hand-edited one must not make Strata
	 * resume or refuse), as the last argument of {@code concat_ws}, which skips nulls: a
	 * row without a statement in flight, every row written before the column existed
	 * among them, keeps its signature.
	 */
	private static final String SIGNATURE_WITH_IN_FLIGHT = "md5(concat_ws('|', " + SIGNED_COLUMNS
			+ ", statement_in_flight))";

	/**
	 * The column that records which statement of a non-transactional migration was sent
	 * last (1-based).
	 */
	private static final String IN_FLIGHT = "statement_in_flight";

	/** The checksum of a versioned migration's undo file, recorded as it is applied. */
	private static final String UNDO_CHECKSUM = "undo_checksum";

	/**
	 * Set on a versioned migration's row when an undo reverts it: from then on the row is
	 * history, not what is applied, and the unique index lets the version be applied
	 * again.
	 */
	private static final String UNDONE = "undone";

	/**
	 * Whether the table has {@code statement_in_flight} (or does not exist yet); see
	 * {@link #upgrade()}.
	 */
	private boolean inFlightColumn;

	/**
	 * Whether the table has {@code undo_checksum} and {@code undone} (or does not exist
	 * yet); the current unique index implies them.
	 */
	private boolean undoColumns;

	/**
	 * Whether the table has the unique index on successful versions (or does not exist
	 * yet).
	 */
	private boolean uniqueIndex;

	/** A history table of the current shape, or one that does not exist yet. */
	public SchemaHistory(Connection connection, String schema, String table) {
		this(connection, schema, table, true, true);
	}

	/**
	 * A history table whose shape was read from the catalog
	 * ({@link #inFlightColumnTest()}, {@link #uniqueIndexTest()}); {@link #upgrade()}
	 * brings an older one to the current shape.
	 * @param inFlightColumn whether it has {@code statement_in_flight}
	 * @param uniqueIndex whether it has the unique index on successful versions
	 */
	public SchemaHistory(Connection connection, String schema, String table, boolean inFlightColumn,
			boolean uniqueIndex) {
		this.connection = connection;
		this.schema = schema;
		this.table = table;
		this.qualifiedName = Identifiers.quote(schema) + "." + Identifiers.quote(table);
		this.inFlightColumn = inFlightColumn;
		this.uniqueIndex = uniqueIndex;
		this.undoColumns = uniqueIndex;
	}

	/**
	 * Whether the table has {@code statement_in_flight}, as an SQL boolean expression
	 * over a {@code pg_class} row aliased {@code c}. Meant to be folded into a query that
	 * runs anyway, so that knowing costs no round trip.
	 */
	public static String inFlightColumnTest() {
		return "exists (select 1 from " + inFlightColumn() + ")";
	}

	/**
	 * The rows that make {@link #inFlightColumnTest()} true: a {@code from} clause and
	 * its condition, for a query that probes many tables at once.
	 */
	public static String inFlightColumn() {
		return "pg_catalog.pg_attribute a where a.attrelid = c.oid and a.attname = '" + IN_FLIGHT
				+ "' and not a.attisdropped";
	}

	/**
	 * Whether the table has the current unique partial index on successful versions (the
	 * one that leaves undone rows out), as {@link #inFlightColumnTest()}.
	 */
	public static String uniqueIndexTest() {
		return "exists (select 1 from " + uniqueIndex() + ")";
	}

	/**
	 * The rows that make {@link #uniqueIndexTest()} true, as {@link #inFlightColumn()}.
	 */
	public static String uniqueIndex() {
		return "pg_catalog.pg_index i where i.indrelid = c.oid and i.indisunique and i.indpred is not null"
				+ " and pg_catalog.pg_get_expr(i.indpred, i.indrelid) like '%" + UNDONE + "%'";
	}

	/** Whether the table has every column and index this version of Strata writes. */
	public boolean isCurrent() {
		return this.inFlightColumn && this.uniqueIndex;
	}

	private String signature() {
		return this.inFlightColumn ? SIGNATURE_WITH_IN_FLIGHT : SIGNATURE_WITHOUT_IN_FLIGHT;
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

	/** Creates the schema (if missing) and the table (if missing). */
	public void create() throws SQLException {
		create(schemaExists());
	}

	/**
	 * Creates the table (if missing), and the schema too unless {@code schemaExists}: one
	 * round trip.
	 */
	public void create(boolean schemaExists) throws SQLException {
		// The schema only when missing: even "if not exists" needs CREATE on the
		// database, a right a migration role often lacks.
		String schema = schemaExists ? "" : "create schema if not exists " + Identifiers.quote(this.schema) + "; ";
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(schema + "create table if not exists " + this.qualifiedName + " ("
					+ "installed_rank integer not null primary key, " + "version varchar(50), "
					+ "description varchar(200) not null, " + "type varchar(20) not null, "
					+ "script varchar(1000) not null, " + "checksum integer, " + "installed_by varchar(100) not null, "
					+ "installed_on timestamptz not null default now(), " + "execution_time_ms integer not null, "
					+ "success boolean not null, " + "transactional boolean not null default true, "
					+ "statements_run integer not null default 0, " + "statements_total integer not null default 0, "
					+ "sql_checksum integer, " + "signature varchar(32), " + IN_FLIGHT + " integer, " + UNDO_CHECKSUM
					+ " integer, " + UNDONE + " boolean not null default false); " + createUniqueSuccessIndex());
		}
		this.inFlightColumn = true;
		this.uniqueIndex = true;
		this.undoColumns = true;
	}

	/**
	 * The history's last line of defence: whatever happens to the lock, the table refuses
	 * a second successful row for one version. Failed rows stay out of it (a failed row
	 * is followed by a successful one once repaired), as do repeatable rows (no version);
	 * a baseline counts, as its version is applied. An undo's row and the row it reverted
	 * ({@code undone}) stay out too, so that a version can be applied, undone and applied
	 * again. A non-transactional migration's row is written as unsuccessful and set to
	 * successful at the end, which is when a duplicate would be refused.
	 */
	private String createUniqueSuccessIndex() {
		return "create unique index if not exists " + Identifiers.quote(uniqueIndexName()) + " on " + this.qualifiedName
				+ " (version) where " + COUNTED;
	}

	/** The rows the unique index holds: each version applied once. */
	private static final String COUNTED = "success and version is not null and not " + UNDONE + " and type <> '"
			+ HistoryType.UNDO_SQL.name() + "'";

	private String uniqueIndexName() {
		String name = this.table + "_success_version";
		// PostgreSQL cuts names at 63 bytes; cut the table's part so the suffix stays
		// readable.
		while (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 63) {
			name = name.substring(0, name.length() - "_success_version".length() - 1) + "_success_version";
		}
		return name;
	}

	/**
	 * Brings a table written by an older Strata to the current shape: adds
	 * {@code statement_in_flight}, {@code undo_checksum} and {@code undone}, and the
	 * unique index on successful versions (replacing an older one). Runs only under the
	 * migration lock and only when {@link #isCurrent()} says it is needed. A table that
	 * already holds two successful rows for a version (written before the index existed)
	 * keeps working without the index, and every run says which versions to look at,
	 * rather than failing start-up over rows nobody can fix from here.
	 * @return the versions with more than one successful row, empty when the index was
	 * created
	 */
	public List<String> upgrade() throws SQLException {
		if (isCurrent()) {
			return List.of();
		}
		List<String> duplicates = new ArrayList<>();
		try (Statement statement = this.connection.createStatement()) {
			if (!this.inFlightColumn) {
				statement.execute(
						"alter table " + this.qualifiedName + " add column if not exists " + IN_FLIGHT + " integer");
				this.inFlightColumn = true;
			}
			if (!this.undoColumns) {
				statement.execute("alter table " + this.qualifiedName + " add column if not exists " + UNDO_CHECKSUM
						+ " integer, add column if not exists " + UNDONE + " boolean not null default false");
				this.undoColumns = true;
				// The index of an older Strata counts undone rows; it is made again
				// below.
				statement.execute("drop index if exists " + Identifiers.quote(this.schema) + "."
						+ Identifiers.quote(uniqueIndexName()));
			}
			try (ResultSet rs = statement.executeQuery("select version from " + this.qualifiedName + " where " + COUNTED
					+ " group by version having count(*) > 1 order by 1")) {
				while (rs.next()) {
					duplicates.add(rs.getString(1));
				}
			}
			if (duplicates.isEmpty()) {
				statement.execute(createUniqueSuccessIndex());
				this.uniqueIndex = true;
			}
		}
		return duplicates;
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
				ResultSet rs = statement.executeQuery("select " + rowColumns(this.inFlightColumn, this.undoColumns)
						+ " from " + this.qualifiedName + " order by installed_rank")) {
			while (rs.next()) {
				rows.add(row(rs, 1));
			}
		}
		return rows;
	}

	/**
	 * The rows of several history tables in one round trip, each table's in installation
	 * order: a fleet's restart reads every tenant's history at once, rather than one
	 * query per tenant.
	 * <p>
	 * Each branch of the {@code UNION ALL} only reads its table's stored columns (a
	 * column an older table lacks as a null, which is what the signature skips); the
	 * signature is recomputed once above the union, and the rows are put in order here
	 * rather than by an {@code ORDER BY}. Per branch, an expression costs planning time,
	 * and a sort over hundreds of tables invites a parallel plan whose workers open every
	 * table again from a cold cache: together they made a 500-table read cost about ten
	 * times the plain read.
	 * @param tables the tables, each known to exist
	 * @return each table's rows, in the order the tables were given
	 */
	public static List<List<AppliedMigration>> readAll(Connection connection, List<Table> tables) throws SQLException {
		List<List<AppliedMigration>> rows = new ArrayList<>(tables.size());
		if (tables.isEmpty()) {
			return rows;
		}
		StringBuilder union = new StringBuilder();
		for (int i = 0; i < tables.size(); i++) {
			Table table = tables.get(i);
			rows.add(new ArrayList<>());
			union.append((i > 0) ? " union all " : "")
				.append("select ")
				.append(i)
				.append(", ")
				.append(STORED_COLUMNS)
				.append(", ")
				.append(table.inFlightColumn() ? IN_FLIGHT : "null::integer")
				.append(", ")
				.append(table.undoColumns() ? UNDO_CHECKSUM : "null::integer")
				.append(" from ")
				.append(Identifiers.quote(table.schema()))
				.append('.')
				.append(Identifiers.quote(table.table()));
		}
		String sql = "select strata_table, " + rowColumns(true, true) + " from (" + union + ") h(strata_table, "
				+ STORED_COLUMNS + ", " + IN_FLIGHT + ", " + UNDO_CHECKSUM + ")";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.get(rs.getInt(1)).add(row(rs, 2));
			}
		}
		for (List<AppliedMigration> table : rows) {
			table.sort(Comparator.comparingInt(AppliedMigration::installedRank));
		}
		return rows;
	}

	/**
	 * A history table to read with {@link #readAll}.
	 *
	 * @param inFlightColumn whether it has {@code statement_in_flight} (see
	 * {@link #inFlightColumnTest()})
	 * @param undoColumns whether it has {@code undo_checksum} (see
	 * {@link #uniqueIndexTest()}, which implies it)
	 */
	public record Table(String schema, String table, boolean inFlightColumn, boolean undoColumns) {
	}

	private static String rowColumns(boolean inFlightColumn, boolean undoColumns) {
		return "installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
				+ " execution_time_ms, success, transactional, statements_run, statements_total, sql_checksum,"
				+ " coalesce(signature = " + (inFlightColumn ? SIGNATURE_WITH_IN_FLIGHT : SIGNATURE_WITHOUT_IN_FLIGHT)
				+ ", false), " + (inFlightColumn ? IN_FLIGHT : "null::integer") + ", "
				+ (undoColumns ? UNDO_CHECKSUM : "null::integer");
	}

	/** The row whose {@link #rowColumns} start at column {@code first}. */
	private static AppliedMigration row(ResultSet rs, int first) throws SQLException {
		int at = first - 1;
		int checksum = rs.getInt(at + 6);
		Integer nullableChecksum = rs.wasNull() ? null : checksum;
		int sqlChecksum = rs.getInt(at + 14);
		Integer nullableSqlChecksum = rs.wasNull() ? null : sqlChecksum;
		int inFlight = rs.getInt(at + 16);
		Integer nullableInFlight = rs.wasNull() ? null : inFlight;
		int undoChecksum = rs.getInt(at + 17);
		Integer nullableUndoChecksum = rs.wasNull() ? null : undoChecksum;
		return new AppliedMigration(rs.getInt(at + 1), rs.getString(at + 2), rs.getString(at + 3),
				HistoryType.valueOf(rs.getString(at + 4)), rs.getString(at + 5), nullableChecksum, rs.getString(at + 7),
				rs.getTimestamp(at + 8).toInstant(), rs.getInt(at + 9), rs.getBoolean(at + 10), rs.getBoolean(at + 11),
				rs.getInt(at + 12), rs.getInt(at + 13), nullableSqlChecksum, rs.getBoolean(at + 15), nullableInFlight,
				nullableUndoChecksum);
	}

	/**
	 * Appends a row and returns its rank.
	 * @param entry what to record
	 */
	public int append(NewEntry entry) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("insert into " + this.qualifiedName
				+ " (installed_rank, version, description, type, script, checksum, installed_by, execution_time_ms,"
				+ " success, transactional, statements_run, statements_total, sql_checksum"
				+ (this.undoColumns ? ", " + UNDO_CHECKSUM : "") + ")"
				+ " select coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, ?, ?, ?, ?, ?, ?"
				+ (this.undoColumns ? ", " + SqlLiterals.integer(entry.undoChecksum()) + "::integer" : "") + " from "
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
				"update " + this.qualifiedName + " set signature = " + signature() + " where installed_rank = ?")) {
			statement.setInt(1, rank);
			statement.executeUpdate();
		}
	}

	/**
	 * Signs every row again (repair, once someone has reviewed the rows changed by hand).
	 */
	public void signAll() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.executeUpdate("update " + this.qualifiedName + " set signature = " + signature()
					+ " where signature is distinct from " + signature());
		}
	}

	/**
	 * The insert of a successful transactional migration's row as one SQL string, so it
	 * can travel in the same round trip as the migration's statements. The row is signed
	 * as it is written: the values are computed once in a subquery whose columns carry
	 * the table's names, so the same signature expression applies. Its execution time is
	 * taken on the server: the time since the transaction began.
	 * @param condition the row is written only if this holds (the migration lock's
	 * fence); {@code null} for always
	 */
	public String insertInTransaction(NewEntry entry, @Nullable String condition) {
		// No statement_in_flight: the current signature skips it when null, the old has
		// none.
		String insert = this.undoColumns ? undoing(entry)
				+ insert(entry, COLUMNS + ", " + UNDO_CHECKSUM, undoChecksumValue(entry), SIGNATURE_WITHOUT_IN_FLIGHT)
				: insert(entry, COLUMNS, "", SIGNATURE_WITHOUT_IN_FLIGHT);
		return (condition != null) ? insert + " where " + condition : insert;
	}

	private static String undoChecksumValue(NewEntry entry) {
		return ", " + SqlLiterals.integer(entry.undoChecksum()) + "::integer as " + UNDO_CHECKSUM;
	}

	/**
	 * For an undo's successful row, a {@code with} clause that marks the row it reverts
	 * as {@code undone} in the same statement; empty for any other row.
	 */
	private String undoing(NewEntry entry) {
		if (entry.type() != HistoryType.UNDO_SQL || !entry.success()) {
			return "";
		}
		return "with reverted as (update " + this.qualifiedName + " set " + UNDONE + " = true where " + COUNTED
				+ " and version = " + SqlLiterals.string(entry.version()) + " returning 1) ";
	}

	/**
	 * Appends the row of a non-transactional migration about to start, with its first
	 * statement already in flight, signed in the same statement: a process killed at any
	 * point leaves either no row or one that says, correctly, that the first statement
	 * may have started.
	 * @return the row's rank
	 */
	public int appendInFlight(NewEntry entry, int inFlight) throws SQLException {
		requireCurrent();
		String sql = insert(entry, COLUMNS + ", " + IN_FLIGHT + ", " + UNDO_CHECKSUM,
				", " + inFlight + " as " + IN_FLIGHT + undoChecksumValue(entry), SIGNATURE_WITH_IN_FLIGHT)
				+ " returning installed_rank";
		try (Statement statement = this.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private String insert(NewEntry entry, String columns, String extraValues, String signature) {
		return "insert into " + this.qualifiedName + " (" + columns + ", signature) select " + columns + ", "
				+ signature + " from (select coalesce(max(installed_rank), 0) + 1 as installed_rank, "
				+ SqlLiterals.string(entry.version()) + "::varchar as version, "
				+ SqlLiterals.string(entry.description()) + "::varchar as description, "
				+ SqlLiterals.string(entry.type().name()) + "::varchar as type, " + SqlLiterals.string(entry.script())
				+ "::varchar as script, " + SqlLiterals.integer(entry.checksum()) + "::integer as checksum, "
				+ "current_user::varchar as installed_by, now() as installed_on, "
				+ "(extract(epoch from clock_timestamp() - now()) * 1000)::integer as execution_time_ms, "
				+ entry.success() + " as success, " + entry.transactional() + " as transactional, "
				+ entry.statementsRun() + " as statements_run, " + entry.statementsTotal() + " as statements_total, "
				+ SqlLiterals.integer(entry.sqlChecksum()) + "::integer as sql_checksum" + extraValues + " from "
				+ this.qualifiedName + ") row";
	}

	/**
	 * Records progress of a non-transactional migration, so a killed run leaves an honest
	 * row: {@code statementsRun} statements completed, and statement {@code inFlight}
	 * (1-based) is about to be sent, so its outcome is unknown until the next call
	 * ({@code null}: none is). Written before each statement starts, it is also the
	 * record that the previous one completed: one write per statement.
	 */
	public void recordProgress(int rank, int statementsRun, @Nullable Integer inFlight, int executionTimeMs,
			boolean success) throws SQLException {
		requireCurrent();
		// Both updates in one round trip and one implicit transaction (the extended
		// protocol's lasts
		// until Sync): a process killed in between never leaves a row that fails its
		// signature.
		// A non-transactional undo that completes marks the row it reverted in the same
		// round trip.
		try (PreparedStatement statement = this.connection.prepareStatement("update " + this.qualifiedName
				+ " set statements_run = ?, " + IN_FLIGHT + " = ?, execution_time_ms = ?, success = ?"
				+ " where installed_rank = ?; update " + this.qualifiedName + " set signature = " + signature()
				+ " where installed_rank = ?; update " + this.qualifiedName + " set " + UNDONE + " = true where "
				+ COUNTED + " and version = (select u.version from " + this.qualifiedName
				+ " u where u.installed_rank = ? and u.success and u.type = '" + HistoryType.UNDO_SQL.name() + "')")) {
			statement.setInt(1, statementsRun);
			if (inFlight != null) {
				statement.setInt(2, inFlight);
			}
			else {
				statement.setNull(2, Types.INTEGER);
			}
			statement.setInt(3, executionTimeMs);
			statement.setBoolean(4, success);
			statement.setInt(5, rank);
			statement.setInt(6, rank);
			statement.setInt(7, rank);
			statement.execute();
		}
	}

	/** Records progress of a non-transactional migration with no statement in flight. */
	public void recordProgress(int rank, int statementsRun, int executionTimeMs, boolean success) throws SQLException {
		recordProgress(rank, statementsRun, null, executionTimeMs, success);
	}

	private void requireCurrent() {
		if (!this.inFlightColumn || !this.undoColumns) {
			throw new IllegalStateException("The history table " + this.qualifiedName + " was not upgraded");
		}
	}

	/** Removes the rows of failed and interrupted migrations; returns how many. */
	public int deleteFailed() throws SQLException {
		return deleteFailed(List.of());
	}

	/**
	 * Removes the rows of failed and interrupted migrations but those of {@code keep}
	 * (ranks of interrupted migrations that resume by themselves); returns how many.
	 */
	public int deleteFailed(List<Integer> keep) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"delete from " + this.qualifiedName + " where not success and installed_rank <> all (?)")) {
			statement.setArray(1, this.connection.createArrayOf("integer", keep.toArray()));
			return statement.executeUpdate();
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
	 * Sets an applied migration's recorded undo checksum to its undo file's (repair).
	 * @param undoChecksum the undo file's checksum, {@code null} if it has none any more
	 */
	public void realignUndo(int rank, @Nullable Integer undoChecksum) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"update " + this.qualifiedName + " set " + UNDO_CHECKSUM + " = ? where installed_rank = ?")) {
			if (undoChecksum != null) {
				statement.setInt(1, undoChecksum);
			}
			else {
				statement.setNull(1, Types.INTEGER);
			}
			statement.setInt(2, rank);
			statement.executeUpdate();
		}
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
	 * @param sqlChecksum checksum of the file's SQL without comments and whitespace, to
	 * tell later whether an edit changed more than those
	 * @param undoChecksum checksum of the migration's undo file, {@code null} if it has
	 * none
	 */
	public record NewEntry(@Nullable String version, String description, HistoryType type, String script,
			@Nullable Integer checksum, int executionTimeMs, boolean success, boolean transactional, int statementsRun,
			int statementsTotal, @Nullable Integer sqlChecksum, @Nullable Integer undoChecksum) {

		/** A row of a migration without an undo file. */
		public NewEntry(@Nullable String version, String description, HistoryType type, String script,
				@Nullable Integer checksum, int executionTimeMs, boolean success, boolean transactional,
				int statementsRun, int statementsTotal, @Nullable Integer sqlChecksum) {
			this(version, description, type, script, checksum, executionTimeMs, success, transactional, statementsRun,
					statementsTotal, sqlChecksum, null);
		}

	}

}
