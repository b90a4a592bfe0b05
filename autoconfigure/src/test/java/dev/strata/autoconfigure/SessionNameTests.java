package dev.strata.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.strata.Strata;
import dev.strata.execute.internal.SessionName;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strata's sessions are named after {@code spring.application.name}, and the
 * application's pool gets its connections back with the name they had.
 */
@StrataPostgres(databasePerTest = true)
class SessionNameTests {

	@Test
	void theApplicationsPoolKeepsItsOwnApplicationName(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("spring.application.name=orders", "spring.datasource.hikari.maximum-pool-size=2",
					"spring.datasource.hikari.minimum-idle=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Strata.class).config().sessionName()).isEqualTo(SessionName.of("orders"))
					.startsWith("strata orders (");
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				for (int i = 0; i < 4; i++) {
					assertThat(jdbc.queryForObject("select current_setting('application_name')", String.class))
						.isEqualTo("PostgreSQL JDBC Driver");
				}
			});
		assertThat(StrataTestContexts.historyRows(database)).isPositive();
	}

	@Test
	void aDataSourceStrataOpensItselfIsNamedFromTheStart(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("spring.application.name=orders", "strata.url=" + database.jdbcUrl(),
					"strata.user=" + database.username(), "strata.password=" + database.password())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				try (Connection connection = context.getBean(Strata.class).config().dataSource().getConnection();
						Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("select current_setting('application_name')")) {
					rs.next();
					assertThat(rs.getString(1)).isEqualTo(SessionName.of("orders"));
				}
			});
	}

}
