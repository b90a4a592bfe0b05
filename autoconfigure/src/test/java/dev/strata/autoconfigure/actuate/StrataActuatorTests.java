package dev.strata.autoconfigure.actuate;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.drift.ChangeType;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectKind;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.plan.MigrationState;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.status.OverallState;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
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
import static org.assertj.core.api.Assertions.tuple;

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
			MigrationDescriptor v2 = (MigrationDescriptor) endpoint.migration("2");
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
			assertThat(migrations.pending()).extracting(MigrationsDescriptor.Pending::version)
				.containsExactly("1", "2");
		});
		// Validate mode refuses to start with pending migrations, so the contributor is
		// checked on its own.
		runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			StrataHealthIndicator validating = new StrataHealthIndicator(
					context.getBean(dev.strata.status.internal.StatusMonitor.class),
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
	void endpointSummarisesDriftAndServesTheFullReport(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			MigrationsDescriptor.Drift before = endpoint.migrations().drift();
			database.execute("alter table greeting add column mood text");
			context.getBean(StatusMonitor.class).refresh();

			MigrationsDescriptor migrations = endpoint.migrations();
			DriftDescriptor drift = (DriftDescriptor) endpoint.migration("drift");

			assertThat(before.state()).isEqualTo(DriftState.NO_DRIFT);
			assertThat(before.changedObjects()).isZero();
			assertThat(migrations.state()).isEqualTo(OverallState.DRIFTED);
			assertThat(migrations.drift().state()).isEqualTo(DriftState.DRIFTED);
			assertThat(migrations.drift().changedObjects()).isEqualTo(1);
			assertThat(migrations.drift().snapshotTakenAt()).isEqualTo(before.snapshotTakenAt());
			assertThat(migrations.drift().checkedAt()).isAfter(before.checkedAt());
			assertThat(drift.state()).isEqualTo(DriftState.DRIFTED);
			assertThat(drift.snapshot().reason()).isEqualTo("MIGRATE");
			assertThat(drift.changes()).singleElement().satisfies((change) -> {
				assertThat(change.kind()).isEqualTo("table");
				assertThat(change.identity()).isEqualTo("public.greeting");
				assertThat(change.columns()).singleElement().satisfies((column) -> {
					assertThat(column.identity()).isEqualTo("mood");
					assertThat(column.change()).isEqualTo(ChangeType.ADDED);
					assertThat(column.after()).containsEntry("type", "text");
				});
			});
		});
	}

	@Test
	void pendingMigrationsAndOneMigrationCarryTheGuardsFindings(TestDatabase database) {
		runner(database, "risky").withPropertyValues("strata.on-startup=none").run((context) -> {
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			MigrationsDescriptor.Pending risky = endpoint.migrations().pending().get(1);
			MigrationDescriptor v2 = (MigrationDescriptor) endpoint.migration("2");

			assertThat(risky.script()).isEqualTo("V2__risky.sql");
			assertThat(risky.guardError()).isNull();
			assertThat(risky.findings())
				.extracting(FindingDescriptor::rule, FindingDescriptor::severity, FindingDescriptor::outcome,
						FindingDescriptor::line)
				.containsExactly(tuple("create-index-not-concurrently", Severity.LOCKING, Outcome.WARNED, 1),
						tuple("drop-column", Severity.DESTRUCTIVE, Outcome.REFUSED, 3));
			assertThat(risky.findings()).allSatisfy((finding) -> {
				assertThat(finding.message()).isNotBlank();
				assertThat(finding.safeAlternative()).isNotBlank();
			});
			assertThat(endpoint.migrations().pending().get(0).findings()).isEmpty();
			assertThat(v2.findings()).isEqualTo(risky.findings());
		});
	}

	@Test
	void healthShowsDriftAndIsDownOnDriftOnlyWhenAskedTo(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			database.execute("create index greeting_text on greeting (text)");
			context.getBean(StatusMonitor.class).refresh();
			Health health = context.getBean("migrationsHealthIndicator", StrataHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", OverallState.DRIFTED);
			assertThat(health.getDetails().get("drift")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.containsEntry("state", DriftState.DRIFTED)
				.containsEntry("changedObjects", 1)
				.containsKey("checkedAt");
		});
		runner(database, "basic").withPropertyValues("strata.health.fail-on-drift=true").run((context) -> {
			Health health = context.getBean("migrationsHealthIndicator", StrataHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void driftGaugesReadTheCache(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("strata.schema.drift.objects").gauge().value()).isZero();
			assertThat(registry.get("strata.schema.drift.check.age").gauge().value()).isBetween(0.0, 60.0);
			database.execute("alter table greeting alter column text drop not null");
			context.getBean(StatusMonitor.class).refresh();
			assertThat(registry.get("strata.schema.drift.objects").gauge().value()).isEqualTo(1);
		});
	}

	@Test
	void driftGaugesAreMinusOneBeforeAnySnapshot(TestDatabase database) {
		runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("strata.schema.drift.objects").gauge().value()).isEqualTo(-1);
			assertThat(context.getBean(StrataEndpoint.class).migrations().drift().state())
				.isEqualTo(DriftState.NO_SNAPSHOT);
		});
	}

	@Test
	void driftSchemasAndOptInKindsAreConfigurable(TestDatabase database) {
		database.execute("create schema reporting");
		runner(database, "basic")
			.withPropertyValues("strata.drift.schemas=public,reporting", "strata.drift.include=comments,owners")
			.run((context) -> {
				StrataConfig config = context.getBean(Strata.class).config();
				assertThat(config.drift().schemas()).containsExactly("public", "reporting");
				assertThat(config.drift().optInKinds()).containsExactlyInAnyOrder(ObjectKind.COMMENT, ObjectKind.OWNER);
				database.execute("comment on table greeting is 'hand-written'");
				database.execute("create table reporting.daily (day date)");
				context.getBean(StatusMonitor.class).refresh();
				DriftDescriptor drift = (DriftDescriptor) context.getBean(StrataEndpoint.class).migration("drift");
				assertThat(drift.schemas()).containsExactly("public", "reporting");
				assertThat(drift.changes()).extracting(DriftDescriptor.Change::kind, DriftDescriptor.Change::identity)
					.contains(tuple("table", "reporting.daily"));
				assertThat(drift.changes()).extracting(DriftDescriptor.Change::kind).contains("comment");
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
