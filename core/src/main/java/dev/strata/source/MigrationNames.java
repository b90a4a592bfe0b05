package dev.strata.source;

import org.jspecify.annotations.Nullable;

/**
 * How every message, log line and report names a migration: {@code V1.2 (add orders)} for
 * a versioned one, {@code R (views)} for a repeatable one. One method, so that a file,
 * its history row and the migrator's report all name the same migration the same way.
 */
public final class MigrationNames {

	private MigrationNames() {
	}

	/**
	 * The display name of a migration.
	 * @param version its version as written, {@code null} for a repeatable migration
	 * @param description its description
	 * @return {@code V<version> (<description>)} or {@code R (<description>)}
	 */
	public static String display(@Nullable String version, String description) {
		return ((version != null) ? "V" + version : "R") + " (" + description + ")";
	}

	/**
	 * The display name of an undo file, {@code U1.2 (drop orders)}: the version it
	 * reverts and its own description.
	 */
	public static String undo(String version, String description) {
		return "U" + version + " (" + description + ")";
	}

}
