package dev.strata.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A {@code postgres:17-alpine} container through Testcontainers. This is the only class
 * that refers to Testcontainers: {@link PostgresServer} loads it only after
 * {@link DockerProbe} saw an engine, and treats a {@link LinkageError} (Testcontainers
 * not on the class path) as "not available".
 */
final class ContainerServer implements ServerSource {

	static final String IMAGE = "postgres:17-alpine";

	/**
	 * Testcontainers' own verdict; call only after {@link DockerProbe#engineAnswers()}.
	 */
	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@Override
	public String kind() {
		return "testcontainers";
	}

	@Override
	public Endpoint start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withDatabaseName("postgres")
			.withUsername("postgres")
			.withPassword("postgres");
		container.withCommand("postgres", "-c", "max_connections=200", "-c", "fsync=off", "-c",
				"synchronous_commit=off", "-c", "full_page_writes=off");
		container.start();
		return new Endpoint(JdbcUrls.withDatabase(container.getJdbcUrl(), "postgres"), container.getUsername(),
				container.getPassword(), container::stop);
	}

}
