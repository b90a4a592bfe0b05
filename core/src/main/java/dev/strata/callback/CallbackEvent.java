package dev.strata.callback;

/**
 * When a callback runs during {@code migrate}. Each event's SQL callback files are named
 * after it as Flyway names them: {@code afterMigrate.sql},
 * {@code afterMigrate__refresh_grants.sql}.
 */
public enum CallbackEvent {

	/**
	 * Before the first pending migration, once the migration lock is held; also when
	 * nothing is pending (then without taking the lock).
	 */
	BEFORE_MIGRATE("beforeMigrate"),

	/**
	 * Before each migration, inside its transaction (when it has one), after its timeouts
	 * and {@code search_path} are set.
	 */
	BEFORE_EACH_MIGRATE("beforeEachMigrate"),

	/**
	 * After each migration succeeded, inside its transaction before commit: a failure
	 * rolls the migration back with it.
	 */
	AFTER_EACH_MIGRATE("afterEachMigrate"),

	/**
	 * After every pending migration is applied; also when nothing was pending, so that
	 * what it refreshes is refreshed on every run.
	 */
	AFTER_MIGRATE("afterMigrate"),

	/** After a migration failed or was refused: the run stops after it. */
	AFTER_MIGRATE_ERROR("afterMigrateError");

	private final String fileName;

	CallbackEvent(String fileName) {
		this.fileName = fileName;
	}

	/** The event as SQL callback files are named after it ({@code afterMigrate}). */
	public String fileName() {
		return this.fileName;
	}

	/** The event a callback file's name starts with. */
	public static CallbackEvent ofFileName(String fileName) {
		for (CallbackEvent event : values()) {
			if (event.fileName.equals(fileName)) {
				return event;
			}
		}
		throw new IllegalArgumentException("No callback event is named " + fileName);
	}

	/** Whether it runs inside a migration, on the migration's connection. */
	public boolean isEachMigration() {
		return this == BEFORE_EACH_MIGRATE || this == AFTER_EACH_MIGRATE;
	}

}
