package dev.strata.archive.internal;

/** Quoting names and values into the SQL the archive writes. */
final class Sql {

	private Sql() {
	}

	/** A name as a quoted identifier: {@code "My ""T"""}. */
	static String identifier(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

	/** {@code "schema"."name"}. */
	static String qualified(String schema, String name) {
		return identifier(schema) + "." + identifier(name);
	}

	/** A string literal. */
	static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/**
	 * A name as written in SQL ({@code Foo} or {@code "Foo"}) as the catalog stores it.
	 */
	static String catalogName(String written) {
		if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
			return written.substring(1, written.length() - 1).replace("\"\"", "\"");
		}
		return written.toLowerCase(java.util.Locale.ROOT);
	}

}
