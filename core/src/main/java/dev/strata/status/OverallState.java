package dev.strata.status;

/** The one-word answer to "how are the migrations?". */
public enum OverallState {

	/** Every migration is applied and the history is valid. */
	UP_TO_DATE,

	/** Migrations are waiting to be applied. */
	PENDING,

	/**
	 * A migration is running right now (in this process, or another holds the migration
	 * lock).
	 */
	MIGRATING,

	/** A migration failed, or the files and the history disagree. */
	FAILED,

	/**
	 * Valid and nothing pending, but the live schema differs from what the migrations
	 * built ({@link #FAILED} and {@link #PENDING} win over it).
	 */
	DRIFTED,

	/** The database could not be read. */
	UNKNOWN

}
