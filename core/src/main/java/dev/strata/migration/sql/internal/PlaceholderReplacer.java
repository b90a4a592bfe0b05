package dev.strata.migration.sql.internal;

import java.util.Locale;
import java.util.Map;

import dev.strata.source.MigrationSourceException;

/**
 * Replaces placeholders in a file's text as Flyway does: wherever the prefix occurs, up
 * to the next suffix, whatever the SQL around it (Flyway replaces in the text before it
 * parses it). A prefix with no suffix after it is text.
 */
public final class PlaceholderReplacer {

	private PlaceholderReplacer() {
	}

	/**
	 * @param values every value, by lower-case name
	 * @throws MigrationSourceException naming {@code location:line} of the first
	 * placeholder without a value
	 */
	public static String replace(String text, String location, String prefix, String suffix,
			Map<String, String> values) {
		StringBuilder replaced = new StringBuilder(text.length());
		int from = 0;
		int start;
		while ((start = text.indexOf(prefix, from)) >= 0) {
			int end = text.indexOf(suffix, start + prefix.length());
			if (end < 0) {
				break;
			}
			String name = text.substring(start + prefix.length(), end);
			String value = values.get(name.toLowerCase(Locale.ROOT));
			if (value == null) {
				throw new MigrationSourceException(location + ":" + line(text, start),
						"uses the placeholder " + prefix + name + suffix + ", which has no value",
						"set strata.placeholders." + name + ", or, if the text is not meant as a placeholder, turn"
								+ " replacement off with strata.placeholder-replacement=false");
			}
			replaced.append(text, from, start).append(value);
			from = end + suffix.length();
		}
		return replaced.append(text, from, text.length()).toString();
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
