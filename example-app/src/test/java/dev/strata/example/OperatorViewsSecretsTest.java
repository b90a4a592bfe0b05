package dev.strata.example;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing sensitive in any output: a canary password is the application's datasource
 * password, Strata's own password and a {@code password=} parameter of Strata's JDBC URL;
 * after the schema drifted by hand, every operator view (over real HTTP) and the logs
 * since startup are searched for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dev-postgres.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class OperatorViewsSecretsTest {

	private static final TestDatabase database = PostgresServer.shared().createDatabase();

	/**
	 * The test server trusts local connections, so any password works: a unique one can
	 * be searched for.
	 */
	private static final String CANARY = "canary-" + UUID.randomUUID();

	@DynamicPropertySource
	static void datasource(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", () -> CANARY);
		registry.add("strata.url",
				() -> database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "password=" + CANARY);
		registry.add("strata.user", database::username);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Autowired
	private Environment environment;

	@Autowired
	private StatusMonitor monitor;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void noOperatorViewNorTheLogShowsThePasswordOfADriftedDatabase(CapturedOutput output) throws Exception {
		database.execute("alter table book add column shelf text");
		database.execute("drop index book_author_idx");
		this.monitor.refresh();

		List<HttpResponse<String>> responses = new ArrayList<>();
		HttpResponse<String> migrations = get("/actuator/migrations", responses);
		HttpResponse<String> drift = get("/actuator/migrations/drift", responses);
		HttpResponse<String> one = get("/actuator/migrations/4", responses);
		HttpResponse<String> health = get("/actuator/health", responses);
		get("/actuator/health/migrations", responses);
		HttpResponse<String> objects = get("/actuator/metrics/strata.schema.drift.objects", responses);
		get("/actuator/metrics/strata.schema.drift.check.age", responses);
		get("/actuator/metrics/strata.migrations.applied", responses);
		get("/actuator/metrics/strata.migrations.pending", responses);
		get("/actuator/metrics/strata.migrations", responses);
		get("/actuator/metrics/strata.lock.wait", responses);

		// Strata's documents (docs/schemas), as its one JSON writer lays them out
		assertThat(migrations.body()).contains("\"state\": \"DRIFTED\"", "\"changedObjects\": 2");
		assertThat(drift.statusCode()).isEqualTo(200);
		assertThat(drift.body()).contains("\"identity\": \"public.book\"", "\"identity\": \"shelf\"",
				"\"identity\": \"public.book_author_idx\"", "\"change\": \"REMOVED\"");
		assertThat(one.body()).contains("CREATE OR REPLACE FUNCTION lend_book", "\"findings\"");
		assertThat(health.body()).contains("\"drift\":{\"state\":\"DRIFTED\"");
		assertThat(objects.body()).contains("\"value\":2.0");
		assertThat(output.getAll()).contains("Stored a schema snapshot");
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
			assertThat(response.body()).as(response.uri().toString()).doesNotContain(CANARY);
		}
		assertThat(output.getAll()).doesNotContain(CANARY);
	}

	private HttpResponse<String> get(String path, List<HttpResponse<String>> responses) throws Exception {
		URI uri = URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		responses.add(response);
		return response;
	}

}
