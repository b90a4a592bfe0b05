package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@StrataPostgres(databasePerTest = true)
class ExtensionPerTestTest {

	static final List<String> SEEN = new CopyOnWriteArrayList<>();

	TestDatabase field;

	private final TestDatabase fromConstructor;

	ExtensionPerTestTest(TestDatabase database) {
		this.fromConstructor = database;
	}

	@BeforeEach
	void createTable(TestDatabase database) {
		database.execute("create table item (id int)");
	}

	@RepeatedTest(3)
	void eachTestHasItsOwnFreshDatabase(TestDatabase database) {
		assertThat(field).isSameAs(database);
		assertThat(fromConstructor).isSameAs(database);
		assertThat(SEEN).doesNotContain(database.name());
		SEEN.add(database.name());
		assertThat(database.queryForObject("select count(*) from item", Long.class)).isZero();
		database.execute("insert into item values (1)");
	}

	@Test
	void fieldInjectionAloneWorks() {
		assertThat(field.queryForObject("select current_database()", String.class)).isEqualTo(field.name());
		SEEN.add(field.name());
	}

	@AfterAll
	static void databasesWereDroppedAfterEachTest() {
		assertThat(SEEN).hasSize(4);
		try (TestDatabase probe = PostgresServer.shared().createDatabase()) {
			for (String name : SEEN) {
				assertThat(probe.queryForObject("select count(*) from pg_database where datname = '" + name + "'",
						Long.class))
					.as(name)
					.isZero();
			}
		}
	}

}
