package dev.strata.migration.sql;

import java.util.List;

import dev.strata.migration.MigrationResolver;
import dev.strata.source.Location;
import dev.strata.source.internal.MigrationSource;

/** The SQL files at the configured locations, each a {@link SqlMigration}. */
public final class SqlMigrationResolver implements MigrationResolver {

	private final MigrationSource source;

	private final PlaceholderContext placeholders;

	/**
	 * Locations that may be missing, each such one logged as a warning.
	 */
	public SqlMigrationResolver(List<Location> locations, ClassLoader classLoader) {
		this(locations, classLoader, false);
	}

	/**
	 * @param configured whether the locations were configured, so that each must exist
	 * (see {@link MigrationSource#MigrationSource(List, ClassLoader, boolean)})
	 */
	public SqlMigrationResolver(List<Location> locations, ClassLoader classLoader, boolean configured) {
		this(locations, classLoader, configured, PlaceholderContext.none());
	}

	/**
	 * @param placeholders how the files' placeholders are replaced
	 */
	public SqlMigrationResolver(List<Location> locations, ClassLoader classLoader, boolean configured,
			PlaceholderContext placeholders) {
		this.source = new MigrationSource(locations, classLoader, configured);
		this.placeholders = placeholders;
	}

	@Override
	public List<SqlMigration> resolve() {
		return this.source.load().stream().map((file) -> new SqlMigration(file, this.placeholders)).toList();
	}

}
