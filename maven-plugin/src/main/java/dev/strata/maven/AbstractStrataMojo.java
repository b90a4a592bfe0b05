package dev.strata.maven;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.strata.StrataConfig;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.policy.RuleMode;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.migration.sql.Placeholders;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * What every goal shares: where the migrations are and how the guard judges them. Each
 * setting is taken from the plugin's configuration (or {@code -D}), else from the
 * project's {@code application.properties} or {@code application.yml}, else Strata's
 * default.
 */
abstract class AbstractStrataMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	File basedir;

	@Parameter(defaultValue = "${project.build.resources}", readonly = true)
	@Nullable List<Resource> resources;

	/**
	 * Where the migrations are, as {@code strata.locations}: {@code classpath:} locations
	 * are read from the project's resource directories, {@code filesystem:} ones relative
	 * to the project's directory. Default: {@code strata.locations} of
	 * application.properties, else {@code classpath:db/migration}
	 * ({@code src/main/resources/db/migration}).
	 */
	@Parameter(property = "strata.locations")
	@Nullable List<String> locations;

	/**
	 * The application's properties the plugin reads {@code strata.*} settings from, with
	 * the {@code .yml} and {@code .yaml} files of the same name beside it (the properties
	 * file winning, as in Spring Boot); a YAML file named here is read alone.
	 */
	@Parameter(property = "strata.applicationProperties",
			defaultValue = "${project.basedir}/src/main/resources/application.properties")
	@Nullable File applicationProperties;

	/**
	 * As {@code strata.allow-destructive}: DESTRUCTIVE findings warn instead of refusing.
	 */
	@Parameter(property = "strata.allow-destructive")
	@Nullable Boolean allowDestructive;

	/** As {@code strata.guard.strict}: LOCKING and INCOMPATIBLE findings refuse too. */
	@Parameter(property = "strata.guard.strict")
	@Nullable Boolean strict;

	/**
	 * As {@code strata.guard.rules.<id>}: {@code off}, {@code warn} or {@code refuse} by
	 * rule id; merged over the application's.
	 */
	@Parameter
	@Nullable Map<String, String> rules;

	/**
	 * As {@code strata.guard.baseline-version}: migrations at or below it are not
	 * checked.
	 */
	@Parameter(property = "strata.guard.baseline-version")
	@Nullable String guardBaselineVersion;

	/** As {@code strata.placeholders.<name>}; merged over the application's. */
	@Parameter
	@Nullable Map<String, String> placeholders;

	/** As {@code strata.schema}: the schema of the history table. */
	@Parameter(property = "strata.schema")
	@Nullable String schema;

	/** As {@code strata.table}: the history table. */
	@Parameter(property = "strata.table")
	@Nullable String table;

	/** Skips the goal. */
	@Parameter(property = "strata.skip", defaultValue = "false")
	boolean skip;

	private @Nullable ApplicationProperties application;

	final ApplicationProperties application() throws MojoExecutionException {
		if (this.application == null) {
			try {
				this.application = (this.applicationProperties != null)
						? ApplicationProperties.read(this.applicationProperties.toPath()) : ApplicationProperties.NONE;
			}
			catch (IOException ex) {
				throw new MojoExecutionException("Cannot read the application's settings (" + this.applicationProperties
						+ " and the application.yml beside it): " + ex.getMessage(), ex);
			}
		}
		return this.application;
	}

	final ProjectLocations projectLocations() throws MojoExecutionException {
		List<String> configured = this.locations;
		if (configured == null || configured.isEmpty()) {
			String fromApplication = application().get("strata.locations");
			configured = (fromApplication != null) ? Arrays.stream(fromApplication.split(","))
				.map(String::trim)
				.filter((location) -> !location.isEmpty())
				.toList() : List.of(StrataConfig.DEFAULT_LOCATION);
		}
		List<java.nio.file.Path> directories = (this.resources != null)
				? this.resources.stream().map((resource) -> new File(resource.getDirectory()).toPath()).toList()
				: List.of();
		try {
			return new ProjectLocations(this.basedir.toPath(), directories, configured);
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException("Bad location in " + configured + ": " + ex.getMessage(), ex);
		}
	}

	final GuardSettings guardSettings() throws MojoExecutionException {
		ApplicationProperties application = application();
		try {
			Map<String, RuleMode> ruleModes = new LinkedHashMap<>();
			application.getMap("strata.guard.rules.").forEach((id, mode) -> ruleModes.put(id, ruleMode(id, mode)));
			if (this.rules != null) {
				this.rules.forEach((id, mode) -> ruleModes.put(id, ruleMode(id, mode)));
			}
			String largeTableRows = application.get("strata.guard.large-table-rows");
			return new GuardSettings(
					first(this.allowDestructive, application.getBoolean("strata.allow-destructive"), false),
					first(this.strict, application.getBoolean("strata.guard.strict"), false), ruleModes,
					first(this.guardBaselineVersion, application.get("strata.guard.baseline-version"), null),
					(largeTableRows != null) ? Long.parseLong(largeTableRows) : GuardSettings.DEFAULT_LARGE_TABLE_ROWS,
					GuardSettings.DEFAULTS.verifyEffects());
		}
		catch (RuntimeException ex) {
			throw new MojoExecutionException("Strata's guard settings are wrong: " + ex.getMessage(), ex);
		}
	}

	/** The placeholders' values: the application's, then the plugin's. */
	final Map<String, String> placeholderValues() throws MojoExecutionException {
		Map<String, String> values = new LinkedHashMap<>(application().getMap("strata.placeholders."));
		if (this.placeholders != null) {
			values.putAll(this.placeholders);
		}
		return values;
	}

	final boolean placeholderReplacement() throws MojoExecutionException {
		return first(null, application().getBoolean("strata.placeholder-replacement"), true);
	}

	final @Nullable String schemaName() throws MojoExecutionException {
		return first(this.schema, application().get("strata.schema"), null);
	}

	final String tableName() throws MojoExecutionException {
		return first(this.table, application().get("strata.table"), SchemaHistory.DEFAULT_TABLE);
	}

	/** The placeholders for a run without a database: the built-ins stand for theirs. */
	final PlaceholderContext placeholderContext() throws MojoExecutionException {
		Placeholders syntax = Placeholders.DEFAULTS;
		return new PlaceholderContext(
				new Placeholders(placeholderReplacement(), syntax.prefix(), syntax.suffix(), placeholderValues()),
				schemaName(), tableName(), StrataConfig.DEFAULT_FLYWAY_TABLE);
	}

	private static RuleMode ruleMode(String id, String mode) {
		try {
			return RuleMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"strata.guard.rules." + id + "=" + mode + " is none of off, warn, refuse");
		}
	}

	private static <T> T first(@Nullable T configured, @Nullable T fromApplication, T otherwise) {
		if (configured != null) {
			return configured;
		}
		return (fromApplication != null) ? fromApplication : otherwise;
	}

}
