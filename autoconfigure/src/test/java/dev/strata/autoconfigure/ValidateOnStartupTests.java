package dev.strata.autoconfigure;

import dev.strata.PendingMigrationsException;
import dev.strata.ValidationException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata.on-startup=validate}: refuse to start on an outdated or inconsistent
 * schema, apply nothing.
 */
@StrataPostgres(databasePerTest = true)
class ValidateOnStartupTests {

	@Test
	void pendingMigrationsStopTheApplicationAndNothingIsApplied(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").withPropertyValues("strata.on-startup=validate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(PendingMigrationsException.class)
				.hasMessageContaining("2 migrations are pending")
				.hasMessageContaining("V1__create_greeting.sql")
				.hasMessageContaining("V2__say_hello.sql")
				.hasMessageContaining("strata.on-startup=migrate");
		});
		assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
	}

	@Test
	void upToDateSchemaStarts(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").run((context) -> assertThat(context).hasNotFailed());

		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.on-startup=validate")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(StrataTestContexts.historyRows(database)).isEqualTo(2);
	}

	@Test
	void migrationEditedAfterItWasAppliedStopsTheApplication(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").run((context) -> assertThat(context).hasNotFailed());

		StrataTestContexts.runner(database, "basic-edited")
			.withPropertyValues("strata.on-startup=validate")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(ValidationException.class)
				.hasMessageContaining("V1"));
	}

}
