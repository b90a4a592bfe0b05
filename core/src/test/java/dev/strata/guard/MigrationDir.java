package dev.strata.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import dev.strata.StrataConfig;

/** Test helper: migration files in a directory, and a config reading them. */
record MigrationDir(Path dir) {

	MigrationDir write(String name, String sql) {
		try {
			Files.writeString(this.dir.resolve(name), sql);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	StrataConfig.Builder config(DataSource dataSource) {
		return StrataConfig.builder(dataSource).locations("filesystem:" + this.dir);
	}

}
