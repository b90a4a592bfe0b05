package dev.strata.source;

/** The two kinds of migration file. */
public enum MigrationType {

	/** {@code V<version>__<description>.sql}: applied once, in version order. */
	VERSIONED,

	/**
	 * {@code R__<description>.sql}: re-applied, after the versioned ones, whenever its
	 * checksum changes.
	 */
	REPEATABLE

}
