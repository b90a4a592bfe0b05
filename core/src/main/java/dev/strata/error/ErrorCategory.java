package dev.strata.error;

/**
 * What kind of problem stopped a command. The categories are a public contract: the
 * migrator maps each to one exit code (autoconfigure's {@code MigratorExitCodes}, see
 * docs/configuration.md), the failure analyzer and the health contributor read them too.
 */
public enum ErrorCategory {

	/** Something nobody planned for: a bug, or an I/O error outside the database. */
	UNEXPECTED,

	/** Properties, the connection, or the target database are wrong. */
	CONFIGURATION,

	/**
	 * Migration files or the history do not agree: bad file, checksum mismatch, missing,
	 * out of order, failed entry.
	 */
	VALIDATION,

	/** The guard refused a statement. */
	REFUSED,

	/**
	 * A migration failed and was rolled back (or, outside a transaction, recorded as
	 * failed).
	 */
	MIGRATION_FAILED,

	/** Another migrator held the lock for longer than the configured wait. */
	LOCK_TIMEOUT,

	/** The live schema differs from what the migrations built. */
	DRIFT;

}
