package dev.strata.migration;

import java.util.List;

/**
 * Finds the migrations of one kind: the SQL files at the configured locations
 * ({@link dev.strata.migration.sql.SqlMigrationResolver}), or any other source a user
 * adds with {@code StrataConfig.Builder#resolver}. Every resolver's migrations are read
 * for every command that reads migrations, and their versions must not collide across
 * resolvers.
 */
@FunctionalInterface
public interface MigrationResolver {

	/**
	 * Every migration this resolver finds, in any order.
	 * @throws dev.strata.source.MigrationSourceException for one it finds but cannot read
	 */
	List<? extends Migration> resolve();

}
