package dev.strata.source.internal;

import java.io.IOException;
import dev.strata.source.Location;

/**
 * A {@code .sql} file found at a location, not yet read.
 *
 * @param relativePath path below the location, with {@code /} separators
 * @param location the location it was found at
 * @param content reads the bytes when asked
 */
record ScannedFile(String relativePath, Location location, BytesReader content) {

	String fileName() {
		int slash = this.relativePath.lastIndexOf('/');
		return (slash < 0) ? this.relativePath : this.relativePath.substring(slash + 1);
	}

	String describe() {
		return this.location.describe(this.relativePath);
	}

	/** Reads a file's bytes; may fail with an I/O error. */
	@FunctionalInterface
	interface BytesReader {

		byte[] read() throws IOException;

	}

}
