package dev.strata.archive.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.archive.ArchiveRefusedException;

/**
 * Puts an archive back: a table under its name and schema, a column with its values
 * joined on the key, rows inserted again or their old values set back. Refused, with
 * nothing changed, when it would overwrite anything. Runs in the caller's transaction.
 */
public final class Restorer {

	private final Connection connection;

	private final ArchiveStore store;

	private final Catalog catalog;

	public Restorer(Connection connection, ArchiveStore store) {
		this.connection = connection;
		this.store = store;
		this.catalog = new Catalog(connection);
	}

	/**
	 * Restores the archive and marks it restored.
	 * @return how many rows were put back
	 * @throws ArchiveRefusedException if it cannot be restored without overwriting
	 */
	public long restore(ArchiveEntry entry) throws SQLException {
		if (entry.restoredAt() != null) {
			throw refused(entry, "it was restored already, at " + entry.restoredAt());
		}
		if (entry.archiveTable() == null) {
			throw refused(entry, "nothing was kept: " + entry.note());
		}
		Catalog.Relation archive = this.catalog.find(this.store.schemaName(), entry.archiveTable());
		if (archive == null) {
			throw refused(entry, "its table " + this.store.schemaName() + "." + entry.archiveTable() + " is gone");
		}
		long rows = switch (entry.kind()) {
			case DROPPED_TABLE -> table(entry, archive);
			case DROPPED_COLUMN -> column(entry, archive);
			case TRUNCATED_ROWS, DELETED_ROWS -> insertRows(entry, archive);
			case UPDATED_ROWS -> updateRows(entry, archive);
			case NOT_ARCHIVED -> throw refused(entry, "nothing was kept");
		};
		this.store.markRestored(entry.id());
		return rows;
	}

	private long table(ArchiveEntry entry, Catalog.Relation archive) throws SQLException {
		if (!this.catalog.schemaExists(entry.schema())) {
			throw refused(entry, "schema " + entry.schema() + " does not exist");
		}
		if (this.catalog.exists(entry.schema(), entry.table())) {
			throw refused(entry, Sql.qualified(entry.schema(), entry.table()) + " exists");
		}
		List<String> renamed = this.store.renamed(entry.id());
		for (int i = 1; i < renamed.size(); i += 2) {
			if (this.catalog.exists(entry.schema(), renamed.get(i))) {
				throw refused(entry, Sql.qualified(entry.schema(), renamed.get(i)) + " exists (it was " + renamed.get(i)
						+ " of the table)");
			}
		}
		long rows = this.catalog.count("select count(*) from " + archive.qualified());
		execute("alter table " + archive.qualified() + " set schema " + Sql.identifier(entry.schema()));
		execute("alter table " + Sql.qualified(entry.schema(), archive.name()) + " rename to "
				+ Sql.identifier(entry.table()));
		for (int i = 0; i + 1 < renamed.size(); i += 2) {
			Catalog.Relation relation = this.catalog.find(entry.schema(), renamed.get(i));
			if (relation != null) {
				execute("alter " + ((relation.kind() == 'S') ? "sequence " : "index ") + relation.qualified()
						+ " rename to " + Sql.identifier(renamed.get(i + 1)));
			}
		}
		return rows;
	}

	private long column(ArchiveEntry entry, Catalog.Relation archive) throws SQLException {
		Catalog.Relation table = existingTable(entry);
		if (this.catalog.columnType(table.oid(), entry.column()) != null) {
			throw refused(entry, "column " + entry.column() + " exists in " + table.qualified());
		}
		if (entry.keyColumns().isEmpty()) {
			throw refused(entry, "no column identifies its rows");
		}
		String match = match(entry.keyColumns(), "t", "a", !this.catalog.primaryKey(table.oid()).isEmpty()
				&& this.catalog.primaryKey(table.oid()).equals(entry.keyColumns()));
		long ambiguous = this.catalog.count("select count(*) from " + archive.qualified() + " a where (select count(*)"
				+ " from " + table.qualified() + " t where " + match + ") > 1");
		if (ambiguous > 0) {
			throw refused(entry, ambiguous + " archived rows match more than one row of " + table.qualified() + " by "
					+ String.join(", ", entry.keyColumns()));
		}
		String type = this.catalog.columnType(archive.oid(), entry.column());
		String column = Sql.identifier(entry.column());
		execute("alter table " + table.qualified() + " add column " + column + " " + type);
		return update("update " + table.qualified() + " t set " + column + " = a." + column + " from "
				+ archive.qualified() + " a where " + match);
	}

	private long insertRows(ArchiveEntry entry, Catalog.Relation archive) throws SQLException {
		Catalog.Relation table = existingTable(entry);
		List<String> key = this.catalog.primaryKey(table.oid());
		if (!key.isEmpty()) {
			long present = this.catalog.count("select count(*) from " + archive.qualified() + " a where exists"
					+ " (select 1 from " + table.qualified() + " t where " + match(key, "t", "a", true) + ")");
			if (present > 0) {
				throw refused(entry, present + " of its rows have a key that " + table.qualified() + " holds again");
			}
		}
		String columns = sharedColumns(table, archive).stream().map(Sql::identifier).collect(Collectors.joining(", "));
		return update("insert into " + table.qualified() + " (" + columns + ") overriding system value select "
				+ columns + " from " + archive.qualified());
	}

	private long updateRows(ArchiveEntry entry, Catalog.Relation archive) throws SQLException {
		Catalog.Relation table = existingTable(entry);
		if (entry.keyColumns().isEmpty()) {
			throw refused(entry, "the table had no primary key, so the rows cannot be found again");
		}
		String match = match(entry.keyColumns(), "t", "a", true);
		long missing = this.catalog.count("select count(*) from " + archive.qualified() + " a where not exists"
				+ " (select 1 from " + table.qualified() + " t where " + match + ")");
		if (missing > 0) {
			throw refused(entry, missing + " of its rows are no longer in " + table.qualified());
		}
		List<String> columns = new ArrayList<>(sharedColumns(table, archive));
		columns.removeAll(entry.keyColumns());
		String set = columns.stream()
			.map((column) -> Sql.identifier(column) + " = a." + Sql.identifier(column))
			.collect(Collectors.joining(", "));
		return update(
				"update " + table.qualified() + " t set " + set + " from " + archive.qualified() + " a where " + match);
	}

	private Catalog.Relation existingTable(ArchiveEntry entry) throws SQLException {
		Catalog.Relation table = this.catalog.find(entry.schema(), entry.table());
		if (table == null) {
			throw refused(entry, Sql.qualified(entry.schema(), entry.table()) + " does not exist");
		}
		return table;
	}

	/** The writable columns of the table that the archive keeps too. */
	private List<String> sharedColumns(Catalog.Relation table, Catalog.Relation archive) throws SQLException {
		List<String> columns = new ArrayList<>(this.catalog.writableColumns(table.oid()));
		columns.retainAll(this.catalog.columns(archive.oid()));
		return columns;
	}

	/**
	 * Rows of {@code left} and {@code right} with the same key: by equality for a primary
	 * key, else by text, which every type has and which finds nulls equal.
	 */
	private static String match(List<String> key, String left, String right, boolean primaryKey) {
		return key.stream().map((column) -> {
			String name = Sql.identifier(column);
			return primaryKey ? left + "." + name + " = " + right + "." + name
					: left + "." + name + "::text is not distinct from " + right + "." + name + "::text";
		}).collect(Collectors.joining(" and "));
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long update(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			return statement.executeLargeUpdate(sql);
		}
	}

	private static ArchiveRefusedException refused(ArchiveEntry entry, String why) {
		return new ArchiveRefusedException("Archive " + entry.id() + " (" + entry.kind() + " of " + entry.object()
				+ ") is not restored: " + why + ". Nothing was changed.");
	}

}
