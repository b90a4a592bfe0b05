package dev.strata.example;

import java.nio.file.Path;
import java.util.Map;

import dev.strata.test.EmbeddedPostgresLauncher;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so
 * the example runs on a machine with nothing but a JDK. Its data directory survives
 * restarts (the second start shows "up to date"); with a URL the app runs against any
 * PostgreSQL instead.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

	static final String DIRECTORY_PROPERTY = "example.embedded-database.directory";

	static final String ENABLED_PROPERTY = "example.embedded-database.enabled";

	private static volatile EmbeddedPostgresLauncher.Handle server;

	private final Log logger;

	public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		EmbeddedPostgresLauncher.Handle handle = start(directory(environment));
		this.logger.info("No spring.datasource.url set: using embedded PostgreSQL on port " + handle.port()
				+ " with data in " + handle.dataDirectory());
		environment.getPropertySources()
			.addLast(new MapPropertySource("embeddedDatabase",
					Map.of("spring.datasource.url", handle.jdbcUrl("postgres"), "spring.datasource.username",
							handle.username(), "spring.datasource.password", handle.password())));
	}

	private static Path directory(ConfigurableEnvironment environment) {
		String configured = environment.getProperty(DIRECTORY_PROPERTY);
		return (configured != null) ? Path.of(configured)
				: Path.of(System.getProperty("java.io.tmpdir"), "strata-example", "pgdata");
	}

	private static synchronized EmbeddedPostgresLauncher.Handle start(Path directory) {
		// One server per JVM, even if the environment is prepared more than once.
		if (server == null) {
			server = EmbeddedPostgresLauncher.start(directory, 0);
		}
		return server;
	}

}
