package dev.strata.targets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The server kind follows from the {@code server_version} the driver received and the
 * Citus extension's version; what Strata says and does differs by kind.
 */
class DatabaseServerTest {

	@Test
	void plainPostgres() {
		DatabaseServer server = DatabaseServer.of("17.6", null);

		assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.POSTGRESQL);
		assertThat(server.describe()).isEqualTo("PostgreSQL 17.6");
		assertThat(server.postgresVersion()).isEqualTo("17.6");
		assertThat(server.yugabyteVersion()).isNull();
		assertThat(server.advisoryLocksReliable()).isTrue();
		assertThat(server.notes()).isEmpty();
	}

	@Test
	void distributionSuffixesStayInTheVersionButNotInThePostgresVersion() {
		DatabaseServer server = DatabaseServer.of("16.4 (Debian 16.4-1.pgdg120+2)", null);

		assertThat(server.postgresVersion()).isEqualTo("16.4");
		assertThat(server.describe()).isEqualTo("PostgreSQL 16.4 (Debian 16.4-1.pgdg120+2)");
	}

	@Test
	void citusIsPostgresWithTheExtension() {
		DatabaseServer server = DatabaseServer.of("16.4", "12.1-1");

		assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.CITUS);
		assertThat(server.describe()).isEqualTo("Citus 12.1-1 on PostgreSQL 16.4");
		assertThat(server.advisoryLocksReliable()).as("one coordinator holds them").isTrue();
		assertThat(server.notes()).anySatisfy((note) -> assertThat(note).contains("coordinator"));
	}

	@Test
	void yugabyteIsToldByItsVersionSuffix() {
		DatabaseServer server = DatabaseServer.of("11.2-YB-2.20.1.0-b0", null);

		assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.YUGABYTEDB);
		assertThat(server.postgresVersion()).isEqualTo("11.2");
		assertThat(server.yugabyteVersion()).isEqualTo("2.20.1.0-b0");
		assertThat(server.describe()).isEqualTo("YugabyteDB 2.20.1.0-b0, PostgreSQL 11.2 compatible");
		assertThat(server.advisoryLocksReliable()).isFalse();
		assertThat(server.notes()).anySatisfy((note) -> assertThat(note).contains("not transactional"))
			.anySatisfy((note) -> assertThat(note).contains("lease"));
	}

	@Test
	void newerYugabyteOnPostgres15() {
		DatabaseServer server = DatabaseServer.of("15.12-YB-2025.1.0.0-b0", null);

		assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.YUGABYTEDB);
		assertThat(server.postgresVersion()).isEqualTo("15.12");
		assertThat(server.yugabyteVersion()).isEqualTo("2025.1.0.0-b0");
	}

	@Test
	void anUnreadableVersionIsPlainPostgres() {
		DatabaseServer server = DatabaseServer.of(null, null);

		assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.POSTGRESQL);
		assertThat(server.describe()).isEqualTo("PostgreSQL unknown");
	}

}
