package dev.strata.example;

import java.util.jar.JarFile;

import dev.strata.example.MigratorProcess.Result;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app's jar, processed ahead of time by the build (without the migrator
 * profile), run as a migrator with {@code -Dspring.aot.enabled=true}: the commands behave
 * as on the JVM and no web server starts.
 */
class MigratorAheadOfTimeIT {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private boolean historyExists() {
		return this.database.queryForObject("select to_regclass('strata_schema_history') is not null", Boolean.class);
	}

	@Test
	void statusMigratesNothingAndMigrateApplies() throws Exception {
		Result status = MigratorProcess.startAheadOfTime(this.database, "--strata.migrator.command=status").waitFor();
		assertThat(status.exitCode()).as(status.toString()).isZero();
		// Started from the generated code, not from the configuration classes.
		assertThat(status.all()).contains("Starting AOT-processed");
		assertThat(status.stdout()).contains("Strata migrator: status on database");
		assertThat(historyExists()).as("status applied nothing").isFalse();
		assertThat(status.all()).doesNotContainIgnoringCase("tomcat").doesNotContain("ServletContext");
		assertThat(MigratorProcess.isListening(status.port())).isFalse();

		Result migrate = MigratorProcess.startAheadOfTime(this.database, "--strata.migrator.output=json").waitFor();
		assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
		assertThat(migrate.json().get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(this.database.queryForObject("select count(*) from strata_schema_history where success", Long.class))
			.isEqualTo(7);
		assertThat(migrate.all()).doesNotContainIgnoringCase("tomcat");
	}

	@Test
	void nativeImageHintsInTheJarIncludeTheMigrations() throws Exception {
		try (JarFile jar = new JarFile(MigratorProcess.jar())) {
			var entry = jar
				.getJarEntry("META-INF/native-image/dev.strata/strata-example-app/reachability-metadata.json");
			assertThat(entry).as("the hints written by process-aot").isNotNull();
			JsonNode hints = JsonMapper.builder().build().readTree(jar.getInputStream(entry));
			assertThat(hints.get("resources").valueStream().map((resource) -> resource.path("glob").asString()))
				.contains("db/migration/**");
		}
	}

}
