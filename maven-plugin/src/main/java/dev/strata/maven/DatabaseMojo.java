package dev.strata.maven;

import dev.strata.ConnectionSettings;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.guard.GuardSettings;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A goal that works on a database given to the plugin by URL, for teams that migrate from
 * CI without starting the application. The URL is never read from application.properties:
 * the database a build changes is named where the build runs. Failures carry the category
 * the migrator turns into its exit code.
 */
abstract class DatabaseMojo extends AbstractStrataMojo {

	private static final ConnectionSettings CONNECTION_SETTINGS = new ConnectionSettings(
			"the plugin's <url> (-Dstrata.url)", "its <user> and <password> (-Dstrata.user, -Dstrata.password)");

	/** The JDBC URL of the database: {@code jdbc:postgresql://host:5432/db}. */
	@Parameter(property = "strata.url")
	@Nullable String url;

	/** The user to connect as. */
	@Parameter(property = "strata.user")
	@Nullable String user;

	/** The user's password. */
	@Parameter(property = "strata.password")
	@Nullable String password;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping strata:" + goal() + " (strata.skip)");
			return;
		}
		Strata strata = strata();
		try {
			run(strata);
		}
		catch (StrataException ex) {
			throw Failures.of(goal(), ex);
		}
		catch (RuntimeException ex) {
			throw Failures.unexpected(goal(), ex);
		}
	}

	/** The goal's name, for messages. */
	abstract String goal();

	/** Runs the command and reports it in the build log. */
	abstract void run(Strata strata) throws MojoFailureException;

	private Strata strata() throws MojoExecutionException {
		if (this.url == null || this.url.isBlank()) {
			throw Failures.configuration(goal(),
					"it needs the database's URL: -Dstrata.url=jdbc:postgresql://host:5432/db"
							+ " (with -Dstrata.user and -Dstrata.password), or <url> in the plugin's configuration");
		}
		try {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setUrl(this.url);
			if (this.user != null) {
				dataSource.setUser(this.user);
			}
			if (this.password != null) {
				dataSource.setPassword(this.password);
			}
			ProjectLocations locations = projectLocations();
			GuardSettings guard = guardSettings();
			StrataConfig.Builder config = StrataConfig.builder(dataSource)
				.connectionSettings(CONNECTION_SETTINGS)
				.applicationName("strata-maven-plugin")
				.locations(locations.forCore())
				.classLoader(locations.classLoader())
				.schema(schemaName())
				.table(tableName())
				.allowDestructive(guard.allowDestructive())
				.guardStrict(guard.strict())
				.guardRules(guard.rules())
				.guardBaselineVersion(guard.baselineVersion())
				.largeTableRows(guard.largeTableRows())
				.placeholderReplacement(placeholderReplacement())
				.placeholders(placeholderValues());
			ApplicationProperties application = application();
			Boolean outOfOrder = application.getBoolean("strata.out-of-order");
			if (outOfOrder != null) {
				config.outOfOrder(outOfOrder);
			}
			String baselineVersion = application.get("strata.baseline-version");
			if (baselineVersion != null) {
				config.baselineVersion(baselineVersion);
			}
			Boolean baselineOnMigrate = application.getBoolean("strata.baseline-on-migrate");
			if (baselineOnMigrate != null) {
				config.baselineOnMigrate(baselineOnMigrate);
			}
			return new Strata(config.build());
		}
		catch (IllegalArgumentException ex) {
			// pgjdbc's answer to a URL it cannot read, or a setting core refuses
			throw Failures.configuration(goal(), ex.getMessage());
		}
	}

	static String plural(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
