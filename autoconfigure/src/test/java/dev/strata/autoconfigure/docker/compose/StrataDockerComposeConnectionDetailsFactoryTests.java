package dev.strata.autoconfigure.docker.compose;

import java.util.List;
import java.util.Map;

import dev.strata.autoconfigure.StrataConnectionDetails;
import dev.strata.autoconfigure.docker.compose.StrataDockerComposeConnectionDetailsFactory.StrataDockerComposeConnectionDetails;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What Strata reads from a running {@code postgres} Docker Compose service, given as a
 * hand-made {@link RunningService} (no Docker here): the same URL and login the
 * application's DataSource gets from Spring Boot.
 */
class StrataDockerComposeConnectionDetailsFactoryTests {

	@Test
	void isRegisteredWhereSpringBootLooksForServiceConnections() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class);
		assertThat(factories).hasAtLeastOneElementOfType(StrataDockerComposeConnectionDetailsFactory.class);
	}

	@Test
	void urlAndLoginComeFromTheServicesPortAndEnvironment() {
		StrataConnectionDetails details = new StrataDockerComposeConnectionDetails(service(
				Map.of("POSTGRES_USER", "shop", "POSTGRES_PASSWORD", "secret", "POSTGRES_DB", "orders"), Map.of()));
		assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54321/orders");
		assertThat(details.getUsername()).isEqualTo("shop");
		assertThat(details.getPassword()).isEqualTo("secret");
	}

	@Test
	void theImagesDefaultsFillWhatTheEnvironmentLeavesOut() {
		StrataConnectionDetails details = new StrataDockerComposeConnectionDetails(
				service(Map.of("POSTGRES_PASSWORD", "secret"), Map.of()));
		assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54321/postgres");
		assertThat(details.getUsername()).isEqualTo("postgres");
	}

	@Test
	void bitnamiStyleVariablesAndTheParametersLabelAreRead() {
		StrataConnectionDetails details = new StrataDockerComposeConnectionDetails(service(
				Map.of("POSTGRESQL_USERNAME", "shop", "POSTGRESQL_PASSWORD", "secret", "POSTGRESQL_DATABASE", "orders"),
				Map.of("org.springframework.boot.jdbc.parameters", "sslmode=disable")));
		assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:54321/orders?sslmode=disable");
		assertThat(details.getUsername()).isEqualTo("shop");
	}

	@Test
	void trustedLoginsNeedNoPassword() {
		StrataConnectionDetails details = new StrataDockerComposeConnectionDetails(
				service(Map.of("POSTGRES_HOST_AUTH_METHOD", "trust"), Map.of()));
		assertThat(details.getPassword()).isNull();
	}

	@Test
	void aServiceWithoutPasswordIsRefusedWithWhatToSet() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new StrataDockerComposeConnectionDetails(service(Map.of(), Map.of())))
			.withMessageContaining("POSTGRES_PASSWORD");
	}

	private static RunningService service(Map<String, String> env, Map<String, String> labels) {
		return new RunningService() {

			@Override
			public String name() {
				return "db";
			}

			@Override
			public ImageReference image() {
				return ImageReference.of("postgres:17-alpine");
			}

			@Override
			public String host() {
				return "127.0.0.1";
			}

			@Override
			public ConnectionPorts ports() {
				return new ConnectionPorts() {

					@Override
					public int get(int containerPort) {
						assertThat(containerPort).isEqualTo(5432);
						return 54321;
					}

					@Override
					public List<Integer> getAll() {
						return List.of(54321);
					}

					@Override
					public List<Integer> getAll(String protocol) {
						return List.of(54321);
					}

				};
			}

			@Override
			public Map<String, String> env() {
				return env;
			}

			@Override
			public Map<String, String> labels() {
				return labels;
			}

		};
	}

}
