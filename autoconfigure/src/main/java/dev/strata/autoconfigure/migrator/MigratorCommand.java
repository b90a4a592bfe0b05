package dev.strata.autoconfigure.migrator;

import java.util.Locale;

/**
 * The commands a migrator run can execute, chosen with {@code strata.migrator.command}.
 */
public enum MigratorCommand {

	/**
	 * Apply every pending migration.
	 */
	MIGRATE,

	/**
	 * Check that the files and the history agree and nothing is pending; change nothing.
	 */
	VALIDATE,

	/**
	 * Report every migration and its state; change nothing.
	 */
	STATUS,

	/**
	 * Print the statements each pending migration would run, and whether in a
	 * transaction; change nothing.
	 */
	DRY_RUN,

	/**
	 * Record a baseline in an existing database that has no history yet.
	 */
	BASELINE,

	/**
	 * Remove failed history entries and realign checksums of applied migrations to their
	 * files.
	 */
	REPAIR,

	/**
	 * Check pending migrations against the guard's rules.
	 */
	LINT,

	/**
	 * Compare the live schema with the one the migrations built.
	 */
	DRIFT,

	/**
	 * Store the live schema as the snapshot later drift checks compare with, after a
	 * review.
	 */
	ACCEPT_DRIFT,

	/**
	 * List what allowed destructive statements left in the archive schema.
	 */
	ARCHIVES,

	/**
	 * Put one archive back ({@code strata.migrator.restore.id}); needs
	 * {@code strata.migrator.restore.confirm=true}.
	 */
	RESTORE,

	/**
	 * Remove the archives older than {@code strata.archive.retention}.
	 */
	PURGE_ARCHIVES,

	/**
	 * Run the undo file of the last applied version, or of every applied version above
	 * {@code strata.migrator.undo.target}; needs {@code strata.migrator.undo.confirm},
	 * and without it lists what it would run.
	 */
	UNDO;

	/** The name users type: {@code dry-run}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
