package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

	private final PostgresServer server = PostgresServer.shared();

	@Test
	void startsOnceAndAnswers() {
		assertThat(PostgresServer.shared()).isSameAs(server);
		assertThat(server.kind()).isIn("external", "testcontainers", "embedded");
		assertThat(server.majorVersion()).isGreaterThanOrEqualTo(13);
		try (TestDatabase db = server.createDatabase()) {
			assertThat(db.queryForObject("select version()", String.class))
				.startsWith("PostgreSQL " + server.majorVersion());
			assertThat(db.queryForObject("select current_database()", String.class)).isEqualTo(db.name());
			assertThat(db.name()).matches("strata_test_" + ProcessHandle.current().pid() + "_\\d+");
		}
	}

	@Test
	void serverIsTunedForTests() {
		if (!server.kind().equals("embedded")) {
			return;
		}
		try (TestDatabase db = server.createDatabase()) {
			assertThat(db.queryForObject("show fsync", String.class)).isEqualTo("off");
			assertThat(db.queryForObject("show max_connections", String.class)).isEqualTo("200");
		}
	}

	@Test
	void databasesAreIsolated() {
		try (TestDatabase first = server.createDatabase(); TestDatabase second = server.createDatabase()) {
			assertThat(first.name()).isNotEqualTo(second.name());
			first.execute("create table thing (id int primary key); insert into thing values (1)");
			assertThat(first.queryForObject("select count(*) from thing", Long.class)).isEqualTo(1L);
			assertThat(second.queryForObject("select to_regclass('public.thing') is null", Boolean.class)).isTrue();
		}
	}

	@Test
	void closeDropsTheDatabaseEvenWithOpenConnections() throws Exception {
		TestDatabase db = server.createDatabase();
		try (Connection stillOpen = db.connect()) {
			db.close();
			db.close(); // idempotent
			assertThat(stillOpen.isValid(2)).isFalse();
		}
		try (Connection admin = DriverManager.getConnection(server.adminJdbcUrl(), server.username(),
				server.password());
				var rs = admin.createStatement()
					.executeQuery("select count(*) from pg_database where datname = '" + db.name() + "'")) {
			rs.next();
			assertThat(rs.getInt(1)).isZero();
		}
	}

	@Test
	void dataSourceAndErrorsCarryTheSql() throws Exception {
		try (TestDatabase db = server.createDatabase()) {
			try (Connection connection = db.dataSource().getConnection()) {
				assertThat(connection.getCatalog()).isEqualTo(db.name());
			}
			assertThatThrownBy(() -> db.execute("select * from missing_table"))
				.isInstanceOf(TestDatabaseException.class)
				.hasMessageContaining("select * from missing_table")
				.satisfies(e -> assertThat(((TestDatabaseException) e).sqlState()).isEqualTo("42P01"));
			assertThat(db.queryForObject("select null::int", Integer.class)).isNull();
		}
	}

}
