package dev.strata.autoconfigure;

import dev.strata.Strata;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice runs the migrations too: Strata is listed for
 * {@code @AutoConfigureDataSourceInitialization}, like Flyway and Liquibase.
 */
@JdbcTest(properties = "strata.locations=classpath:db/basic")
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestSliceTests {

	static final TestDatabase database = PostgresServer.shared().createDatabase();

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void migrationsAreAppliedInTheSlice() {
		assertThat(this.context.getBeanNamesForType(Strata.class)).hasSize(1);
		assertThat(this.jdbcTemplate.queryForObject("select text from greeting where id = 1", String.class))
			.isEqualTo("hello");
		assertThat(this.jdbcTemplate.queryForObject("select count(*) from " + StrataTestContexts.HISTORY, Long.class))
			.isEqualTo(2);
	}

	@SpringBootConfiguration
	static class SliceApplication {

	}

}
