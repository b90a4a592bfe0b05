package dev.strata.history;

import dev.strata.migration.MigrationKind;
import dev.strata.source.MigrationType;

/** The {@code type} column of the history table. */
public enum HistoryType {

	/** A versioned SQL migration. */
	SQL,

	/** A repeatable SQL migration; one row per application. */
	SQL_REPEATABLE,

	/** A versioned migration of code. */
	JAVA,

	/** A repeatable migration of code; one row per application. */
	JAVA_REPEATABLE,

	/** The baseline marker: versions at or below it were already in the database. */
	BASELINE,

	/**
	 * An archive put back by {@code restore}: not a migration, so no version; the plan
	 * ignores it.
	 */
	RESTORE,

	/**
	 * An undo file ran ({@code U<version>__…}): the version it reverted is pending again
	 * from this row on.
	 */
	UNDO_SQL;

	/** The type a migration of this kind records. */
	public static HistoryType of(MigrationKind kind, MigrationType type) {
		boolean versioned = type == MigrationType.VERSIONED;
		return switch (kind) {
			case SQL -> versioned ? SQL : SQL_REPEATABLE;
			case JAVA -> versioned ? JAVA : JAVA_REPEATABLE;
			case SQL_UNDO -> UNDO_SQL;
		};
	}

	/** Whether the row is a repeatable migration's. */
	public boolean isRepeatable() {
		return this == SQL_REPEATABLE || this == JAVA_REPEATABLE;
	}

}
