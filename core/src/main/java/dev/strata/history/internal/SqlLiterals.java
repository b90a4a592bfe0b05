package dev.strata.history.internal;

import org.jspecify.annotations.Nullable;

/**
 * SQL literals for values Strata writes itself: correct whatever
 * standard_conforming_strings says.
 */
public final class SqlLiterals {

	private SqlLiterals() {
	}

	/** {@code 42}, or {@code null}. */
	public static String integer(@Nullable Integer value) {
		return (value != null) ? value.toString() : "null";
	}

	/** {@code E'it\'s'}, or {@code null}. */
	public static String string(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		// An E'' string treats backslashes as escapes on every server setting, so both
		// are escaped.
		return "E'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

}
