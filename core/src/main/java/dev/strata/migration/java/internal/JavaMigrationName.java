package dev.strata.migration.java.internal;

import dev.strata.source.MigrationSourceException;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * The version and description in a Java migration's class name, by Flyway's convention:
 * {@code V<version>__<description>} with {@code _} for the dots of the version, or
 * {@code R__<description>}; {@code _} in the description reads as a space.
 *
 * @param version the version as written with dots, {@code null} for a repeatable one
 * @param description the description
 */
public record JavaMigrationName(@Nullable String version, String description) {

	private static final String SEPARATOR = "__";

	/**
	 * @throws MigrationSourceException naming the class if its name does not follow the
	 * convention
	 */
	public static JavaMigrationName parse(Class<?> type) {
		type = userClass(type);
		String name = type.getSimpleName();
		int separator = name.indexOf(SEPARATOR);
		if (separator < 1 || (name.charAt(0) != 'V' && name.charAt(0) != 'R')) {
			throw badName(type, "it does not start with V<version>__ or R__");
		}
		String description = name.substring(separator + SEPARATOR.length()).replace('_', ' ').trim();
		if (description.isEmpty()) {
			throw badName(type, "the description after '__' is empty");
		}
		if (name.charAt(0) == 'R') {
			if (separator != 1) {
				throw badName(type, "a repeatable migration is named R__<description>, without a version");
			}
			return new JavaMigrationName(null, description);
		}
		String version = name.substring(1, separator).replace('_', '.');
		try {
			Version.parse(version);
		}
		catch (IllegalArgumentException ex) {
			throw badName(type, ex.getMessage());
		}
		return new JavaMigrationName(version, description);
	}

	/**
	 * The class as the user wrote it: a subclass generated at run time (a Spring CGLIB
	 * proxy, {@code V2__Backfill$$SpringCGLIB$$0}) names its superclass.
	 */
	public static Class<?> userClass(Class<?> type) {
		Class<?> user = type;
		while (user.getName().contains("$$") && user.getSuperclass() != null && user.getSuperclass() != Object.class) {
			user = user.getSuperclass();
		}
		return user;
	}

	private static MigrationSourceException badName(Class<?> type, String why) {
		return new MigrationSourceException(type.getName(), "is not a valid Java migration name: " + why,
				"rename it to V<version>__<Description> (e.g. V12__Backfill_totals, V1_2__Split_orders) or"
						+ " R__<Description>, or override version() and description()");
	}

}
