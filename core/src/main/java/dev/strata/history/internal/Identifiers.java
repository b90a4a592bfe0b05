package dev.strata.history.internal;

/** Quotes PostgreSQL identifiers. */
public final class Identifiers {

	private Identifiers() {
	}

	/** {@code my"schema} becomes {@code "my""schema"}: safe to splice into SQL. */
	public static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
