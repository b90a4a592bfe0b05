package dev.strata.autoconfigure.testcontainers;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot finds the factory where it looks for service connections; runs without
 * Docker (the container itself is tested by
 * {@link StrataContainerConnectionDetailsFactoryTests}).
 */
class StrataContainerConnectionDetailsFactoryRegistrationTests {

	@Test
	void isRegisteredWhereSpringBootLooksForServiceConnections() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class);
		assertThat(factories).hasAtLeastOneElementOfType(StrataContainerConnectionDetailsFactory.class);
	}

}
