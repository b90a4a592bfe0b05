package dev.strata.fleet;

/** Where one tenant of a fleet stands after a run. */
public enum TenantState {

	/** Migrations were applied in this run. */
	APPLIED,

	/** Nothing was pending. */
	UP_TO_DATE,

	/**
	 * Migrations are pending and this run did not apply them ({@code validate} and
	 * {@code status} only).
	 */
	PENDING,

	/** The tenant's migration or history failed; the other tenants went on. */
	FAILED,

	/**
	 * Not migrated on purpose: the guard refused a migration for this tenant (its table
	 * sizes), or its schema does not exist and may not be created.
	 */
	REFUSED,

	/**
	 * Not migrated: another run held its lock for longer than the lock wait, or the run
	 * stopped starting tenants after a failure ({@code fail-fast}).
	 */
	SKIPPED;

	/** Whether the tenant needs someone's attention (or a rerun). */
	public boolean isProblem() {
		return this == FAILED || this == REFUSED || this == SKIPPED;
	}

}
