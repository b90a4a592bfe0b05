package dev.strata.migration.sql;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.strata.migration.sql.internal.PlaceholderReplacer;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of one configuration and the built-in values only a connection knows
 * (the schema, the user, the database), bound by the first command that connects. Until
 * then (the lint, which needs no database) the built-ins stand for themselves as
 * PostgreSQL would read them: {@code current_user}, the configured schema or
 * {@code public}.
 */
public final class PlaceholderContext {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Placeholders placeholders;

	private final String historyTable;

	private final String flywayTable;

	private volatile Session session;

	/**
	 * @param placeholders the configured values and syntax
	 * @param schema the configured schema, {@code null} for the connection's current one
	 * @param historyTable Strata's history table ({@code ${strata:table}})
	 * @param flywayTable Flyway's history table ({@code ${flyway:table}})
	 */
	public PlaceholderContext(Placeholders placeholders, @Nullable String schema, String historyTable,
			String flywayTable) {
		this.placeholders = placeholders;
		this.historyTable = historyTable;
		this.flywayTable = flywayTable;
		this.session = new Session((schema != null) ? schema : "public", "current_user", "current_database");
	}

	/** No replacement: files run as written. */
	public static PlaceholderContext none() {
		return new PlaceholderContext(new Placeholders(false, "${", "}", Map.of()), null, "", "");
	}

	public Placeholders placeholders() {
		return this.placeholders;
	}

	/** Binds the built-ins to what a connection found. */
	public void bind(String schema, String user, String database) {
		this.session = new Session(schema, user, database);
	}

	/**
	 * The text with every placeholder replaced, as Flyway replaces them: everywhere in
	 * the text, strings, comments and dollar-quoted bodies included.
	 * @param location the file, for the message naming an unknown placeholder
	 * @param filename the file's name, {@code ${flyway:filename}}
	 * @throws dev.strata.source.MigrationSourceException naming file and line of a
	 * placeholder without a value
	 */
	public String replace(String text, String location, String filename) {
		if (!this.placeholders.replacement() || !text.contains(this.placeholders.prefix())) {
			return text;
		}
		return PlaceholderReplacer.replace(text, location, this.placeholders.prefix(), this.placeholders.suffix(),
				values(filename));
	}

	/** Every value by lower-case name: the configured ones and the built-ins. */
	private Map<String, String> values(String filename) {
		Session session = this.session;
		Map<String, String> values = new HashMap<>();
		String timestamp = LocalDateTime.now().format(TIMESTAMP);
		put(values, "flyway:defaultSchema", session.schema());
		put(values, "flyway:user", session.user());
		put(values, "flyway:database", session.database());
		put(values, "flyway:timestamp", timestamp);
		put(values, "flyway:filename", filename);
		put(values, "flyway:table", this.flywayTable);
		put(values, "strata:schema", session.schema());
		put(values, "strata:user", session.user());
		put(values, "strata:database", session.database());
		put(values, "strata:timestamp", timestamp);
		put(values, "strata:filename", filename);
		put(values, "strata:table", this.historyTable);
		this.placeholders.values().forEach((name, value) -> put(values, name, value));
		return values;
	}

	private static void put(Map<String, String> values, String name, String value) {
		values.put(name.toLowerCase(Locale.ROOT), value);
	}

	private record Session(String schema, String user, String database) {
	}

}
