package dev.strata.autoconfigure.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.drift.DriftState;
import dev.strata.status.OverallState;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint as a browser or {@code curl} gets it: a real web server, real HTTP, and
 * each response validated against its schema in docs/schemas. The drift report answers
 * with fresh data: a manual change shows there within the endpoint's few seconds, without
 * any refresh, while the status page keeps its cache.
 */
@StrataPostgres(databasePerTest = true)
class EndpointOverHttpTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path migrations;

	@Test
	void everyResponseMatchesItsSchemaAndTheDriftReportIsFresh(TestDatabase database) throws Exception {
		write("V1__créer_livre.sql", "create table livre (id int primary key, titre text);");
		write("V2__index_titre.sql", "create index livre_titre on livre (titre);");
		try (ConfigurableApplicationContext context = start(database)) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			JsonNode status = get(base + "/actuator/migrations", JsonSchemas.STATUS);
			assertThat(status.get("state").asString()).isEqualTo(OverallState.UP_TO_DATE.name());
			assertThat(status.get("applied").get(0).get("description").asString()).as("UTF-8 over HTTP")
				.isEqualTo("créer livre");
			assertThat(status.get("drift").get("state").asString()).isEqualTo(DriftState.NO_DRIFT.name());

			database.execute("alter table livre add column note text");
			JsonNode drift = awaitDrifted(base);
			assertThat(drift.get("changes").get(0).get("identity").asString()).isEqualTo("public.livre");
			JsonNode cached = get(base + "/actuator/migrations", JsonSchemas.STATUS);
			assertThat(cached.get("takenAt")).as("the status page stays cached").isEqualTo(status.get("takenAt"));
			assertThat(cached.get("drift").get("state").asString()).isEqualTo(DriftState.NO_DRIFT.name());

			write("V3__drop_titre.sql", "alter table livre drop column titre;");
			context.getBean(StatusMonitor.class).refresh();
			JsonNode refreshed = get(base + "/actuator/migrations", JsonSchemas.STATUS);
			assertThat(refreshed.get("state").asString()).isEqualTo(OverallState.PENDING.name());
			assertThat(refreshed.get("drift").get("state").asString()).isEqualTo(DriftState.DRIFTED.name());
			JsonNode pending = refreshed.get("pending").get(0);
			assertThat(pending.get("findings").get(0).get("rule").asString()).isEqualTo("drop-column");
			assertThat(pending.get("findings").get(0).get("outcome").asString()).isEqualTo("REFUSED");

			JsonNode v2 = get(base + "/actuator/migrations/2", JsonSchemas.MIGRATION);
			assertThat(v2.get("state").asString()).isEqualTo("APPLIED");
			assertThat(v2.get("findings").get(0).get("rule").asString()).isEqualTo("create-index-not-concurrently");
			assertThat(v2.get("statements").get(0).get("line").asInt()).isEqualTo(1);
			JsonNode v3 = get(base + "/actuator/migrations/3", JsonSchemas.MIGRATION);
			assertThat(v3.get("state").asString()).isEqualTo("PENDING");
			assertThat(v3.get("findings")).isEqualTo(pending.get("findings"));

			assertThat(send(base + "/actuator/migrations/99").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aFleetsViewsArePagedAndOneTenantIsAStatus(TestDatabase database) throws Exception {
		write("V1__create_book.sql", "create table book (id int primary key);");
		try (ConfigurableApplicationContext context = start(database, "--strata.tenants.schemas=acme,globex,initech",
				"--strata.on-startup=none",
				// a component's own path answers only where components are shown
				"--management.endpoint.health.show-components=always")) {
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			JsonNode fleet = get(base + "/actuator/migrations/tenants?page=1&size=2", JsonSchemas.FLEET_STATUS);
			assertThat(fleet.get("counts").get("PENDING").asInt()).isEqualTo(3);
			assertThat(fleet.get("pending").get("total").asInt()).isEqualTo(3);
			assertThat(fleet.get("pending").get("size").asInt()).isEqualTo(2);
			assertThat(fleet.get("pending").get("items")).singleElement()
				.satisfies((tenant) -> assertThat(tenant.get("name").asString()).isEqualTo("initech"));
			JsonNode firstPage = get(base + "/actuator/migrations/tenants", JsonSchemas.FLEET_STATUS);
			assertThat(firstPage.get("pending").get("items")).hasSize(3);

			JsonNode globex = get(base + "/actuator/migrations/tenants/globex", JsonSchemas.STATUS);
			assertThat(globex.get("schema").asString()).isEqualTo("globex");
			assertThat(globex.get("state").asString()).isEqualTo(OverallState.PENDING.name());
			assertThat(send(base + "/actuator/migrations/tenants/hooli").statusCode()).isEqualTo(404);

			HttpResponse<String> health = send(base + "/actuator/health/tenantMigrations");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
		}
	}

	/**
	 * Polls the drift report: the endpoint checks again once its last check is a few
	 * seconds old, so a manual change shows without any refresh.
	 */
	private JsonNode awaitDrifted(String base) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JsonNode drift = get(base + "/actuator/migrations/drift", JsonSchemas.DRIFT);
		while (!drift.get("state").asString().equals(DriftState.DRIFTED.name()) && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
			drift = get(base + "/actuator/migrations/drift", JsonSchemas.DRIFT);
		}
		assertThat(drift.get("state").asString()).isEqualTo(DriftState.DRIFTED.name());
		assertThat(Duration.between(Instant.parse(drift.get("checkedAt").asString()), Instant.now()))
			.isLessThan(Duration.ofSeconds(20));
		return drift;
	}

	private JsonNode get(String url, String schema) throws Exception {
		HttpResponse<String> response = send(url);
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
		return JsonSchemas.assertValid(schema, response.body());
	}

	private HttpResponse<String> send(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(TestDatabase database, String... more) {
		List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--strata.locations=filesystem:" + this.migrations,
				"--management.endpoints.web.exposure.include=health,migrations"));
		args.addAll(List.of(more));
		return new SpringApplication(Application.class).run(args.toArray(String[]::new));
	}

	private void write(String name, String sql) throws IOException {
		Files.writeString(this.migrations.resolve(name), sql);
	}

	/**
	 * Whatever this module's tests have on the class path, but JPA, which has no use
	 * here.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration(
			excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
					"org.springframework.boot.hibernate.autoconfigure.metrics.HibernateMetricsAutoConfiguration" })
	static class Application {

	}

}
