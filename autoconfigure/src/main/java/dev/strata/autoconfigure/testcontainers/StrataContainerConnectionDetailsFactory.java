package dev.strata.autoconfigure.testcontainers;

import dev.strata.autoconfigure.StrataConnectionDetails;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link StrataConnectionDetails} from a Testcontainers {@link PostgreSQLContainer}
 * annotated {@code @ServiceConnection}: Strata migrates the container's database, as the
 * application's DataSource uses it. Any name: the container's type says it is PostgreSQL,
 * whatever its image (postgis, timescaledb).
 */
class StrataContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<PostgreSQLContainer, StrataConnectionDetails> {

	StrataContainerConnectionDetailsFactory() {
		// Without Testcontainers' PostgreSQL module, the factory stays out of the way.
		super(ANY_CONNECTION_NAME, "org.testcontainers.postgresql.PostgreSQLContainer");
	}

	@Override
	protected StrataConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<PostgreSQLContainer> source) {
		return new StrataContainerConnectionDetails(source);
	}

	/** Read from the container when asked: it is started by then. */
	private static final class StrataContainerConnectionDetails extends ContainerConnectionDetails<PostgreSQLContainer>
			implements StrataConnectionDetails {

		private StrataContainerConnectionDetails(ContainerConnectionSource<PostgreSQLContainer> source) {
			super(source);
		}

		@Override
		public String getJdbcUrl() {
			return getContainer().getJdbcUrl();
		}

		@Override
		public String getUsername() {
			return getContainer().getUsername();
		}

		@Override
		public String getPassword() {
			return getContainer().getPassword();
		}

		@Override
		public String getDriverClassName() {
			return getContainer().getDriverClassName();
		}

	}

}
