package dev.strata;

import java.sql.SQLException;

import dev.strata.error.StrataException;

/**
 * One of Strata's commands (migrate, validate, status, dry-run, lint, drift,
 * accept-drift, baseline, repair), defined once over a {@link CommandContext} and run by
 * {@link Strata}: the start-up initializer, the migrator, the Actuator views and plain
 * Java all reach the same class.
 *
 * @param <R> the result the command returns
 */
interface Command<R> {

	/**
	 * Runs the command. Throws a {@link StrataException} whose category says what went
	 * wrong.
	 */
	R run(CommandContext context) throws SQLException;

	/**
	 * Whether the command reads the migration files; they are then read on a thread of
	 * their own while the connection opens.
	 */
	default boolean readsMigrations() {
		return true;
	}

}
