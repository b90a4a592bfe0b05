package dev.strata.execute;

import java.time.Duration;
import java.util.List;

import dev.strata.targets.MigrationTarget;
import dev.strata.error.StrataException;
import dev.strata.migration.PreparedMigration;

/**
 * Hears what happens to each migration: the seam for logs, metrics and tracing. Methods
 * run on the migrating thread; keep them quick and do not throw.
 */
public interface MigrationListener {

	/** The migration lock was taken after waiting {@code waited} for another migrator. */
	default void lockAcquired(MigrationTarget target, Duration waited) {
	}

	/** A baseline was recorded: versions up to {@code version} are taken as applied. */
	default void baselined(MigrationTarget target, String version) {
	}

	/** A run is about to apply these migrations, all of them read and checked. */
	default void runStarting(MigrationTarget target, List<PreparedMigration> pending) {
	}

	/** The run ended; {@code success} is false when a migration failed or was refused. */
	default void runFinished(MigrationTarget target, boolean success) {
	}

	/** A migration is about to run. */
	default void started(MigrationTarget target, PreparedMigration migration) {
	}

	/** A migration completed and is recorded. */
	default void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
	}

	/** A migration failed; a transactional one was rolled back. */
	default void failed(MigrationTarget target, PreparedMigration migration, Duration duration,
			MigrationFailedException failure) {
	}

	/**
	 * A check inside the migration's transaction (the guard's effect check) refused it;
	 * it was rolled back.
	 */
	default void refused(MigrationTarget target, PreparedMigration migration, StrataException refusal) {
	}

	/**
	 * The migration lock was lost; the migration was rolled back before it could commit,
	 * or never started.
	 */
	default void lockLost(MigrationTarget target, PreparedMigration migration, LockLostException failure) {
	}

	/** A transactional migration hit {@code lock_timeout} and will be retried. */
	default void retrying(MigrationTarget target, PreparedMigration migration, int attempt, Duration backoff) {
	}

}
