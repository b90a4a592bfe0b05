package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import dev.strata.error.ErrorCategory;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;
import dev.strata.test.Unreachable;

/**
 * A database Strata cannot reach or log in to: the error names the host, port and
 * database, says what happened and the settings to check, and never the password.
 */
class ConnectionFailureTest {

	private static final String CANARY = "canary-Pa55word";

	private static final ConnectionSettings STRATA_URL = new ConnectionSettings("strata.url",
			"strata.user and strata.password");

	@Test
	@Timeout(30)
	void refusedNamesHostPortDatabaseAndTheSettings() {
		int port = Unreachable.closedPort();
		ConnectionFailedException ex = migrate(dataSource("127.0.0.1", port, "orders", 5), STRATA_URL);

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.REFUSED);
		assertThat(ex.getMessage())
			.startsWith("Could not connect to PostgreSQL at 127.0.0.1:" + port
					+ ", database \"orders\": the connection was refused: nothing listens on that host and port")
			.endsWith("Check the host and port in strata.url.")
			.doesNotContain(CANARY);
	}

	@Test
	@Timeout(30)
	void timedOutSaysAfterHowLong() throws Exception {
		try (Unreachable.BlackHole hole = new Unreachable.BlackHole()) {
			long start = System.nanoTime();
			ConnectionFailedException ex = migrate(dataSource("127.0.0.1", hole.port(), "orders", 1), STRATA_URL);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.TIMED_OUT);
			assertThat(ex.getMessage())
				.startsWith("Could not connect to PostgreSQL at 127.0.0.1:" + hole.port()
						+ ", database \"orders\": the connection attempt timed out after 1.")
				.contains("nothing answered within the driver's connectTimeout of 1 s")
				.contains("Check the host and port in strata.url;")
				.doesNotContain(CANARY);
			assertThat(took).isLessThan(Duration.ofSeconds(5));
			System.out.println("Timed out (connectTimeout=1) in " + took.toMillis() + " ms: " + ex.getMessage());
		}
	}

	@Test
	@Timeout(30)
	void unresolvableHostNameSaysDns() {
		ConnectionFailedException ex = migrate(dataSource(Unreachable.UNRESOLVABLE_HOST, 5432, "orders", 5),
				STRATA_URL);
		assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.UNKNOWN_HOST);
		assertThat(ex.getMessage())
			.startsWith("Could not connect to PostgreSQL at " + Unreachable.UNRESOLVABLE_HOST
					+ ":5432, database \"orders\": the host name \"" + Unreachable.UNRESOLVABLE_HOST
					+ "\" does not resolve (DNS lookup failed). Check the host in strata.url")
			.doesNotContain(CANARY);
	}

	@Test
	@Timeout(30)
	void plainJavaSpeaksOfTheDataSourceItWasGiven() {
		ConnectionFailedException ex = migrate(dataSource("127.0.0.1", Unreachable.closedPort(), "orders", 5),
				ConnectionSettings.DEFAULT);
		assertThat(ex.getMessage())
			.contains("Check the host and port in the URL of the DataSource given to" + " StrataConfig.builder(…).");
	}

	@Test
	@Timeout(30)
	void aRejectedLoginNamesTheCredentialSettings() {
		PostgresServer server = PostgresServer.shared();
		try (TestDatabase db = server.createDatabase()) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(db.jdbcUrl());
			dataSource.setUser("nobody_" + db.name());
			dataSource.setPassword(CANARY);
			ConnectionFailedException ex = migrate(dataSource, STRATA_URL);
			assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.LOGIN_REJECTED);
			assertThat(ex.getMessage()).contains("database \"" + db.name() + "\": the server rejected the login: ")
				.contains("nobody_" + db.name())
				.contains("Check strata.user and strata.password.")
				.doesNotContain(CANARY);
		}
	}

	@Test
	@Timeout(30)
	void aMissingDatabaseSaysSo() {
		PostgresServer server = PostgresServer.shared();
		try (TestDatabase db = server.createDatabase()) {
			PGSimpleDataSource dataSource = new PGSimpleDataSource();
			dataSource.setURL(db.jdbcUrl() + "_missing");
			dataSource.setUser(db.username());
			dataSource.setPassword(db.password());
			ConnectionFailedException ex = migrate(dataSource, STRATA_URL);
			assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.NO_DATABASE);
			assertThat(ex.getMessage()).contains("\"" + db.name() + "_missing\" does not exist")
				.contains("Check the database name in strata.url.");
		}
	}

	@Test
	@Timeout(30)
	void aRoleWithoutConnectOnTheDatabaseNamesTheGrant() {
		PostgresServer server = PostgresServer.shared();
		try (TestDatabase db = server.createDatabase()) {
			String role = "noconnect_" + db.name();
			db.execute("create role " + role + " login; revoke connect on database " + db.name() + " from public");
			try {
				PGSimpleDataSource dataSource = new PGSimpleDataSource();
				dataSource.setURL(db.jdbcUrl());
				dataSource.setUser(role);
				ConnectionFailedException ex = migrate(dataSource, STRATA_URL);
				assertThat(ex.reason()).isEqualTo(ConnectionFailedException.Reason.NO_CONNECT_PRIVILEGE);
				assertThat(ex.getMessage()).contains("permission denied for database")
					.contains("GRANT CONNECT ON DATABASE " + db.name() + " TO <role>")
					.contains("Check strata.user and strata.password.");
			}
			finally {
				db.execute("drop role " + role);
			}
		}
	}

	private static ConnectionFailedException migrate(PGSimpleDataSource dataSource, ConnectionSettings settings) {
		Strata strata = new Strata(StrataConfig.builder(dataSource).connectionSettings(settings).build());
		return catchThrowableOfType(ConnectionFailedException.class, strata::migrate);
	}

	private static PGSimpleDataSource dataSource(String host, int port, String database, int connectTimeout) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL("jdbc:postgresql://" + host + ":" + port + "/" + database);
		dataSource.setUser("app");
		dataSource.setPassword(CANARY);
		dataSource.setConnectTimeout(connectTimeout);
		return dataSource;
	}

}
