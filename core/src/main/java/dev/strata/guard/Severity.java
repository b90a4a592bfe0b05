package dev.strata.guard;

/** How bad a finding is, which decides whether it refuses a migration by default. */
public enum Severity {

	/** Loses data. Refuses the migration unless allowed. */
	DESTRUCTIVE,

	/**
	 * Blocks reads or writes, or scans or rewrites a table. Warns; refuses in strict mode
	 * or on a large table.
	 */
	LOCKING,

	/**
	 * Breaks the application version still running during a rolling deploy. Warns;
	 * refuses in strict mode.
	 */
	INCOMPATIBLE,

	/**
	 * The guard cannot see what the statement does. Warns, and has the effect checked
	 * before commit.
	 */
	REVIEW

}
