package dev.strata.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads every migration file at the configured locations. Every {@code .sql}
 * file must be a valid migration: a typo in a name is an error, never a silently skipped
 * file.
 */
public final class MigrationSource {

	private static final Logger logger = LoggerFactory.getLogger(MigrationSource.class);

	private final List<Location> locations;

	private final ClassLoader classLoader;

	public MigrationSource(List<Location> locations, ClassLoader classLoader) {
		this.locations = List.copyOf(locations);
		this.classLoader = classLoader;
	}

	public List<Location> locations() {
		return this.locations;
	}

	/**
	 * Reads every migration file, in the order found; duplicates and the order they apply
	 * in are {@code dev.strata.migration.Migrations}' concern.
	 * @throws MigrationSourceException for a bad name, an unreadable or non-UTF-8 file
	 */
	public List<MigrationFile> load() {
		List<MigrationFile> files = new ArrayList<>();
		for (Location location : this.locations) {
			List<ScannedFile> found = scan(location);
			if (found.isEmpty()) {
				logger.warn("No migrations found at {}", location);
			}
			for (ScannedFile file : found) {
				files.add(read(file));
			}
		}
		return files;
	}

	private List<ScannedFile> scan(Location location) {
		return switch (location.kind()) {
			case CLASSPATH -> ClasspathScanner.scan(location, this.classLoader);
			case FILESYSTEM -> FilesystemScanner.scan(location, Path.of(location.path()));
		};
	}

	private static MigrationFile read(ScannedFile file) {
		MigrationName name = MigrationName.parse(file.fileName(), file.describe());
		byte[] bytes;
		try {
			bytes = file.content().read();
		}
		catch (IOException ex) {
			throw new MigrationSourceException(file.describe(), "cannot be read: " + ex.getMessage(),
					"check that the file is readable", ex);
		}
		return MigrationFile.read(name, file.relativePath(), file.describe(), bytes);
	}

}
