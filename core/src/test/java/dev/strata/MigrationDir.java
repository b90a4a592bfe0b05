package dev.strata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory of migration files for one test, used as a {@code filesystem:} location so
 * a test can edit, add or delete a file between two commands.
 */
final class MigrationDir {

	private final Path root;

	MigrationDir(Path root) {
		this.root = root;
	}

	/**
	 * Writes (or overwrites) a UTF-8 file below the directory, creating subdirectories.
	 */
	MigrationDir write(String relativePath, String sql) {
		return writeBytes(relativePath, sql.getBytes(StandardCharsets.UTF_8));
	}

	MigrationDir writeBytes(String relativePath, byte[] bytes) {
		Path file = this.root.resolve(relativePath);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	MigrationDir delete(String relativePath) {
		try {
			Files.delete(this.root.resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** {@code filesystem:/tmp/...}. */
	String location() {
		return "filesystem:" + this.root;
	}

	/** Where a file is reported in messages. */
	String describe(String relativePath) {
		return location() + "/" + relativePath;
	}

}
