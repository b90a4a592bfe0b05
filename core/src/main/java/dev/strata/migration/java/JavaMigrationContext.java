package dev.strata.migration.java;

import java.sql.Connection;

import dev.strata.targets.MigrationTarget;

/**
 * What a running {@link JavaMigration} gets: the migration's connection, with its
 * transaction, timeouts and {@code search_path} in place, and the target it migrates.
 */
public interface JavaMigrationContext {

	/**
	 * The connection the migration runs on: inside its transaction when
	 * {@link #transactional()}. Do not commit, roll back or close it.
	 */
	Connection connection();

	/** Whether the migration runs inside one transaction with its history row. */
	boolean transactional();

	/**
	 * Where it runs: the target's name, its schema ({@code null} for the connection's
	 * current schema), its history table.
	 */
	MigrationTarget target();

}
