package dev.strata.migration;

/**
 * The kinds of migration, as the history's {@code type} column tells them apart. A new
 * kind of migration adds a constant here (and its history types).
 */
public enum MigrationKind {

	/** A SQL file, split into statements that the guard reads before they run. */
	SQL,

	/**
	 * Code that runs on the migration's connection; the guard cannot read it, and sees
	 * what it did through the effect check.
	 */
	JAVA

}
