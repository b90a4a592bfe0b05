package dev.strata.history;

/** The {@code type} column of the history table. */
public enum HistoryType {

	/** A versioned SQL migration. */
	SQL,

	/** A repeatable SQL migration; one row per application. */
	SQL_REPEATABLE,

	/** The baseline marker: versions at or below it were already in the database. */
	BASELINE

}
