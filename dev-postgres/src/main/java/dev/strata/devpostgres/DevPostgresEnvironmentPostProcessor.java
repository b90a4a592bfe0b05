package dev.strata.devpostgres;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;

import dev.strata.test.EmbeddedPostgresLauncher;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A development database: when no {@code spring.datasource.url} is configured, starts an
 * embedded PostgreSQL on a data directory that survives restarts and points the
 * application's datasource at it.
 *
 * <p>
 * Meant as a development-time dependency ({@code <optional>true</optional>}), which
 * Spring Boot's Maven plugin leaves out of the repackaged jar. Should it end up inside a
 * packaged jar anyway, it does nothing there: a production start without a URL fails as
 * it would without this module, rather than running on a throw-away database.
 *
 * <p>
 * Its properties ({@code dev-postgres.*}) are not {@code strata.*} keys on purpose: the
 * module is absent from production, so Strata's strict check of its own configuration
 * does not need to know them.
 */
public class DevPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED_PROPERTY = "dev-postgres.enabled";

	static final String DATA_DIRECTORY_PROPERTY = "dev-postgres.data-directory";

	static final String PORT_PROPERTY = "dev-postgres.port";

	private static final String DATABASE = "postgres";

	private static EmbeddedPostgresLauncher.Handle server;

	private final Log logger;

	public DevPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevPostgresEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		if (isInsidePackagedJar()) {
			this.logger.info("strata-dev-postgres is inside a packaged jar: no development database is started"
					+ " (declare it <optional>true</optional> so that the jar leaves it out)");
			return;
		}
		Path directory = dataDirectory(environment);
		EmbeddedPostgresLauncher.Handle handle = start(directory,
				environment.getProperty(PORT_PROPERTY, Integer.class, 0));
		this.logger.info("No spring.datasource.url set: development PostgreSQL on port " + handle.port() + ", data in "
				+ handle.dataDirectory() + " (kept across restarts; delete it to start afresh)."
				+ " Connect with: psql -h " + handle.host() + " -p " + handle.port() + " -U " + handle.username() + " "
				+ DATABASE);
		environment.getPropertySources()
			.addLast(new MapPropertySource("devPostgres", Map.of("spring.datasource.url", handle.jdbcUrl(DATABASE),
					"spring.datasource.username", handle.username(), "spring.datasource.password", handle.password())));
	}

	/**
	 * Where the data lives unless configured: one directory per application name under
	 * the temporary directory, which the server's account can reach even when the JVM
	 * runs as root.
	 */
	static Path dataDirectory(ConfigurableEnvironment environment) {
		String configured = environment.getProperty(DATA_DIRECTORY_PROPERTY);
		if (configured != null) {
			return Path.of(configured);
		}
		String application = environment.getProperty("spring.application.name", "application")
			.replaceAll("[^A-Za-z0-9._-]", "_");
		return Path.of(System.getProperty("java.io.tmpdir"), "strata-dev-postgres", application);
	}

	/**
	 * Whether this class was loaded from a jar nested in a Spring Boot executable jar,
	 * that is, whether the application runs packaged rather than from a build.
	 */
	static boolean isInsidePackagedJar() {
		CodeSource source = DevPostgresEnvironmentPostProcessor.class.getProtectionDomain().getCodeSource();
		URL location = (source != null) ? source.getLocation() : null;
		return location != null && isNestedJar(location.toString());
	}

	/**
	 * Whether a code source location is a library inside an executable jar: Spring Boot's
	 * launcher loads those from {@code jar:nested:/…/app.jar/!BOOT-INF/lib/….jar!/}.
	 */
	static boolean isNestedJar(String location) {
		return location.startsWith("nested:") || location.startsWith("jar:nested:") || location.contains("!BOOT-INF/")
				|| location.contains("!/BOOT-INF/");
	}

	private static synchronized EmbeddedPostgresLauncher.Handle start(Path directory, int port) {
		// One server per JVM, even if the environment is prepared more than once (a
		// devtools restart, a test context): the launcher stops it at JVM exit.
		if (server == null) {
			server = EmbeddedPostgresLauncher.start(directory, port);
		}
		return server;
	}

	/** Stops the server, as the end of the JVM would (for tests of a restart). */
	static synchronized void stop() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

}
