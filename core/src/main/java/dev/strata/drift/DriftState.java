package dev.strata.drift;

/** The outcome of a drift check. */
public enum DriftState {

	/** The live schema matches the stored snapshot. */
	NO_DRIFT,

	/** The live schema differs from the stored snapshot; the report lists each object. */
	DRIFTED,

	/**
	 * No snapshot was stored yet: nothing to compare with until the next migrate,
	 * baseline or accept.
	 */
	NO_SNAPSHOT,

	/**
	 * The stored snapshot cannot be compared: taken on another PostgreSQL major version
	 * (whose deparsers print some definitions differently), in another snapshot format,
	 * or of other schemas. Accepting drift takes a new one.
	 */
	REBASELINE_NEEDED

}
