package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import dev.strata.targets.DatabaseServer;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The query that finds the target on every command also tells the server apart; on plain
 * PostgreSQL nothing changes.
 */
@StrataPostgres
class DatabaseServerDetectionTest {

	@Test
	void theTestServerIsPlainPostgresAtTheVersionItReports(TestDatabase db) throws Exception {
		StrataConfig config = StrataConfig.builder(db.dataSource()).build();
		String reported = db.queryForObject("select current_setting('server_version')", String.class);

		try (Connection connection = db.dataSource().getConnection()) {
			DatabaseServer server = TargetState.resolve(connection, config.target(), config.flywayTable()).server();

			assertThat(server.kind()).isEqualTo(DatabaseServer.Kind.POSTGRESQL);
			assertThat(server.citusVersion()).isNull();
			assertThat(server.serverVersion()).isEqualTo(reported);
			assertThat(server.describe()).isEqualTo("PostgreSQL " + reported);
		}
	}

}
