package dev.strata.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import dev.strata.fleet.Fleet;
import dev.strata.fleet.TenantTargets;
import dev.strata.targets.MigrationTarget;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With tenants configured, start-up migrates (or validates) every tenant instead of the
 * application's own schema; a failed tenant is logged and the application starts.
 */
@StrataPostgres(databasePerTest = true)
class FleetAtStartupTests {

	@Test
	void migratesEveryTenantSchemaAtStartup(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.tenants.schemas=acme,globex")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Fleet.class);
				assertThat(database.queryForObject("select text from acme.greeting where id = 1", String.class))
					.isEqualTo("hello");
				assertThat(database.queryForObject("select count(*) from globex." + StrataTestContexts.HISTORY,
						Long.class))
					.isEqualTo(2);
				assertThat(StrataTestContexts.tableExists(database, "greeting")).as("the default schema").isFalse();
			});
	}

	@Test
	void everyTenantFindsItsMigrationsTheSameWaySoTheFleetReadsThemOnce(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.tenants.schemas=acme,globex")
			.run((context) -> {
				Fleet fleet = context.getBean(Fleet.class);
				assertThat(fleet.tenant("acme").orElseThrow().config().migrationSources())
					.isEqualTo(fleet.tenant("globex").orElseThrow().config().migrationSources());
			});
	}

	@Test
	void schemasComeFromAQueryOrABean(TestDatabase database) {
		database.execute("create table tenants (schema_name text); insert into tenants values ('acme')");
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.tenants.schemas-query=select schema_name from public.tenants")
			.run((context) -> assertThat(context).hasNotFailed());
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(TargetsConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Fleet.class));

		assertThat(database.queryForObject("select count(*) from acme." + StrataTestContexts.HISTORY, Long.class))
			.isEqualTo(2);
		assertThat(database.queryForObject("select count(*) from beta." + StrataTestContexts.HISTORY, Long.class))
			.isEqualTo(2);
	}

	@Test
	void validateAtStartupFailsWhileATenantIsPending(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withPropertyValues("strata.tenants.schemas=acme", "strata.on-startup=validate")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("1 of 1 tenants are not up to date: acme PENDING"));
	}

	@Test
	void withoutTenantsThereIsNoFleet(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Fleet.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TargetsConfiguration {

		@Bean
		TenantTargets tenantTargets(DataSource dataSource) {
			return () -> List
				.of(new MigrationTarget("beta", dataSource, "beta", StrataTestContexts.HISTORY, List.of("beta")));
		}

	}

}
