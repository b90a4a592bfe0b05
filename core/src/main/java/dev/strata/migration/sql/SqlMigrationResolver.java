package dev.strata.migration.sql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.migration.MigrationResolver;
import dev.strata.source.Location;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.Version;
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

	/**
	 * The SQL migrations, each versioned one with its undo file if it has one.
	 * @throws MigrationSourceException for an undo file with no versioned SQL migration
	 * of its version, or two undo files for one version
	 */
	@Override
	public List<SqlMigration> resolve() {
		MigrationSource.Found found = this.source.loadWithUndos();
		Map<Version, MigrationFile> undos = new HashMap<>();
		for (MigrationFile undo : found.undos()) {
			MigrationFile previous = undos.putIfAbsent(undo.version(), undo);
			if (previous != null) {
				throw new MigrationSourceException(undo.location(),
						"is a second undo file of version " + undo.version() + ", after " + previous.location(),
						"keep one undo file per version");
			}
		}
		List<SqlMigration> migrations = new ArrayList<>();
		for (MigrationFile file : found.migrations()) {
			MigrationFile undo = (file.version() != null) ? undos.remove(file.version()) : null;
			migrations.add(new SqlMigration(file, this.placeholders, undo));
		}
		if (!undos.isEmpty()) {
			MigrationFile orphan = undos.values().iterator().next();
			throw new MigrationSourceException(orphan.location(),
					"is an undo file, but no versioned SQL migration V" + orphan.version()
							+ "__<description>.sql is there for it to revert",
					"rename it after the version it reverts (U<version> of V<version>), or remove it");
		}
		return migrations;
	}

}
