package dev.strata.autoconfigure.actuate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.autoconfigure.JsonSchemas;
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
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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
			JsonNode migrations = status(context.getBean(StrataEndpoint.class));
			assertThat(migrations.get("state").asString()).isEqualTo(OverallState.UP_TO_DATE.name());
			assertThat(migrations.get("currentVersion").asString()).isEqualTo("2");
			assertThat(migrations.get("schema").asString()).isEqualTo("public");
			assertThat(migrations.get("applied")).extracting((applied) -> applied.get("script").asString())
				.containsExactly("V1__create_greeting.sql", "V2__say_hello.sql");
			assertThat(migrations.get("applied")).allSatisfy((applied) -> {
				assertThat(applied.get("success").asBoolean()).isTrue();
				assertThat(applied.get("installedBy").asString()).isEqualTo(database.username());
				assertThat(applied.get("checksum").isInt()).isTrue();
				assertThat(applied.get("type").asString()).isEqualTo("SQL");
				assertThat(applied.get("findings").isNull()).isTrue();
			});
			assertThat(migrations.get("pending")).isEmpty();
			assertThat(migrations.get("lock").get("held").asBoolean()).isFalse();
			assertThat(migrations.get("progress").isNull()).isTrue();
			assertThat(migrations.get("error").isNull()).isTrue();
			assertThat(migrations.get("takenAt").asString()).isNotBlank();
		});
	}

	@Test
	void endpointShowsOneMigrationWithItsStatements(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			JsonNode v2 = migration(endpoint, "2");
			assertThat(v2.get("state").asString()).isEqualTo(MigrationState.APPLIED.name());
			assertThat(v2.get("statements")).singleElement()
				.satisfies(
						(statement) -> assertThat(statement.get("sql").asString()).startsWith("insert into greeting"));
			assertThat(endpoint.migration("2.0", null, null)).isNotNull();
			assertThat(endpoint.migration("9", null, null)).isNull();
			assertThat(endpoint.migration("not-a-version", null, null)).isNull();
		});
	}

	@Test
	void pendingMigrationsInValidateModeTakeTheApplicationOutOfService(TestDatabase database) {
		runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			JsonNode migrations = status(context.getBean(StrataEndpoint.class));
			assertThat(migrations.get("state").asString()).isEqualTo(OverallState.PENDING.name());
			assertThat(migrations.get("pending")).extracting((pending) -> pending.get("version").asString())
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
			JsonNode before = status(endpoint).get("drift");
			database.execute("alter table greeting add column mood text");
			context.getBean(StatusMonitor.class).refresh();

			JsonNode migrations = status(endpoint);
			JsonNode drift = drift(endpoint);

			assertThat(before.get("state").asString()).isEqualTo(DriftState.NO_DRIFT.name());
			assertThat(before.get("changedObjects").asInt()).isZero();
			assertThat(migrations.get("state").asString()).isEqualTo(OverallState.DRIFTED.name());
			assertThat(migrations.get("drift").get("state").asString()).isEqualTo(DriftState.DRIFTED.name());
			assertThat(migrations.get("drift").get("changedObjects").asInt()).isEqualTo(1);
			assertThat(migrations.get("drift").get("snapshot")).isEqualTo(before.get("snapshot"));
			assertThat(Instant.parse(migrations.get("drift").get("checkedAt").asString()))
				.isAfter(Instant.parse(before.get("checkedAt").asString()));
			assertThat(drift.get("state").asString()).isEqualTo(DriftState.DRIFTED.name());
			assertThat(drift.get("snapshot").get("reason").asString()).isEqualTo("MIGRATE");
			assertThat(drift.get("changes")).singleElement().satisfies((change) -> {
				assertThat(change.get("kind").asString()).isEqualTo(ObjectKind.TABLE.name());
				assertThat(change.get("identity").asString()).isEqualTo("public.greeting");
				assertThat(change.get("columns")).singleElement().satisfies((column) -> {
					assertThat(column.get("identity").asString()).isEqualTo("mood");
					assertThat(column.get("change").asString()).isEqualTo(ChangeType.ADDED.name());
					assertThat(column.get("after").get("type").asString()).isEqualTo("text");
				});
			});
			// the status page's drift is the same report, as of its refresh
			assertThat(migrations.get("drift").get("changes")).isEqualTo(drift.get("changes"));
		});
	}

	@Test
	void pendingMigrationsAndOneMigrationCarryTheGuardsFindings(TestDatabase database) {
		runner(database, "risky").withPropertyValues("strata.on-startup=none").run((context) -> {
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			JsonNode risky = status(endpoint).get("pending").get(1);
			JsonNode v2 = migration(endpoint, "2");

			assertThat(risky.get("script").asString()).isEqualTo("V2__risky.sql");
			assertThat(risky.get("guardError").isNull()).isTrue();
			assertThat(risky.get("findings"))
				.extracting((finding) -> finding.get("rule").asString(),
						(finding) -> finding.get("severity").asString(), (finding) -> finding.get("outcome").asString(),
						(finding) -> finding.get("line").asInt())
				.containsExactly(
						tuple("create-index-not-concurrently", Severity.LOCKING.name(), Outcome.WARNED.name(), 1),
						tuple("drop-column", Severity.DESTRUCTIVE.name(), Outcome.REFUSED.name(), 3));
			assertThat(risky.get("findings")).allSatisfy((finding) -> {
				assertThat(finding.get("message").asString()).isNotBlank();
				assertThat(finding.get("safeAlternative").asString()).isNotBlank();
				assertThat(finding.get("file").asString()).endsWith("V2__risky.sql");
			});
			assertThat(status(endpoint).get("pending").get(0).get("findings")).isEmpty();
			assertThat(v2.get("findings")).isEqualTo(risky.get("findings"));
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
			JsonNode drift = status(context.getBean(StrataEndpoint.class)).get("drift");
			assertThat(drift.get("state").asString()).isEqualTo(DriftState.NO_SNAPSHOT.name());
			assertThat(drift.get("changedObjects").asInt()).isEqualTo(-1);
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
				JsonNode drift = drift(context.getBean(StrataEndpoint.class));
				assertThat(drift.get("schemas")).extracting(JsonNode::asString).containsExactly("public", "reporting");
				assertThat(drift.get("changes"))
					.extracting((change) -> change.get("kind").asString(),
							(change) -> change.get("identity").asString())
					.contains(tuple("TABLE", "reporting.daily"));
				assertThat(drift.get("changes")).extracting((change) -> change.get("kind").asString())
					.contains("COMMENT");
			});
	}

	@Test
	void whileAnotherMigratorHoldsTheLockTheEndpointShowsWhatItApplies(TestDatabase database, @TempDir Path more)
			throws Exception {
		Files.writeString(more.resolve("V3__nap.sql"), "select pg_sleep(5);");
		runner(database, "basic").run((context) -> {
			Strata other = new Strata(StrataConfig.builder(database.dataSource())
				.locations("classpath:db/basic", "filesystem:" + more)
				.applicationName("other-replica")
				.progressInterval(Duration.ofMillis(200))
				.build());
			CompletableFuture<MigrateResult> migrating = CompletableFuture.supplyAsync(other::migrate);
			StatusMonitor monitor = context.getBean(StatusMonitor.class);
			JsonNode lock = null;
			for (int i = 0; i < 200 && !migrating.isDone(); i++) {
				monitor.refresh();
				JsonNode status = status(context.getBean(StrataEndpoint.class));
				JsonNode activity = status.get("lock").get("activity");
				if (!activity.isNull() && !activity.get("line").isNull()) {
					assertThat(status.get("state").asString()).isEqualTo(OverallState.MIGRATING.name());
					lock = status.get("lock");
					break;
				}
				Thread.sleep(50);
			}
			assertThat(lock).as("the holder's activity, before the migration ended").isNotNull();
			assertThat(lock.get("held").asBoolean()).isTrue();
			assertThat(lock.get("applicationName").asString()).startsWith("strata other-replica (");
			JsonNode activity = lock.get("activity");
			assertThat(activity.get("migration").asString()).isEqualTo("V3 (nap)");
			assertThat(activity.get("version").asString()).isEqualTo("3");
			assertThat(Instant.parse(activity.get("since").asString())).isBefore(Instant.now());
			assertThat(activity.get("line").asInt()).isEqualTo(1);
			assertThat(activity.get("phase").isNull()).isTrue();
			assertThat(migrating.get(30, TimeUnit.SECONDS).slowStatements()).singleElement()
				.satisfies((slow) -> assertThat(slow.elapsed()).isGreaterThan(Duration.ofSeconds(4)));
			monitor.refresh();
			assertThat(status(context.getBean(StrataEndpoint.class)).get("lock").get("held").asBoolean()).isFalse();
		});
	}

	@Test
	void endpointIsAbsentUnlessExposed(TestDatabase database) {
		runner(database, "basic").withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(StrataEndpoint.class));
	}

	/** {@code GET /actuator/migrations}, which its schema accepts. */
	static JsonNode status(StrataEndpoint endpoint) {
		return JsonSchemas.assertValid(JsonSchemas.STATUS, endpoint.migrations());
	}

	/** {@code GET /actuator/migrations/drift}, which its schema accepts. */
	static JsonNode drift(StrataEndpoint endpoint) {
		return JsonSchemas.assertValid(JsonSchemas.DRIFT, endpoint.migration("drift", null, null));
	}

	/** {@code GET /actuator/migrations/{version}}, which its schema accepts. */
	static JsonNode migration(StrataEndpoint endpoint, String version) {
		String json = endpoint.migration(version, null, null);
		assertThat(json).as("migration " + version).isNotNull();
		return JsonSchemas.assertValid(JsonSchemas.MIGRATION, json);
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
