package dev.strata.guard.effect;

/** When the effect check runs ({@code strata.guard.verify-effects}). */
public enum VerifyEffects {

	/** Never: only the text is checked. */
	NEVER,

	/** For migrations with REVIEW findings, whose effect the text does not show. */
	REVIEW,

	/** For every transactional migration. */
	ALWAYS

}
