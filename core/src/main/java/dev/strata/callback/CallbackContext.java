package dev.strata.callback;

import java.sql.Connection;

import dev.strata.migration.Migration;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

/** What a running {@link StrataCallback} gets. */
public interface CallbackContext {

	/**
	 * The migration connection: inside the migration's transaction for the
	 * {@linkplain CallbackEvent#isEachMigration() each-migration} events, in a
	 * transaction of the callback's own otherwise. Do not commit, roll back or close it.
	 */
	Connection connection();

	/** The target being migrated. */
	MigrationTarget target();

	/**
	 * The migration the event is about: the one running for the each-migration events,
	 * the one that failed for {@link CallbackEvent#AFTER_MIGRATE_ERROR} (if a migration
	 * failed), {@code null} otherwise.
	 */
	@Nullable Migration migration();

}
