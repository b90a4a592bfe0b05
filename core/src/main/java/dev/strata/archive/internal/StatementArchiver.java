package dev.strata.archive.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.strata.archive.ArchiveKind;
import dev.strata.archive.ArchiveRefusedException;
import dev.strata.archive.ArchiveSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what one destructive statement is about to remove, on the migration's connection
 * and in its transaction, and records it. A {@code DROP TABLE} is replaced: the table is
 * moved into the archive schema instead of dropped.
 */
final class StatementArchiver {

	private static final Logger logger = LoggerFactory.getLogger(StatementArchiver.class);

	private static final int MAX_NAME_BYTES = 63;

	/** Up to this size a moved table's rows are counted; beyond it, estimated. */
	private static final long COUNTED_BYTES = 64L * 1024 * 1024;

	private final Connection connection;

	private final ArchiveSettings settings;

	private final ArchiveStore store;

	private final Catalog catalog;

	private final Origin origin;

	/**
	 * Where the statement comes from.
	 *
	 * @param version the migration's version, {@code null} for a repeatable one
	 * @param script its script
	 * @param line the statement's line
	 * @param display the migration's display name and the line, for messages
	 */
	record Origin(@Nullable String version, String script, int line, String display) {

		/** The prefix of archive names: {@code v12__}, {@code v1_2__}, {@code r__}. */
		String prefix() {
			return (this.version != null) ? "v" + this.version.replaceAll("[^0-9A-Za-z]", "_") + "__" : "r__";
		}

	}

	StatementArchiver(Connection connection, ArchiveSettings settings, Origin origin) {
		this.connection = connection;
		this.settings = settings;
		this.store = new ArchiveStore(connection, settings.schema());
		this.catalog = new Catalog(connection);
		this.origin = origin;
	}

	/**
	 * Archives what the statement removes.
	 * @return whether the statement itself must still run ({@code false} when the archive
	 * did its work, as for a table moved instead of dropped)
	 */
	boolean archive(DestructiveStatement statement, String rules) throws SQLException {
		return switch (statement.kind()) {
			case DROP_TABLE -> dropTable(statement);
			case DROP_SCHEMA -> dropSchema(statement, rules);
			case DROP_COLUMN -> dropColumns(statement);
			case TRUNCATE -> truncate(statement);
			case DELETE -> rows(statement, ArchiveKind.DELETED_ROWS);
			case UPDATE -> rows(statement, ArchiveKind.UPDATED_ROWS);
			case OTHER -> notArchived(rules);
		};
	}

	/** Records that what a statement removes could not be kept, and says so. */
	boolean notArchived(String rules) throws SQLException {
		String note = rules + ": not archived: Strata keeps dropped tables and columns and removed rows; what this"
				+ " statement removes cannot be kept";
		this.store.create();
		this.store.record(new ArchiveStore.NewArchive(this.origin.version(), this.origin.script(), this.origin.line(),
				ArchiveKind.NOT_ARCHIVED, currentSchema(), null, null, null, List.of(), List.of(), 0, note));
		logger.warn("{}: {}", this.origin.display(), note);
		return true;
	}

	private boolean dropTable(DestructiveStatement statement) throws SQLException {
		List<Catalog.Relation> tables = new ArrayList<>();
		for (DestructiveStatement.Table written : statement.tables()) {
			Catalog.Relation table = this.catalog.resolve(written.name());
			if (table == null || table.kind() != 'r') {
				// Missing (the statement fails, or IF EXISTS skips it), or not a plain
				// table: let the statement do what it does, and say so.
				if (table != null) {
					notArchived("drop-table (" + table.qualified() + " is partitioned or not a plain table)");
				}
				return true;
			}
			tables.add(table);
		}
		List<String> cascaded = new ArrayList<>();
		for (Catalog.Relation table : tables) {
			List<Catalog.Dependant> dependants = this.catalog.dependants(table.oid());
			if (dependants.isEmpty()) {
				continue;
			}
			if (!statement.cascade()) {
				// DROP would fail: let it, with PostgreSQL's own message.
				return true;
			}
			if (dependants.stream().anyMatch((dependant) -> dependant.kind() == Catalog.Dependant.Kind.OTHER)) {
				notArchived("drop-table (" + table.qualified() + " has dependants Strata cannot remove the way CASCADE"
						+ " does: "
						+ dependants.stream()
							.filter((dependant) -> dependant.kind() == Catalog.Dependant.Kind.OTHER)
							.map(Catalog.Dependant::description)
							.collect(Collectors.joining(", "))
						+ ")");
				return true;
			}
			for (Catalog.Dependant dependant : dependants) {
				cascaded.add(removeDependant(dependant));
			}
		}
		this.store.create();
		for (Catalog.Relation table : tables) {
			moveToArchive(table,
					cascaded.isEmpty() ? List.of() : List.of("CASCADE also removed: " + String.join(", ", cascaded)));
		}
		return false;
	}

	/**
	 * {@code DROP SCHEMA … CASCADE}: its tables are kept as {@code DROP TABLE … CASCADE}
	 * would keep them; the rest of the schema goes with it, and the note says so. Without
	 * {@code CASCADE} only an empty schema can be dropped: nothing to keep.
	 */
	private boolean dropSchema(DestructiveStatement statement, String rules) throws SQLException {
		if (!statement.cascade()) {
			return true;
		}
		List<String> notKept = new ArrayList<>();
		for (DestructiveStatement.Table written : statement.tables()) {
			String schema = Sql.catalogName(written.name());
			if (!this.catalog.schemaExists(schema)) {
				return true;
			}
			List<Catalog.Relation> tables = new ArrayList<>();
			List<Catalog.Relation> inSchema = this.catalog.tablesIn(schema);
			Set<Long> moving = inSchema.stream().map(Catalog.Relation::oid).collect(Collectors.toSet());
			for (Catalog.Relation table : inSchema) {
				// Foreign keys between the schema's tables move with them.
				List<Catalog.Dependant> dependants = this.catalog.dependants(table.oid())
					.stream()
					.filter((dependant) -> !(dependant.kind() == Catalog.Dependant.Kind.FOREIGN_KEY
							&& moving.contains(dependant.relation())))
					.toList();
				if (table.kind() != 'r' || dependants.stream()
					.anyMatch((dependant) -> dependant.kind() == Catalog.Dependant.Kind.OTHER)) {
					notKept.add(table.qualified());
					continue;
				}
				for (Catalog.Dependant dependant : dependants) {
					removeDependant(dependant);
				}
				tables.add(table);
			}
			if (!tables.isEmpty()) {
				this.store.create();
			}
			for (Catalog.Relation table : tables) {
				moveToArchive(table, List.of("dropped with schema " + Sql.identifier(schema)
						+ " (CASCADE); its views, functions, types and other objects were not kept"));
			}
		}
		if (!notKept.isEmpty()) {
			notArchived(rules + " (" + String.join(", ", notKept) + ": partitioned or with dependants Strata cannot"
					+ " remove the way CASCADE does)");
		}
		return true;
	}

	private String removeDependant(Catalog.Dependant dependant) throws SQLException {
		Catalog.Relation relation = this.catalog.byOid(dependant.relation());
		if (relation == null) {
			// Removed already, with an earlier dependant.
			return dependant.description();
		}
		switch (dependant.kind()) {
			case FOREIGN_KEY -> execute("alter table " + relation.qualified() + " drop constraint if exists "
					+ Sql.identifier(dependant.constraint()));
			case VIEW -> execute("drop view if exists " + relation.qualified() + " cascade");
			case MATERIALIZED_VIEW -> execute("drop materialized view if exists " + relation.qualified() + " cascade");
			case OTHER -> throw new IllegalStateException(dependant.description());
		}
		return dependant.description();
	}

	private void moveToArchive(Catalog.Relation table, List<String> notes) throws SQLException {
		String archive = archiveName(table.name());
		List<String> renamed = new ArrayList<>();
		for (String[] moving : this.catalog.movingWith(table.oid())) {
			if (this.catalog.exists(this.settings.schema(), moving[0])) {
				String name = archiveName(moving[0]);
				execute("alter " + (moving[1].equals("S") ? "sequence " : "index ")
						+ Sql.qualified(table.schema(), moving[0]) + " rename to " + Sql.identifier(name));
				renamed.add(name);
				renamed.add(moving[0]);
			}
		}
		if (this.catalog.exists(table.schema(), archive)) {
			throw new ArchiveRefusedException(this.origin.display() + ": cannot archive " + table.qualified() + ": "
					+ Sql.qualified(table.schema(), archive) + " exists");
		}
		execute("alter table " + table.qualified() + " rename to " + Sql.identifier(archive));
		execute("alter table " + Sql.qualified(table.schema(), archive) + " set schema " + this.store.schema());
		notes = new ArrayList<>(notes);
		// Moving is a catalog change: counting a large table's rows would cost what it
		// saves.
		String moved = Sql.qualified(this.settings.schema(), archive);
		long rows = this.catalog.count("select case when pg_relation_size(" + Sql.literal(moved) + ") <= "
				+ COUNTED_BYTES + " then (select count(*) from " + moved + ") else greatest(reltuples, 0)::bigint end"
				+ " from pg_class where oid = " + Sql.literal(moved) + "::regclass");
		if (this.catalog.count("select pg_relation_size(" + Sql.literal(moved) + ")") > COUNTED_BYTES) {
			notes.add("rows estimated from the table's statistics");
		}
		String note = String.join("; ", notes);
		long id = this.store.record(new ArchiveStore.NewArchive(this.origin.version(), this.origin.script(),
				this.origin.line(), ArchiveKind.DROPPED_TABLE, table.schema(), table.name(), null, archive, List.of(),
				renamed, rows, note));
		logger.info("{}: archived table {} as {}.{} ({} rows, archive {}){}", this.origin.display(), table.qualified(),
				this.settings.schema(), archive, rows, id, note.isEmpty() ? "" : "; " + note);
	}

	private boolean dropColumns(DestructiveStatement statement) throws SQLException {
		DestructiveStatement.Table written = statement.tables().get(0);
		Catalog.Relation table = this.catalog.resolve(written.name());
		if (table == null || (table.kind() != 'r' && table.kind() != 'p')) {
			return true;
		}
		List<String> dropped = statement.columns().stream().map(Sql::catalogName).toList();
		List<String> key = new ArrayList<>(this.catalog.primaryKey(table.oid()));
		if (key.isEmpty() || key.stream().anyMatch(dropped::contains)) {
			// No key that survives the drop: every other column identifies the row.
			key = new ArrayList<>(this.catalog.writableColumns(table.oid()));
			key.removeAll(dropped);
		}
		String keyList = key.stream().map(Sql::identifier).collect(Collectors.joining(", "));
		// The drop's own lock, taken before the copy: nothing changes between the two.
		lock(table, "access exclusive");
		this.store.create();
		for (String column : dropped) {
			if (this.catalog.columnType(table.oid(), column) == null) {
				// IF EXISTS, or the statement fails.
				continue;
			}
			String archive = archiveName(table.name() + "__" + column);
			long rows = copy(archive, "select " + (keyList.isEmpty() ? "" : keyList + ", ") + Sql.identifier(column)
					+ " from " + (written.only() ? "only " : "") + table.qualified());
			long id = this.store.record(new ArchiveStore.NewArchive(this.origin.version(), this.origin.script(),
					this.origin.line(), ArchiveKind.DROPPED_COLUMN, table.schema(), table.name(), column, archive, key,
					List.of(), rows, key.isEmpty() ? "no other column identifies its rows: not restorable" : ""));
			logger.info("{}: archived column {}.{} as {}.{} ({} rows, archive {})", this.origin.display(),
					table.qualified(), column, this.settings.schema(), archive, rows, id);
		}
		return true;
	}

	private boolean truncate(DestructiveStatement statement) throws SQLException {
		Set<Long> tables = new LinkedHashSet<>();
		Set<Long> only = new LinkedHashSet<>();
		for (DestructiveStatement.Table written : statement.tables()) {
			Catalog.Relation table = this.catalog.resolve(written.name());
			if (table == null) {
				return true;
			}
			tables.add(table.oid());
			if (written.only()) {
				only.add(table.oid());
			}
		}
		if (statement.cascade()) {
			List<Long> pending = new ArrayList<>(tables);
			while (!pending.isEmpty()) {
				for (long referencing : this.catalog.referencing(pending.remove(0))) {
					if (tables.add(referencing)) {
						pending.add(referencing);
					}
				}
			}
		}
		for (long oid : tables) {
			lock(this.catalog.byOid(oid), "access exclusive");
		}
		this.store.create();
		for (long oid : tables) {
			Catalog.Relation table = this.catalog.byOid(oid);
			String archive = archiveName(table.name());
			long rows = copy(archive, "select * from " + (only.contains(oid) ? "only " : "") + table.qualified());
			recordRows(ArchiveKind.TRUNCATED_ROWS, table, archive, rows, List.of());
		}
		return true;
	}

	private boolean rows(DestructiveStatement statement, ArchiveKind kind) throws SQLException {
		DestructiveStatement.Table written = statement.tables().get(0);
		Catalog.Relation table = this.catalog.resolve(written.name());
		if (table == null) {
			return true;
		}
		String only = written.only() ? "only " : "";
		String source = only + written.name() + ((statement.alias() != null) ? " " + statement.alias() : "");
		String reference = (statement.alias() != null) ? statement.alias() : written.name();
		String where = (statement.where() != null) ? " where " + statement.where() : "";
		String select;
		if (statement.from().isEmpty()) {
			select = "select " + reference + ".* from " + source + where;
		}
		else {
			// A join may find a row more than once: each row is copied once.
			select = "select * from " + only + table.qualified() + " where (tableoid, ctid) in (select " + reference
					+ ".tableoid, " + reference + ".ctid from " + source + ", " + statement.from() + where + ")";
		}
		// Writers wait until the statement is done, so the copy holds the rows it removes
		// or changes, as they were; readers do not wait.
		lock(table, "share row exclusive");
		this.store.create();
		String archive = archiveName(table.name());
		long rows = copy(archive, select);
		recordRows(kind, table, archive, rows, this.catalog.primaryKey(table.oid()));
		return true;
	}

	private void recordRows(ArchiveKind kind, Catalog.Relation table, String archive, long rows, List<String> key)
			throws SQLException {
		String note = (kind == ArchiveKind.UPDATED_ROWS && key.isEmpty())
				? "the table has no primary key: the old values are kept, but restore cannot find their rows" : "";
		long id = this.store.record(new ArchiveStore.NewArchive(this.origin.version(), this.origin.script(),
				this.origin.line(), kind, table.schema(), table.name(), null, archive, key, List.of(), rows, note));
		logger.info("{}: archived {} rows of {} as {}.{} (archive {})", this.origin.display(), rows, table.qualified(),
				this.settings.schema(), archive, id);
	}

	/**
	 * Copies the rows of {@code select} into a new archive table; refused beyond
	 * {@code strata.archive.max-rows}.
	 */
	private long copy(String archive, String select) throws SQLException {
		long rows;
		try (Statement statement = this.connection.createStatement()) {
			rows = statement
				.executeUpdate("create table " + Sql.qualified(this.settings.schema(), archive) + " as " + select);
		}
		if (rows > this.settings.maxRows()) {
			throw new ArchiveRefusedException(this.origin.display() + ": archiving what the statement removes would"
					+ " copy " + rows + " rows, above strata.archive.max-rows=" + this.settings.maxRows()
					+ "; the migration was rolled back. Add archive=none to its strata:allow directive to let the data"
					+ " go without an archive, or raise strata.archive.max-rows.");
		}
		return rows;
	}

	/**
	 * A name free in the archive schema: the prefix, the name, and a number if needed,
	 * within PostgreSQL's 63 bytes.
	 */
	private String archiveName(String name) throws SQLException {
		String base = truncate(this.origin.prefix() + name, MAX_NAME_BYTES);
		String candidate = base;
		for (int n = 2; this.catalog.exists(this.settings.schema(), candidate); n++) {
			String suffix = "__" + n;
			candidate = truncate(base, MAX_NAME_BYTES - suffix.length()) + suffix;
		}
		return candidate;
	}

	private static String truncate(String name, int maxBytes) {
		String result = name;
		while (result.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
			result = result.substring(0, result.length() - 1);
		}
		return result;
	}

	private String currentSchema() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				var rs = statement.executeQuery("select current_schema()")) {
			rs.next();
			String schema = rs.getString(1);
			return (schema != null) ? schema : "";
		}
	}

	private void lock(Catalog.Relation table, String mode) throws SQLException {
		execute("lock table " + table.qualified() + " in " + mode + " mode");
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
