package dev.strata.guard.report;

/** Which migrations {@code lint} reads ({@code strata.lint.scope}). */
public enum LintScope {

	/** The migrations not applied yet (needs the database's history). */
	PENDING,

	/** Every migration file, applied or not. */
	ALL

}
