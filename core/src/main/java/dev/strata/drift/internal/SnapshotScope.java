package dev.strata.drift.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.strata.execute.internal.MigrationLock;
import dev.strata.drift.DriftSettings;
import dev.strata.drift.ObjectKind;

/**
 * What a snapshot covers.
 *
 * @param schemas the managed schemas
 * @param ownSchema the schema of the history table
 * @param ownTables Strata's own tables in {@code ownSchema} (history, snapshot and
 * lease), never part of a snapshot
 * @param kinds the kinds compared; a snapshot always stores every kind, so switching an
 * opt-in kind on later needs no new baseline
 */
public record SnapshotScope(List<String> schemas, String ownSchema, List<String> ownTables, Set<ObjectKind> kinds) {

	public SnapshotScope {
		if (schemas.isEmpty()) {
			throw new IllegalArgumentException("at least one schema is needed");
		}
		schemas = schemas.stream().distinct().sorted().toList();
		ownTables = List.copyOf(ownTables);
		kinds = Set.copyOf(kinds);
	}

	/**
	 * The scope for a history table: its schema (or the configured ones) and the
	 * configured kinds.
	 */
	public static SnapshotScope of(DriftSettings settings, String historySchema, String historyTable) {
		List<String> schemas = settings.schemas().isEmpty() ? List.of(historySchema) : settings.schemas();
		Set<ObjectKind> kinds = EnumSet.copyOf(ObjectKind.defaults());
		kinds.addAll(settings.optInKinds());
		return new SnapshotScope(schemas, historySchema, List.of(historyTable, SnapshotStore.tableName(historyTable),
				MigrationLock.leaseTableName(historyTable)), kinds);
	}

	/** Every kind, as stored. */
	SnapshotScope allKinds() {
		return new SnapshotScope(this.schemas, this.ownSchema, this.ownTables, EnumSet.allOf(ObjectKind.class));
	}

}
