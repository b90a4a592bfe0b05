package dev.strata.migration.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code ${name}} in SQL files is replaced, with Flyway's syntax: the values
 * ({@code strata.placeholders.<name>}), the prefix and suffix around a name, and whether
 * replacement happens at all. Names are matched ignoring case, as Flyway matches them.
 *
 * @param replacement whether placeholders are replaced; when off, files run as written
 * @param prefix what opens a placeholder, {@code ${} by default @param suffix what closes
 * it, <code>}</code> by default
 * @param values the configured values, by name
 */
public record Placeholders(boolean replacement, String prefix, String suffix, Map<String, String> values) {

	/** Replacement on, Flyway's {@code ${…}}, no values of the user's own. */
	public static final Placeholders DEFAULTS = new Placeholders(true, "${", "}", Map.of());

	public Placeholders {
		Objects.requireNonNull(prefix, "prefix must not be null");
		Objects.requireNonNull(suffix, "suffix must not be null");
		if (prefix.isEmpty() || suffix.isEmpty()) {
			throw new IllegalArgumentException("The placeholder prefix and suffix must not be empty");
		}
		values = Map.copyOf(new LinkedHashMap<>(values));
	}

}
