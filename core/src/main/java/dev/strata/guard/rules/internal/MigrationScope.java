package dev.strata.guard.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects a migration created so far, statement by statement. What a migration
 * creates, it may change or drop without a finding: no other session can use it yet.
 */
final class MigrationScope {

	private final List<Name> tables = new ArrayList<>();

	private final List<Name> indexes = new ArrayList<>();

	private final List<Name> types = new ArrayList<>();

	private final List<Name> sequences = new ArrayList<>();

	private final List<Name> materializedViews = new ArrayList<>();

	private final List<Name> schemas = new ArrayList<>();

	private final List<Name> extensions = new ArrayList<>();

	private final List<Column> columns = new ArrayList<>();

	void createdTable(Name table) {
		this.tables.add(table);
	}

	void createdIndex(Name index) {
		this.indexes.add(index);
	}

	void createdType(Name type) {
		this.types.add(type);
	}

	void createdSequence(Name sequence) {
		this.sequences.add(sequence);
	}

	void createdMaterializedView(Name view) {
		this.materializedViews.add(view);
	}

	void createdSchema(Name schema) {
		this.schemas.add(schema);
	}

	void createdExtension(Name extension) {
		this.extensions.add(extension);
	}

	void addedColumn(Name table, String column) {
		this.columns.add(new Column(table, column));
	}

	/** The tables this migration creates, as written. */
	List<Name> createdTables() {
		return List.copyOf(this.tables);
	}

	boolean isNewTable(Name table) {
		return contains(this.tables, table) || (table.schema() != null && isNewSchema(table.schema()));
	}

	boolean isNewIndex(Name index) {
		return contains(this.indexes, index);
	}

	boolean isNewType(Name type) {
		return contains(this.types, type);
	}

	boolean isNewSequence(Name sequence) {
		return contains(this.sequences, sequence);
	}

	boolean isNewMaterializedView(Name view) {
		return contains(this.materializedViews, view);
	}

	boolean isNewExtension(Name extension) {
		return contains(this.extensions, extension);
	}

	boolean isNewSchema(String schema) {
		for (Name created : this.schemas) {
			if (created.name().equals(schema)) {
				return true;
			}
		}
		return false;
	}

	/** A column of a table created here, or added here to an older table. */
	boolean isNewColumn(Name table, String column) {
		if (isNewTable(table)) {
			return true;
		}
		for (Column added : this.columns) {
			if (added.table().sameAs(table) && added.name().equals(column)) {
				return true;
			}
		}
		return false;
	}

	private static boolean contains(List<Name> names, Name name) {
		for (Name created : names) {
			if (created.sameAs(name)) {
				return true;
			}
		}
		return false;
	}

	private record Column(Name table, String name) {
	}

}
