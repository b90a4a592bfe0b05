package dev.strata.source.internal;

import java.util.List;

import dev.strata.source.MigrationSourceException;

/**
 * The name of a SQL callback file, as Flyway names them: {@code <event>.sql} or
 * {@code <event>__<description>.sql}, the event being one Strata runs
 * ({@code beforeMigrate}, {@code beforeEachMigrate}, {@code afterEachMigrate},
 * {@code afterMigrate}, {@code afterMigrateError}). A file named for one of Flyway's
 * other events is an error: silently skipping a callback a project relies on (a grant,
 * say) would be worse than refusing it.
 *
 * @param event the event's name as in the file name ({@code afterMigrate})
 * @param description the description after {@code __}, underscores shown as spaces; empty
 * if none
 */
public record CallbackFileName(String event, String description) {

	/** The events Strata runs callbacks for, as Flyway names them. */
	public static final List<String> EVENTS = List.of("beforeMigrate", "beforeEachMigrate", "afterEachMigrate",
			"afterMigrate", "afterMigrateError");

	private static final String SEPARATOR = "__";

	/** Whether the file name (without directories) is a callback's, or looks like one. */
	static boolean isCallback(String fileName) {
		String event = eventPart(fileName);
		return (event.startsWith("before") || event.startsWith("after")) && event.length() > 5
				&& event.chars().allMatch(Character::isLetter);
	}

	/**
	 * @throws MigrationSourceException naming the file for an event Strata does not run
	 */
	static CallbackFileName parse(String fileName, String location) {
		String event = eventPart(fileName);
		if (!EVENTS.contains(event)) {
			throw new MigrationSourceException(location,
					"is a callback for '" + event + "', an event Strata does not run callbacks for",
					"Strata runs " + String.join(", ", EVENTS)
							+ " callbacks; move its SQL into one of those, or give the file another extension");
		}
		String base = fileName.substring(0, fileName.length() - MigrationName.SUFFIX.length());
		String description = (base.length() > event.length())
				? base.substring(event.length() + SEPARATOR.length()).replace('_', ' ').trim() : "";
		return new CallbackFileName(event, description);
	}

	/** {@code afterMigrate} of {@code afterMigrate__grants.sql}. */
	private static String eventPart(String fileName) {
		String base = fileName.endsWith(MigrationName.SUFFIX)
				? fileName.substring(0, fileName.length() - MigrationName.SUFFIX.length()) : fileName;
		int separator = base.indexOf(SEPARATOR);
		return (separator < 0) ? base : base.substring(0, separator);
	}

}
