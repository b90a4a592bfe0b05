package dev.strata.autoconfigure.migrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import dev.strata.ConnectionFailedException;
import dev.strata.ConnectionSettings;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Refuses a migrator pointed at the wrong database before anything is touched: the
 * database name must be {@code strata.migrator.expected-database}, and the database's own
 * {@code strata.environment} label must be {@code strata.migrator.environment}. Both are
 * read-only queries on a connection of their own.
 */
final class TargetGuard {

	/** The database-level setting that labels a database with its environment. */
	static final String ENVIRONMENT_SETTING = "strata.environment";

	private final MigratorProperties properties;

	TargetGuard(MigratorProperties properties) {
		this.properties = properties;
	}

	/** Checks what needs no database: an environment label required but not given. */
	void checkConfiguration() {
		if (this.properties.isRequireEnvironment() && !StringUtils.hasText(this.properties.getEnvironment())) {
			throw refused("strata.migrator.require-environment is true but strata.migrator.environment is not set."
					+ " Say which environment this run targets, e.g. --strata.migrator.environment=production.");
		}
	}

	/**
	 * Checks the database the DataSource reaches.
	 * @return the database's name, for the report
	 */
	String check(DataSource dataSource, ConnectionSettings settings) {
		Target target = read(dataSource, settings);
		String expectedDatabase = this.properties.getExpectedDatabase();
		if (StringUtils.hasText(expectedDatabase) && !expectedDatabase.equals(target.database())) {
			throw refused(
					"Connected to database \"" + target.database() + "\" but strata.migrator.expected-database is \""
							+ expectedDatabase + "\". Nothing was touched. Check the URL this migrator was given.");
		}
		String environment = this.properties.getEnvironment();
		if (StringUtils.hasText(environment) && !environment.equals(target.environment())) {
			String found = (target.environment() != null) ? "is labelled \"" + target.environment() + "\""
					: "has no environment label";
			throw refused("strata.migrator.environment is \"" + environment + "\" but database \"" + target.database()
					+ "\" " + found + ". Nothing was touched. Label the intended database once with: ALTER DATABASE "
					+ target.database() + " SET " + ENVIRONMENT_SETTING + " = '" + environment + "';");
		}
		return target.database();
	}

	private static Target read(DataSource dataSource, ConnectionSettings settings) {
		Connection connection;
		long start = System.nanoTime();
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw ConnectionFailedException.of(ex, Duration.ofNanos(System.nanoTime() - start), dataSource, settings);
		}
		try (connection;
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select current_database(), current_setting('" + ENVIRONMENT_SETTING + "', true)")) {
			rs.next();
			String environment = rs.getString(2);
			return new Target(rs.getString(1), StringUtils.hasLength(environment) ? environment : null);
		}
		catch (SQLException ex) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "Could not read which database the migrator is"
					+ " connected to: " + ex.getMessage() + " (SQLState " + ex.getSQLState() + ").", ex);
		}
	}

	private static StrataException refused(String message) {
		return new StrataException(ErrorCategory.CONFIGURATION, "Wrong target: " + message);
	}

	private record Target(String database, @Nullable String environment) {
	}

}
