package dev.strata.source.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.source.Location;
import dev.strata.source.MigrationSourceException;

/**
 * Lists the {@code .sql} files below a directory, recursively. Everything named like a
 * migration must be a file it can read: a dangling symbolic link, or a directory or pipe
 * named {@code V2__x.sql}, is an error, never a silently skipped migration.
 */
final class FilesystemScanner {

	private FilesystemScanner() {
	}

	static List<ScannedFile> scan(Location location, Path root) {
		if (!Files.isDirectory(root)) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					"Migration location " + location + where(location, root)
							+ " is not a directory. Fix: name the directory that holds the"
							+ " migrations (strata.locations).");
		}
		if (!Files.isReadable(root) || !Files.isExecutable(root)) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					"Migration location " + location + where(location, root)
							+ " cannot be read (permission denied). Fix: let the application's"
							+ " user read the directory.");
		}
		List<ScannedFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter((path) -> !path.equals(root) && isNamedLikeAMigration(path)).forEach((path) -> {
				String relative = relativePath(root, path);
				if (!Files.isRegularFile(path)) {
					throw notAFile(location.describe(relative), path);
				}
				files.add(new ScannedFile(relative, location, () -> Files.readAllBytes(path)));
			});
		}
		catch (IOException | UncheckedIOException ex) {
			throw new MigrationSourceException(location.toString(), "cannot be listed: " + ex.getMessage(),
					"check that the directory exists and is readable", ex);
		}
		return files;
	}

	/**
	 * Joined with '/' on every platform; a backslash inside a Linux file name stays part
	 * of the name.
	 */
	private static String relativePath(Path root, Path path) {
		StringBuilder relative = new StringBuilder();
		for (Path element : root.relativize(path)) {
			if (!relative.isEmpty()) {
				relative.append('/');
			}
			relative.append(element);
		}
		return relative.toString();
	}

	/**
	 * Where a location's directory is when its name does not say: a relative one from the
	 * working directory, a classpath one on disk.
	 */
	static String where(Location location, Path root) {
		if (location.kind() == Location.Kind.CLASSPATH) {
			return " (" + root + ")";
		}
		return root.isAbsolute() ? "" : " (" + root.toAbsolutePath() + ")";
	}

	private static boolean isNamedLikeAMigration(Path path) {
		return path.getFileName().toString().endsWith(MigrationName.SUFFIX);
	}

	private static MigrationSourceException notAFile(String file, Path path) {
		if (Files.isSymbolicLink(path) && !Files.exists(path)) {
			return new MigrationSourceException(file,
					"is a symbolic link to " + linkTarget(path) + ", which does not exist",
					"point the link at the migration file, or remove it");
		}
		if (Files.isDirectory(path)) {
			return new MigrationSourceException(file, "is a directory, not a migration file",
					"rename the directory so that its name does not end in " + MigrationName.SUFFIX);
		}
		return new MigrationSourceException(file, "is not a regular file (a pipe, socket or device)",
				"replace it with the migration file, or remove it");
	}

	private static String linkTarget(Path link) {
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (IOException ex) {
			return "a path";
		}
	}

}
