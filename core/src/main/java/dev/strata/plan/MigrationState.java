package dev.strata.plan;

/** Where a migration stands, comparing its file with the history. */
public enum MigrationState {

	/** Applied successfully; the file matches. */
	APPLIED,

	/** Not applied yet. */
	PENDING,

	/**
	 * A repeatable migration whose file changed since it was applied: it will be
	 * re-applied.
	 */
	OUTDATED,

	/**
	 * Not applied, older than the current version, and {@code out-of-order} lets it run.
	 */
	OUT_OF_ORDER,

	/**
	 * Not applied and older than the current version: refused unless {@code out-of-order}
	 * is on.
	 */
	IGNORED,

	/** Applied, but the file changed since. */
	CHECKSUM_MISMATCH,

	/** Applied, but the file's description differs from the recorded one. */
	DESCRIPTION_MISMATCH,

	/**
	 * Recorded as failed (a migration that could not run in a transaction stopped
	 * part-way), or interrupted with a statement in flight whose outcome only a person
	 * can tell: {@code migrate} refuses until someone looks and runs {@code repair}.
	 */
	FAILED,

	/**
	 * A migration that runs outside a transaction was interrupted (process killed,
	 * connection lost) with a statement in flight whose outcome the catalog tells
	 * ({@code CREATE INDEX CONCURRENTLY} and the like): {@code migrate} resumes it by
	 * itself, from that statement on.
	 */
	INTERRUPTED,

	/** Applied, but no file has its version any more. */
	MISSING,

	/**
	 * Applied, newer than every file this build ships: the database is ahead of the
	 * application.
	 */
	FUTURE,

	/** The baseline marker. */
	BASELINE,

	/** At or below the baseline: considered applied before Strata took over. */
	BELOW_BASELINE,

	/**
	 * An older application of a repeatable migration, replaced by a later one, or of a
	 * versioned one that an undo reverted.
	 */
	SUPERSEDED,

	/**
	 * The row of an undo ({@code U<version>__…}): the version it reverted is pending from
	 * then on, until applied again.
	 */
	UNDONE

}
