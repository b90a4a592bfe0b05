package dev.strata.migration.sql;

import java.util.List;

import dev.strata.migration.MigrationResolver;
import dev.strata.source.Location;
import dev.strata.source.MigrationSource;

/** The SQL files at the configured locations, each a {@link SqlMigration}. */
public final class SqlMigrationResolver implements MigrationResolver {

	private final MigrationSource source;

	public SqlMigrationResolver(List<Location> locations, ClassLoader classLoader) {
		this.source = new MigrationSource(locations, classLoader);
	}

	@Override
	public List<SqlMigration> resolve() {
		return this.source.load().stream().map(SqlMigration::new).toList();
	}

}
