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
	JAVA,

	/**
	 * A SQL undo file ({@code U<version>__<description>.sql}): reverts the versioned
	 * migration of its version. Read, judged and run as a SQL file is.
	 */
	SQL_UNDO;

	/** Whether its statements are SQL the guard reads before they run. */
	public boolean isSql() {
		return this != JAVA;
	}

}
