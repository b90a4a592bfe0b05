package dev.strata.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * The connection Strata migrates with, as a Spring Boot service connection: a bean of
 * this type takes the place of {@code strata.url}, {@code strata.user} and
 * {@code strata.password}, as Boot's {@code FlywayConnectionDetails} does for Flyway's. A
 * Testcontainers {@code @ServiceConnection} on a {@code PostgreSQLContainer} and a
 * {@code postgres} service of Docker Compose each define one; an application may define
 * its own (credentials from a vault, say).
 * <p>
 * Only a {@link StrataDataSource} bean wins over it. Without one, Strata migrates with
 * {@code strata.*}, else with the application's DataSource.
 */
public interface StrataConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database to migrate, or {@code null} to migrate the application's
	 * database with {@link #getUsername()}'s credentials.
	 */
	@Nullable String getJdbcUrl();

	/** Login user for migrating. */
	@Nullable String getUsername();

	/** Login password for migrating. */
	@Nullable String getPassword();

	/** Fully qualified name of the JDBC driver; by default found from the URL. */
	default @Nullable String getDriverClassName() {
		return null;
	}

}
