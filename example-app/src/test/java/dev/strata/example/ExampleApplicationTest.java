package dev.strata.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app on a real PostgreSQL: Strata migrates at startup, and the API reads the
 * repeatable view and calls the plpgsql function the migrations created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dev-postgres.enabled=false")
class ExampleApplicationTest {

	private static final TestDatabase database = PostgresServer.shared().createDatabase();

	/**
	 * The test server trusts local connections, so any password works: a unique one can
	 * be searched for.
	 */
	private static final String CANARY = "canary-" + java.util.UUID.randomUUID();

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> CANARY);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Autowired
	private Environment environment;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void startupAppliedEveryMigrationIncludingTheConcurrentIndexOutsideATransaction() {
		assertThat(database.queryForObject("select count(*) from strata_schema_history where success", Long.class))
			.isEqualTo(7L);
		assertThat(database.queryForObject(
				"select transactional from strata_schema_history where script = 'V5__index_book_titles.sql'",
				Boolean.class))
			.isFalse();
		assertThat(database.queryForObject(
				"select indisvalid from pg_index where indexrelid = 'book_title_lower_idx'::regclass", Boolean.class))
			.isTrue();
	}

	@Test
	void catalogueComesFromTheRepeatableView() throws Exception {
		HttpResponse<String> response = get("/api/books");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("The Dispossessed", "Invisible Cities", "\"available\"");
	}

	@Test
	void lendingGoesThroughThePlpgsqlFunctionAndRefusesWhenNoCopyIsLeft() throws Exception {
		long bookId = database.queryForObject("select id from book where title = 'A Wizard of Earthsea'", Long.class);
		HttpResponse<String> first = post("/api/loans", "{\"bookId\":" + bookId + ",\"borrower\":\"ged\"}");
		HttpResponse<String> second = post("/api/loans", "{\"bookId\":" + bookId + ",\"borrower\":\"vetch\"}");
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("copies of book");
	}

	@Test
	void actuatorShowsMigrationsAndHealthWithoutCredentials() throws Exception {
		HttpResponse<String> migrations = get("/actuator/migrations");
		HttpResponse<String> one = get("/actuator/migrations/4");
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> metric = get("/actuator/metrics/strata.migrations.applied");

		assertThat(migrations.statusCode()).isEqualTo(200);
		// Strata's status document (docs/schemas), laid out by Strata's JSON writer
		assertThat(migrations.body()).contains("\"state\": \"UP_TO_DATE\"", "\"currentVersion\": \"6\"",
				"V5__index_book_titles.sql", "\"transactional\": false", "\"takenAt\"");
		assertThat(one.body()).contains("CREATE OR REPLACE FUNCTION lend_book");
		assertThat(health.body())
			.containsPattern("\"migrations\":\\{\"details\":\\{\"state\":\"UP_TO_DATE\".*?\"status\":\"UP\"");
		assertThat(metric.body()).contains("\"value\":7.0");
		for (HttpResponse<String> response : java.util.List.of(migrations, one, health, metric)) {
			assertThat(response.body()).doesNotContain(CANARY);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
	}

}
