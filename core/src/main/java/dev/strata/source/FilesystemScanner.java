package dev.strata.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Lists the {@code .sql} files below a directory, recursively. */
final class FilesystemScanner {

	private FilesystemScanner() {
	}

	static List<ScannedFile> scan(Location location, Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		List<ScannedFile> files = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(root)) {
			paths.filter(FilesystemScanner::isSqlFile).forEach((path) -> {
				String relative = relativePath(root, path);
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

	private static boolean isSqlFile(Path path) {
		return path.getFileName().toString().endsWith(MigrationName.SUFFIX) && Files.isRegularFile(path);
	}

}
