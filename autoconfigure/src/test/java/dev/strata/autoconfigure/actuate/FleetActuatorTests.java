package dev.strata.autoconfigure.actuate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.TenantState;
import dev.strata.fleet.internal.FleetMonitor;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's views of a fleet on a real database: the endpoint's fleet and tenant
 * views, the fleet's health contributor and its meters, as an application with tenants,
 * Actuator and Micrometer gets them.
 */
@StrataPostgres(databasePerTest = true)
class FleetActuatorTests {

	private static final String TENANTS = "strata.tenants.schemas=acme,globex,initech";

	private static ApplicationContextRunner runner(TestDatabase database, String scenario) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
					StrataFleetMonitorAutoConfiguration.class, StrataEndpointAutoConfiguration.class,
					StrataHealthAutoConfiguration.class, StrataMetricsAutoConfiguration.class))
			.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "strata.locations=classpath:db/" + scenario,
					"management.endpoints.web.exposure.include=migrations");
	}

	/** acme's history holds the edited files, so the files as they are fail for it. */
	private static void failAcme(TestDatabase database) {
		runner(database, "basic-edited").withPropertyValues("strata.tenants.schemas=acme")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aFailedTenantIsCountedListedAndMakesTheFleetDown(TestDatabase database) {
		failAcme(database);
		runner(database, "basic").withPropertyValues(TENANTS).run((context) -> {
			assertThat(context).hasNotFailed();
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			JsonNode fleet = fleet(endpoint, null, null);
			assertThat(fleet.get("tenants").asInt()).isEqualTo(3);
			assertThat(fleet.get("counts").get(TenantState.FAILED.name()).asInt()).isEqualTo(1);
			assertThat(fleet.get("counts").get(TenantState.UP_TO_DATE.name()).asInt()).isEqualTo(2);
			assertThat(fleet.get("lastRun").get("counts").get(TenantState.APPLIED.name()).asInt()).isEqualTo(2);
			assertThat(fleet.get("problems").get("total").asInt()).isEqualTo(1);
			assertThat(fleet.get("problems").get("items")).singleElement().satisfies((tenant) -> {
				assertThat(tenant.get("name").asString()).isEqualTo("acme");
				assertThat(tenant.get("error").asString()).isNotBlank();
			});
			assertThat(fleet.get("pending").get("total").asInt()).isZero();

			JsonNode globex = JsonSchemas.assertValid(JsonSchemas.STATUS, endpoint.tenant("tenants", "globex"));
			assertThat(globex.get("schema").asString()).isEqualTo("globex");
			assertThat(globex.get("currentVersion").asString()).isEqualTo("2");
			assertThat(globex.get("drift").get("state").asString()).isEqualTo("NO_DRIFT");
			JsonNode acme = JsonSchemas.assertValid(JsonSchemas.STATUS, endpoint.tenant("tenants", "acme"));
			assertThat(acme.get("problems")).isNotEmpty();
			assertThat(endpoint.tenant("tenants", "hooli")).isNull();
			assertThat(endpoint.tenant("drift", "globex")).isNull();

			Health health = context.getBean("tenantMigrationsHealthIndicator", StrataFleetHealthIndicator.class)
				.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("failed", 1)
				.containsEntry("failedTenants", List.of("acme FAILED"));

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("strata.tenants").tag("state", "FAILED").gauge().value()).isEqualTo(1);
			assertThat(registry.get("strata.tenants").tag("state", "UP_TO_DATE").gauge().value()).isEqualTo(2);
			assertThat(registry.get("strata.tenants.run").tag("outcome", "problems").timer().count()).isEqualTo(1);
			assertThat(registry.get("strata.tenants.run").tag("outcome", "success").timer().count()).isZero();
			assertThat(registry.find("strata.tenants.pending").meters()).as("no series per tenant unless asked")
				.isEmpty();
			assertThat(fleetMeters(registry)).noneMatch((meter) -> meter.getId().getTag("tenant") != null)
				.hasSize(TenantState.values().length + StrataFleetMetrics.LAG_BUCKETS.size() + 2);
			assertThat(registry.find("strata.migrations").meters())
				.extracting((meter) -> meter.getId().getTag("target"))
				.as("tenants share one target tag")
				.containsOnly("default", StrataMetrics.TENANTS_TARGET);
			assertThat(registry.get("strata.migrations")
				.tags("outcome", "applied", "target", StrataMetrics.TENANTS_TARGET)
				.counter()
				.count()).as("globex's and initech's").isEqualTo(4);
		});
		runner(database, "basic")
			.withPropertyValues(TENANTS, "strata.tenants.health.max-failed-share=0.5",
					"strata.tenants.metrics.per-tenant=true")
			.run((context) -> {
				Health health = context.getBean("tenantMigrationsHealthIndicator", StrataFleetHealthIndicator.class)
					.health();
				assertThat(health.getStatus()).as("1 of 3 failed, at most half may").isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("failed", 1);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.find("strata.tenants.pending").meters())
					.extracting((meter) -> meter.getId().getTag("tenant"))
					.containsExactlyInAnyOrder("acme", "globex", "initech");
				assertThat(registry.get("strata.tenants.pending").tag("tenant", "globex").gauge().value()).isZero();
			});
		runner(database, "basic").withPropertyValues(TENANTS, "strata.tenants.health.max-failed-share=0.1")
			.run((context) -> assertThat(context.getBean(StrataFleetHealthIndicator.class).health().getStatus())
				.as("1 of 3 is more than 10 %")
				.isEqualTo(Status.DOWN));
		runner(database, "basic").withPropertyValues(TENANTS, "strata.tenants.health.max-failed-share=10")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("max-failed-share is 10.0: it is a share from 0 to 1"));
	}

	@Test
	void pendingTenantsArePagedAndLagButTheFleetIsUp(TestDatabase database) {
		runner(database, "basic")
			.withPropertyValues(TENANTS, "strata.on-startup=none", "strata.tenants.metrics.per-tenant=true")
			.run((context) -> {
				StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
				JsonNode first = fleet(endpoint, 0, 2);
				JsonNode second = fleet(endpoint, 1, 2);
				assertThat(first.get("counts").get(TenantState.PENDING.name()).asInt()).isEqualTo(3);
				assertThat(first.get("lastRun").isNull()).isTrue();
				assertThat(first.get("pending").get("total").asInt()).isEqualTo(3);
				assertThat(first.get("pending").get("items")).extracting((tenant) -> tenant.get("name").asString())
					.containsExactly("acme", "globex");
				assertThat(second.get("pending").get("items")).extracting((tenant) -> tenant.get("name").asString())
					.containsExactly("initech");
				assertThat(fleet(endpoint, 0, 100_000).get("pending").get("size").asInt())
					.isEqualTo(dev.strata.report.FleetViewJson.MAX_PAGE_SIZE);
				assertThat(fleet(endpoint, 5, 2).get("pending").get("items")).isEmpty();

				assertThat(context.getBean(StrataFleetHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("strata.tenants.lag").tag("pending", "2-5").gauge().value()).isEqualTo(3);
				assertThat(registry.get("strata.tenants.lag").tag("pending", "0").gauge().value()).isZero();
				assertThat(registry.get("strata.tenants.run").tag("outcome", "success").timer().count()).isZero();
				assertThat(registry.get("strata.tenants.pending").tag("tenant", "acme").gauge().value()).isEqualTo(2);

				context.getBean(Fleet.class).migrate();
				assertThat(registry.get("strata.tenants.run").tag("outcome", "success").timer().count()).isEqualTo(1);
				assertThat(registry.get("strata.migrations")
					.tags("outcome", "applied", "target", "acme")
					.counter()
					.count()).as("tagged with the tenant when asked").isEqualTo(2);
				assertThat(fleet(endpoint, 0, 2).get("counts").get(TenantState.UP_TO_DATE.name()).asInt()).isEqualTo(3);
			});
	}

	@Test
	void withoutTenantsThereIsNoFleetView(TestDatabase database) {
		runner(database, "basic").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(FleetMonitor.class)
				.doesNotHaveBean(StrataFleetHealthIndicator.class)
				.doesNotHaveBean(StrataFleetMetrics.class);
			StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
			assertThat(endpoint.migration("tenants", null, null)).isNull();
			assertThat(endpoint.tenant("tenants", "acme")).isNull();
			assertThat(fleetMeters(context.getBean(MeterRegistry.class))).isEmpty();
		});
	}

	@Test
	void noFleetViewShowsThePassword(TestDatabase database) {
		// The test server trusts local connections, so any password works: a unique one
		// can be searched for.
		String canary = "canary-" + UUID.randomUUID();
		failAcme(database);
		runner(database, "basic")
			.withPropertyValues(TENANTS, "spring.datasource.password=" + canary,
					"strata.url=" + database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "password="
							+ canary,
					"strata.user=" + database.username())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
				List<String> views = new ArrayList<>();
				views.add(endpoint.migration("tenants", null, null));
				for (String tenant : List.of("acme", "globex", "initech")) {
					views.add(endpoint.tenant("tenants", tenant));
				}
				views.add(context.getBean("tenantMigrationsHealthIndicator", StrataFleetHealthIndicator.class)
					.health()
					.toString());
				assertThat(views).doesNotContainNull().allSatisfy((view) -> assertThat(view).doesNotContain(canary));
				assertThat(views.get(0)).as("acme's failure is shown").contains("acme");
			});
	}

	private static JsonNode fleet(StrataEndpoint endpoint, Integer page, Integer size) {
		String json = endpoint.migration("tenants", page, size);
		assertThat(json).as("the fleet view").isNotNull();
		return JsonSchemas.assertValid(JsonSchemas.FLEET_STATUS, json);
	}

	private static List<Meter> fleetMeters(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.filter((meter) -> meter.getId().getName().startsWith("strata.tenants"))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
