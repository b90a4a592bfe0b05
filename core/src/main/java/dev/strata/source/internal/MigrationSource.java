package dev.strata.source.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.source.Location;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;

/**
 * Finds and reads every migration file at the configured locations. Every {@code .sql}
 * file must be a valid migration: a typo in a name is an error, never a silently skipped
 * file. So is a location that was configured but does not exist; only the default
 * location may be missing (a project without migrations yet).
 */
public final class MigrationSource {

	private static final Logger logger = LoggerFactory.getLogger(MigrationSource.class);

	private final List<Location> locations;

	private final ClassLoader classLoader;

	private final boolean configured;

	/**
	 * Locations that may be missing, each such one logged as a warning.
	 */
	public MigrationSource(List<Location> locations, ClassLoader classLoader) {
		this(locations, classLoader, false);
	}

	/**
	 * @param configured whether the locations were configured rather than defaulted: a
	 * configured location that does not exist is an error (a typo in it must not read as
	 * "no migrations"); the default one missing is a warning
	 */
	public MigrationSource(List<Location> locations, ClassLoader classLoader, boolean configured) {
		this.locations = List.copyOf(locations);
		this.classLoader = classLoader;
		this.configured = configured;
	}

	public List<Location> locations() {
		return this.locations;
	}

	/**
	 * Reads every migration file, in the order found; duplicates and the order they apply
	 * in are {@code dev.strata.migration.internal.Migrations}' concern.
	 * @throws MigrationSourceException for a bad name, an unreadable or non-UTF-8 file,
	 * an entry named like a migration that is no file
	 * @throws StrataException of category {@link ErrorCategory#CONFIGURATION} for a
	 * configured location that does not exist, and a filesystem location that is no
	 * readable directory
	 */
	public List<MigrationFile> load() {
		return loadWithUndos().migrations();
	}

	/**
	 * As {@link #load()}, and the undo files ({@code U<version>__<description>.sql})
	 * apart: they are no migrations of the version order, each belongs to the versioned
	 * migration of its version. One scan finds both.
	 */
	public Found loadWithUndos() {
		List<MigrationFile> files = new ArrayList<>();
		List<MigrationFile> undos = new ArrayList<>();
		for (Location location : this.locations) {
			if (!exists(location)) {
				if (this.configured) {
					throw missing(location);
				}
				logger.warn("No migrations: {} does not exist", location);
				continue;
			}
			List<ScannedFile> found = scan(location);
			if (found.isEmpty()) {
				logger.warn("No migrations found at {}", location);
			}
			for (ScannedFile file : found) {
				if (!CallbackFileName.isCallback(file.fileName())) {
					(MigrationName.isUndo(file.fileName()) ? undos : files).add(read(file));
				}
			}
		}
		return new Found(List.copyOf(files), List.copyOf(undos));
	}

	/**
	 * The files found at the locations.
	 *
	 * @param migrations the migration files, in the order found
	 * @param undos the undo files, each read as a versioned file of the version it
	 * reverts
	 */
	public record Found(List<MigrationFile> migrations, List<MigrationFile> undos) {
	}

	/**
	 * Reads every SQL callback file ({@code afterMigrate.sql},
	 * {@code afterMigrate__grants.sql}, …) at the locations, ordered by file name. A
	 * missing location holds none: {@link #load()} reports it.
	 * @throws MigrationSourceException for a callback of an event Strata does not run, or
	 * an unreadable file
	 */
	public List<CallbackFile> loadCallbacks() {
		List<CallbackFile> callbacks = new ArrayList<>();
		for (Location location : this.locations) {
			if (!exists(location)) {
				continue;
			}
			List<ScannedFile> found = switch (location.kind()) {
				case CLASSPATH -> ClasspathScanner.scan(location, this.classLoader, CallbackFileName::isCallback);
				case FILESYSTEM ->
					FilesystemScanner.scan(location, Path.of(location.path()), CallbackFileName::isCallback);
			};
			for (ScannedFile file : found) {
				CallbackFileName name = CallbackFileName.parse(file.fileName(), file.describe());
				callbacks.add(new CallbackFile(name,
						MigrationFile.read(MigrationType.REPEATABLE, null,
								name.event() + (name.description().isEmpty() ? "" : " " + name.description()),
								file.relativePath(), file.describe(), bytes(file))));
			}
		}
		callbacks.sort(Comparator.comparing((CallbackFile callback) -> fileName(callback.file().script()))
			.thenComparing((callback) -> callback.file().location()));
		return callbacks;
	}

	private static String fileName(String relativePath) {
		return relativePath.substring(relativePath.lastIndexOf('/') + 1);
	}

	private boolean exists(Location location) {
		return switch (location.kind()) {
			case CLASSPATH -> ClasspathScanner.exists(location, this.classLoader);
			case FILESYSTEM -> Files.exists(Path.of(location.path()));
		};
	}

	private static StrataException missing(Location location) {
		String problem = switch (location.kind()) {
			case CLASSPATH -> " is not on the classpath. Fix: correct the location (strata.locations);"
					+ " src/main/resources/db/migration is classpath:db/migration.";
			case FILESYSTEM -> FilesystemScanner.where(location, Path.of(location.path()))
					+ " does not exist. Fix: correct the location (strata.locations)," + " or create the directory.";
		};
		return new StrataException(ErrorCategory.CONFIGURATION, "Migration location " + location + problem);
	}

	private List<ScannedFile> scan(Location location) {
		return switch (location.kind()) {
			case CLASSPATH -> ClasspathScanner.scan(location, this.classLoader);
			case FILESYSTEM -> FilesystemScanner.scan(location, Path.of(location.path()));
		};
	}

	private static MigrationFile read(ScannedFile file) {
		MigrationName name = MigrationName.parse(file.fileName(), file.describe());
		return MigrationFile.read(name.type(), name.version(), name.description(), file.relativePath(), file.describe(),
				bytes(file));
	}

	private static byte[] bytes(ScannedFile file) {
		try {
			return file.content().read();
		}
		catch (IOException ex) {
			throw new MigrationSourceException(file.describe(), "cannot be read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
	}

}
