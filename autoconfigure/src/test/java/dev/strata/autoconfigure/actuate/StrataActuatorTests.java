package dev.strata.autoconfigure.actuate;

import dev.strata.plan.MigrationState;
import dev.strata.status.OverallState;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.strata.autoconfigure.StrataAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's views on a real database: the {@code migrations} endpoint, the health
 * contributor and the meters, as an application with Actuator and Micrometer gets them.
 */
@StrataPostgres(databasePerTest = true)
class StrataActuatorTests {

	private static ApplicationContextRunner runner(TestDatabase database, String scenario) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
					StrataEndpointAutoConfiguration.class, StrataHealthAutoConfiguration.class,
					StrataMetricsAutoConfiguration.class))
			.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "strata.locations=classpath:db/" + scenario,
					"management.endpoints.web.exposure.include=migrations");
	}

	@Test
	void endpointListsAppliedMigrationsWithTheirHistory(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			MigrationsDescriptor migrations = context.getBean(StrataEndpoint.class).migrations();
			assertThat(migrations.state()).isEqualTo(OverallState.UP_TO_DATE);
			assertThat(migrations.currentVersion()).isEqualTo("2");
			assertThat(migrations.schema()).isEqualTo("public");
			assertThat(migrations.applied()).extracting(MigrationsDescriptor.Applied::script)
				.containsExactly("V1__create_greeting.sql", "V2__say_hello.sql");
			assertThat(migrations.applied()).allSatisfy((applied) -> {
				assertThat(applied.success()).isTrue();
				assertThat(applied.installedBy()).isEqualTo(database.username());
				assertThat(applied.checksum()).isNotNull();
			});
			assertThat(migrations.pending()).isEmpty();
			assertThat(migrations.lock().held()).isFalse();
			assertThat(migrations.takenAt()).isNotNull();
		});
	}

	@Test
	void endpointShowsOneMigrationWithItsStatements(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			MigrationDescriptor v2 = endpoint.migration("2");
			assertThat(v2.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(v2.statements()).singleElement()
				.satisfies((statement) -> assertThat(statement.sql()).startsWith("insert into greeting"));
			assertThat(endpoint.migration("2.0")).isNotNull();
			assertThat(endpoint.migration("9")).isNull();
			assertThat(endpoint.migration("not-a-version")).isNull();
		});
	}

	@Test
	void pendingMigrationsInValidateModeTakeTheApplicationOutOfService(TestDatabase database) {
		runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			MigrationsDescriptor migrations = context.getBean(StrataEndpoint.class).migrations();
			assertThat(migrations.state()).isEqualTo(OverallState.PENDING);
			assertThat(migrations.pending()).extracting(MigrationsDescriptor.Pending::version).containsExactly("1", "2");
		});
		// Validate mode refuses to start with pending migrations, so the contributor is checked on its own.
		runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			StrataHealthIndicator validating = new StrataHealthIndicator(
					context.getBean(dev.strata.status.StatusMonitor.class),
					dev.strata.autoconfigure.StrataProperties.OnStartup.VALIDATE);
			assertThat(validating.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			Health migrating = context.getBean("migrationsHealthIndicator", StrataHealthIndicator.class).health();
			assertThat(migrating.getStatus()).isEqualTo(Status.UP);
			assertThat(migrating.getDetails()).containsEntry("pending", 2);
		});
	}

	@Test
	void healthIsDownWhenAnAppliedMigrationChanged(TestDatabase database) {
		runner(database, "basic").run((context) -> assertThat(context).hasNotFailed());
		runner(database, "basic-edited").withPropertyValues("strata.on-startup=none").run((context) -> {
			Health health = context.getBean("migrationsHealthIndicator", StrataHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", OverallState.FAILED);
			assertThat(health.getDetails().get("problems").toString()).contains("changed after it was applied");
		});
	}

	@Test
	void metersCountAppliedMigrationsAndReadTheCacheForGauges(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("strata.migrations").tag("outcome", "applied").counter().count()).isEqualTo(2);
			assertThat(registry.get("strata.migrations").tag("outcome", "failed").counter().count()).isZero();
			assertThat(registry.get("strata.migration.duration").tag("version", "1").timer().count()).isEqualTo(1);
			assertThat(registry.get("strata.lock.wait").timer().count()).isEqualTo(1);
			assertThat(registry.get("strata.migrations.pending").gauge().value()).isZero();
			assertThat(registry.get("strata.migrations.applied").gauge().value()).isEqualTo(2);
		});
	}

	@Test
	void endpointIsAbsentUnlessExposed(TestDatabase database) {
		runner(database, "basic").withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(StrataEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
