package dev.strata.autoconfigure.actuate;

import dev.strata.Strata;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.status.OverallState;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint after an undo: the reverted version is pending again, and the undo's row
 * is listed with the applied ones.
 */
@StrataPostgres(databasePerTest = true)
class UndoEndpointTests {

	@Test
	void undoneVersionIsPendingAndTheUndoIsInTheHistory(TestDatabase database) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
					StrataEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "strata.locations=classpath:db/undo",
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				context.getBean(Strata.class).undo();
				context.getBean(StatusMonitor.class).refresh();

				JsonNode migrations = StrataActuatorTests.status(context.getBean(StrataEndpoint.class));

				assertThat(migrations.get("state").asString()).isEqualTo(OverallState.PENDING.name());
				assertThat(migrations.get("currentVersion").asString()).isEqualTo("1");
				assertThat(migrations.get("pending")).extracting((pending) -> pending.get("script").asString())
					.containsExactly("V2__say_hello.sql");
				assertThat(migrations.get("applied"))
					.extracting((applied) -> applied.get("script").asString() + "|" + applied.get("type").asString()
							+ "|" + applied.get("state").asString())
					.containsExactly("V1__create_greeting.sql|SQL|APPLIED", "U2__say_hello.sql|UNDO_SQL|UNDONE");
				assertThat(database.queryForObject("select count(*) from greeting", Long.class)).isZero();
			});
	}

}
