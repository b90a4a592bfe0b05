package dev.strata.autoconfigure.docker.compose;

import java.util.Map;

import dev.strata.autoconfigure.StrataConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.util.StringUtils;

/**
 * {@link StrataConnectionDetails} from a {@code postgres} service that Spring Boot's
 * Docker Compose support started: Strata migrates the service's database, with the login
 * its environment sets up, as the application's DataSource uses it.
 */
class StrataDockerComposeConnectionDetailsFactory
		extends DockerComposeConnectionDetailsFactory<StrataConnectionDetails> {

	private static final int POSTGRES_PORT = 5432;

	StrataDockerComposeConnectionDetailsFactory() {
		super("postgres");
	}

	@Override
	protected StrataConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new StrataDockerComposeConnectionDetails(source.getRunningService());
	}

	/** The URL and login of a running {@code postgres} service. */
	static final class StrataDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements StrataConnectionDetails {

		/** Where Boot's JDBC support reads extra URL parameters from, so both agree. */
		static final String PARAMETERS_LABEL = "org.springframework.boot.jdbc.parameters";

		private final String jdbcUrl;

		private final String username;

		private final @Nullable String password;

		StrataDockerComposeConnectionDetails(RunningService service) {
			super(service);
			Map<String, String> env = service.env();
			this.username = first(env, "postgres", "POSTGRES_USER", "POSTGRESQL_USER", "POSTGRESQL_USERNAME");
			this.password = password(env);
			String database = first(env, this.username, "POSTGRES_DB", "POSTGRESQL_DB", "POSTGRESQL_DATABASE");
			String parameters = service.labels().get(PARAMETERS_LABEL);
			this.jdbcUrl = "jdbc:postgresql://" + service.host() + ":" + service.ports().get(POSTGRES_PORT) + "/"
					+ database + (StringUtils.hasText(parameters) ? "?" + parameters : "");
		}

		private static String first(Map<String, String> env, String fallback, String... keys) {
			for (String key : keys) {
				String value = env.get(key);
				if (StringUtils.hasText(value)) {
					return value;
				}
			}
			return fallback;
		}

		// The image refuses to start without a password unless told to trust logins.
		private static @Nullable String password(Map<String, String> env) {
			String password = first(env, "", "POSTGRES_PASSWORD", "POSTGRESQL_PASSWORD");
			if (StringUtils.hasText(password)) {
				return password;
			}
			if ("trust".equals(env.get("POSTGRES_HOST_AUTH_METHOD")) || "yes".equals(env.get("ALLOW_EMPTY_PASSWORD"))) {
				return null;
			}
			throw new IllegalStateException("The postgres service sets no password: set POSTGRES_PASSWORD in its"
					+ " environment (or POSTGRES_HOST_AUTH_METHOD=trust)");
		}

		@Override
		public String getJdbcUrl() {
			return this.jdbcUrl;
		}

		@Override
		public String getUsername() {
			return this.username;
		}

		@Override
		public @Nullable String getPassword() {
			return this.password;
		}

	}

}
