package dev.strata.guard.policy;

/** What {@code strata.guard.rules.<id>} makes of a rule's findings. */
public enum RuleMode {

	/** Not reported at all. */
	OFF,

	/** Reported, never refuses. */
	WARN,

	/** Refuses the migration unless allowed. */
	REFUSE

}
