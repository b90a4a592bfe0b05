package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.strata.ValidationException;
import dev.strata.migration.sql.internal.FlywayChecksum;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that switched from Flyway: start-up refuses the schema Flyway migrated,
 * naming the property, until {@code strata.flyway.adopt=true}, which adopts Flyway's
 * history and runs only what is new.
 */
@StrataPostgres(databasePerTest = true)
class FlywayAdoptionAtStartupTests {

	/** V1 applied by Flyway, as Flyway 10+ records it (real Flyway: core's tests). */
	@BeforeEach
	void migratedByFlyway(TestDatabase database) throws IOException {
		String v1;
		try (InputStream in = getClass().getResourceAsStream("/db/basic/V1__create_greeting.sql")) {
			v1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		database.execute(v1);
		database.execute("create table flyway_schema_history (installed_rank int not null primary key,"
				+ " version varchar(50), description varchar(200) not null, type varchar(20) not null,"
				+ " script varchar(1000) not null, checksum int, installed_by varchar(100) not null,"
				+ " installed_on timestamp not null default now(), execution_time int not null,"
				+ " success boolean not null); insert into flyway_schema_history values (1, '1', 'create greeting',"
				+ " 'SQL', 'V1__create_greeting.sql', " + FlywayChecksum.of(v1) + ", 'app', now(), 5, true)");
	}

	@Test
	void startUpRefusesTheSchemaNamingFlywayAndTheProperty(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("Flyway")
				.hasMessageContaining("strata.flyway.adopt=true");
		});
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
	}

	@Test
	void withAdoptStartUpAdoptsTheHistoryAndAppliesOnlyWhatIsNew(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.flyway.adopt=true")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(StrataTestContexts.historyRows(database)).isEqualTo(2);
		assertThat(database.queryForObject("select count(*) from greeting", Long.class)).isPositive();
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
