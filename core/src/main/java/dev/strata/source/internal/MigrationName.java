package dev.strata.source.internal;

import org.jspecify.annotations.Nullable;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;

/**
 * The parts of a migration file name: {@code V<version>__<description>.sql} or
 * {@code R__<description>.sql}. The same conventions as Flyway, so a team can switch
 * without renaming files.
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
		if (separator < 1 || (base.charAt(0) != 'V' && base.charAt(0) != 'R')) {
			throw badName(location, "it does not start with V<version>__ or R__");
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
		try {
			return new MigrationName(MigrationType.VERSIONED, Version.parse(base.substring(1, separator)), description);
		}
		catch (IllegalArgumentException ex) {
			throw badName(location, ex.getMessage());
		}
	}

	private static MigrationSourceException badName(String location, String why) {
		return new MigrationSourceException(location, "is not a valid migration name: " + why,
				"rename it to V<version>__<description>.sql (e.g. V2__add_orders.sql) or R__<description>.sql,"
						+ " or give it another extension if it is not a migration");
	}

}
