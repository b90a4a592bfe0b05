package dev.strata.fleet.internal;

import java.util.ArrayList;
import java.util.List;

/** Reads a {@code search_path} setting as PostgreSQL prints it. */
public final class SearchPath {

	private SearchPath() {
	}

	/**
	 * The entries of {@code "$user", public}, unquoted: {@code $user} and {@code public}.
	 * The special {@code $user} is quoted again when the path is set, as PostgreSQL
	 * writes it itself.
	 */
	public static List<String> parse(String setting) {
		List<String> entries = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < setting.length(); i++) {
			char c = setting.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < setting.length() && setting.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == ',') {
				add(entries, current, wasQuoted);
				current.setLength(0);
				wasQuoted = false;
			}
			else if (!Character.isWhitespace(c)) {
				current.append(c);
			}
		}
		add(entries, current, wasQuoted);
		return entries;
	}

	private static void add(List<String> entries, StringBuilder entry, boolean quoted) {
		if (entry.length() > 0 || quoted) {
			// PostgreSQL folds an unquoted name to lower case.
			entries.add(quoted ? entry.toString() : entry.toString().toLowerCase(java.util.Locale.ROOT));
		}
	}

}
