package dev.strata.migration.java;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A migration written in Java. It runs in version order with the SQL files, inside its
 * own transaction (unless {@link #canExecuteInTransaction()} says otherwise), on the
 * connection {@link JavaMigrationContext#connection()} gives it, and is recorded in the
 * history like a SQL file, its {@code script} being the class name.
 * <p>
 * Most implementations extend {@link BaseJavaMigration}, which reads the version and
 * description from the class name. The guard cannot read Java: what the migration did is
 * checked before its transaction commits (the effect check), and a migration that drops
 * or empties something, or deletes rows, is refused unless the class is annotated with
 * {@link Allow}.
 */
public interface JavaMigration {

	/**
	 * The version ({@code 12}, {@code 1.2}), or {@code null} for a repeatable migration,
	 * which runs after the versioned ones and again whenever its {@link #checksum()}
	 * changes.
	 */
	@Nullable String version();

	/** What it does, as the history and every message show it. */
	String description();

	/**
	 * A checksum of what it does, so that changing an applied migration is a validation
	 * problem as it is for a SQL file; {@code null} (the default) for none: the migration
	 * is then recorded with checksum 0 and an edit goes unseen.
	 */
	default @Nullable Integer checksum() {
		return null;
	}

	/**
	 * Whether it runs inside a transaction with its history row (the default). A
	 * migration that commits in batches answers {@code false}: it then runs on a
	 * connection in autocommit mode, without the effect check, and a failure halfway
	 * leaves what it committed.
	 */
	default boolean canExecuteInTransaction() {
		return true;
	}

	/**
	 * Its own {@code lock_timeout}, {@code null} (the default) for the configured one
	 * ({@code -- strata:lock-timeout} in a SQL file).
	 */
	default @Nullable Duration lockTimeout() {
		return null;
	}

	/**
	 * Its own {@code statement_timeout}, {@code null} (the default) for the configured
	 * one ({@code -- strata:statement-timeout} in a SQL file).
	 */
	default @Nullable Duration statementTimeout() {
		return null;
	}

	/**
	 * Runs the migration. Use the context's connection (or anything that runs on it); do
	 * not commit, roll back or close it. An exception fails the migration: rolled back
	 * inside a transaction.
	 */
	void migrate(JavaMigrationContext context) throws Exception;

}
