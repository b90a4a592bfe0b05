package dev.strata;

/**
 * What kind of problem stopped a command. Each category maps to one exit code of the
 * migrator (see docs/configuration.md), so the categories are a public contract.
 */
public enum ErrorCategory {

	/** Something nobody planned for: a bug, or an I/O error outside the database. */
	UNEXPECTED(1),

	/** Properties, the connection, or the target database are wrong. */
	CONFIGURATION(2),

	/**
	 * Migration files or the history do not agree: bad file, checksum mismatch, missing,
	 * out of order, failed entry.
	 */
	VALIDATION(3),

	/** The guard refused a statement. */
	REFUSED(4),

	/**
	 * A migration failed and was rolled back (or, outside a transaction, recorded as
	 * failed).
	 */
	MIGRATION_FAILED(5),

	/** Another migrator held the lock for longer than the configured wait. */
	LOCK_TIMEOUT(6),

	/** The live schema differs from what the migrations built. */
	DRIFT(7);

	private final int exitCode;

	ErrorCategory(int exitCode) {
		this.exitCode = exitCode;
	}

	/** The process exit code the migrator uses for this category. */
	public int exitCode() {
		return this.exitCode;
	}

}
