package dev.strata.source.internal;

import org.jspecify.annotations.Nullable;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;

/**
 * The parts of a migration file name: {@code V<version>__<description>.sql} or
 * {@code R__<description>.sql}, and of an undo file,
 * {@code U<version>__<description>.sql} (versioned, the version being the one it
 * reverts). The same conventions as Flyway, so a team can switch without renaming files.
 */
public record MigrationName(MigrationType type, @Nullable Version version, String description) {

	static final String SUFFIX = ".sql";

	private static final String SEPARATOR = "__";

	/**
	 * Parses a file name (without directories).
	 * @throws MigrationSourceException naming the file if a {@code .sql} file does not
	 * follow the pattern
	 */
	static MigrationName parse(String fileName, String location) {
		String base = fileName.substring(0, fileName.length() - SUFFIX.length());
		int separator = base.indexOf(SEPARATOR);
		if (separator < 1 || (base.charAt(0) != 'V' && base.charAt(0) != 'R' && base.charAt(0) != 'U')) {
			throw badName(location, "it does not start with V<version>__, R__ or U<version>__");
		}
		String description = base.substring(separator + SEPARATOR.length()).replace('_', ' ').trim();
		if (description.isEmpty()) {
			throw badName(location, "the description after '__' is empty");
		}
		if (base.charAt(0) == 'R') {
			if (separator != 1) {
				throw badName(location, "a repeatable migration is named R__<description>.sql, without a version");
			}
			return new MigrationName(MigrationType.REPEATABLE, null, description);
		}
		if (base.charAt(0) == 'U' && separator == 1) {
			throw badName(location, "an undo file is named U<version>__<description>.sql, with the version it reverts");
		}
		try {
			return new MigrationName(MigrationType.VERSIONED, Version.parse(base.substring(1, separator)), description);
		}
		catch (IllegalArgumentException ex) {
			throw badName(location, ex.getMessage());
		}
	}

	/**
	 * Whether the file name (without directories) is an undo file's:
	 * {@code U<version>__<description>.sql}. Its name is checked by {@link #parse}.
	 */
	static boolean isUndo(String fileName) {
		return fileName.startsWith("U");
	}

	private static MigrationSourceException badName(String location, String why) {
		return new MigrationSourceException(location, "is not a valid migration name: " + why,
				"rename it to V<version>__<description>.sql (e.g. V2__add_orders.sql), R__<description>.sql"
						+ " or U<version>__<description>.sql (the undo of V<version>),"
						+ " or give it another extension if it is not a migration");
	}

}
