package dev.strata.targets;

import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * Where a command works: a DataSource, the schema that holds the history table, the
 * table, and the {@code search_path} migrations run with. Commands run against one
 * target; a runner over many (tenant schemas, several DataSources) runs a command once
 * per target. Results, events and metrics name the target.
 *
 * @param name how results, logs and metrics name it ({@value #DEFAULT_NAME} for the one a
 * configuration has)
 * @param dataSource where connections come from
 * @param schema the schema of the history table, {@code null} for the connection's
 * current schema
 * @param table the history table
 * @param searchPath the schemas migrations run with as their {@code search_path}, in
 * order; empty to leave the connection's {@code search_path} as configured
 */
public record MigrationTarget(String name, DataSource dataSource, @Nullable String schema, String table,
		List<String> searchPath) {

	/** The name of a configuration's only target. */
	public static final String DEFAULT_NAME = "default";

	public MigrationTarget {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(dataSource, "dataSource must not be null");
		Objects.requireNonNull(table, "table must not be null");
		searchPath = List.copyOf(searchPath);
	}

	/**
	 * The value to {@code SET search_path} to, each schema quoted as an identifier;
	 * {@code null} when the target leaves it as configured.
	 */
	public @Nullable String searchPathSetting() {
		if (this.searchPath.isEmpty()) {
			return null;
		}
		StringBuilder setting = new StringBuilder();
		for (String schema : this.searchPath) {
			setting.append((setting.length() > 0) ? ", " : "")
				.append('"')
				.append(schema.replace("\"", "\"\""))
				.append('"');
		}
		return setting.toString();
	}

}
