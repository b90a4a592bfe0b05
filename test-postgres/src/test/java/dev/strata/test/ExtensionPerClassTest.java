package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@StrataPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassTest {

	static TestDatabase staticField;
	static String beforeAllName;

	TestDatabase field;

	private final TestDatabase fromConstructor;

	private TestDatabase fromBeforeEach;

	ExtensionPerClassTest(TestDatabase database) {
		this.fromConstructor = database;
	}

	@BeforeAll
	static void createSchema(TestDatabase database) {
		beforeAllName = database.name();
		database.execute("create table visit (n int)");
	}

	@BeforeEach
	void remember(TestDatabase database) {
		fromBeforeEach = database;
	}

	@Test
	@Order(1)
	void everyInjectionPointGetsTheClassDatabase(TestDatabase database) {
		assertThat(database.name()).isEqualTo(beforeAllName);
		assertThat(field).isSameAs(database);
		assertThat(staticField).isSameAs(database);
		assertThat(fromConstructor).isSameAs(database);
		assertThat(fromBeforeEach).isSameAs(database);
		database.execute("insert into visit values (1)");
	}

	@Test
	@Order(2)
	void laterTestsSeeEarlierWork(TestDatabase database) {
		assertThat(database.queryForObject("select count(*) from visit", Long.class)).isEqualTo(1L);
	}

	@Nested
	class Inner {

		@Test
		void nestedClassesShareTheOuterDatabase(TestDatabase database) {
			assertThat(database.name()).isEqualTo(beforeAllName);
			assertThat(field).isSameAs(database);
		}

	}

}
