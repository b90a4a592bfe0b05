package dev.strata.migration;

import java.sql.SQLException;

/**
 * What a migration does when it runs. The executor calls it once per application, inside
 * the migration's transaction unless the migration asked to run without one, and records
 * the history row itself.
 */
@FunctionalInterface
public interface MigrationBody {

	/**
	 * Runs the migration. A {@link SQLException} fails it: rolled back, or, outside a
	 * transaction, recorded as failed after the statements that ran.
	 */
	void run(MigrationRun run) throws SQLException;

}
