package dev.strata.guard;

/** What the guard decided about a finding. */
public enum Outcome {

	/** The migration does not run. */
	REFUSED,

	/** Logged when the migration is applied. */
	WARNED,

	/**
	 * Would refuse or warn, but a directive or {@code strata.allow-destructive} allowed
	 * it.
	 */
	ALLOWED

}
