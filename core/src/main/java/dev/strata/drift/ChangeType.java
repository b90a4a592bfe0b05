package dev.strata.drift;

/** How an object differs from the stored snapshot. */
public enum ChangeType {

	/** In the live schema only. */
	ADDED,

	/** In the snapshot only. */
	REMOVED,

	/** In both, with another definition. */
	CHANGED

}
