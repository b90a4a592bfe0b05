package dev.strata.source;

/**
 * Where migrations live: {@code classpath:db/migration} (the default prefix) or
 * {@code filesystem:/opt/app/migrations}.
 *
 * @param kind classpath or filesystem
 * @param path the path without prefix and without leading or trailing slashes for the
 * classpath
 */
public record Location(Kind kind, String path) {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	/** Where a location's files are looked up. */
	public enum Kind {

		CLASSPATH, FILESYSTEM

	}

	/**
	 * Parses {@code classpath:x}, {@code filesystem:x} or a bare path (taken as
	 * classpath).
	 */
	public static Location parse(String text) {
		String trimmed = text.trim();
		if (trimmed.startsWith(FILESYSTEM_PREFIX)) {
			String path = trimmed.substring(FILESYSTEM_PREFIX.length());
			if (path.isEmpty()) {
				throw new IllegalArgumentException("location '" + text + "' names no directory");
			}
			return new Location(Kind.FILESYSTEM, path);
		}
		String path = trimmed.startsWith(CLASSPATH_PREFIX) ? trimmed.substring(CLASSPATH_PREFIX.length()) : trimmed;
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return new Location(Kind.CLASSPATH, path);
	}

	/**
	 * A file below this location, as shown in messages:
	 * {@code classpath:db/migration/V1__init.sql}.
	 */
	public String describe(String relativePath) {
		return this + "/" + relativePath;
	}

	@Override
	public String toString() {
		return ((this.kind == Kind.CLASSPATH) ? CLASSPATH_PREFIX : FILESYSTEM_PREFIX) + this.path;
	}

}
