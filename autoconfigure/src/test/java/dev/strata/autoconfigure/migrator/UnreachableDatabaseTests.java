package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import dev.strata.test.Unreachable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator that cannot reach its database exits 2 with a message that names the host,
 * port and database, what happened, and the property to fix, in both output formats.
 */
class UnreachableDatabaseTests {

	private static final String CANARY = "canary-Pa55word";

	@TempDir
	Path migrations;

	@Test
	@Timeout(60)
	void refusedNamesSpringDatasourceUrl() {
		int port = Unreachable.closedPort();
		MigratorRun run = MigratorRun.runWith("strata.migrator.enabled=true",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/orders",
				"spring.datasource.username=app", "spring.datasource.password=" + CANARY,
				"strata.locations=filesystem:" + this.migrations, "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		JsonNode error = run.json().get("error");
		assertThat(error.get("category").asString()).isEqualTo("CONFIGURATION");
		assertThat(error.get("message").asString())
			.startsWith("Could not connect to PostgreSQL at 127.0.0.1:" + port
					+ ", database \"orders\": the connection was refused: nothing listens on that host and port")
			.endsWith("Check the host and port in spring.datasource.url.");
		assertThat(run.output).doesNotContain(CANARY);
	}

	@Test
	@Timeout(60)
	void unresolvableStrataUrlNamesStrataUrl() {
		MigratorRun run = MigratorRun.runWith(
				AutoConfigurations.of(StrataAutoConfiguration.class, StrataMigratorAutoConfiguration.class),
				"strata.migrator.enabled=true",
				"strata.url=jdbc:postgresql://" + Unreachable.UNRESOLVABLE_HOST + ":5432/orders?password=" + CANARY,
				"strata.user=migrator", "strata.locations=filesystem:" + this.migrations);
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		assertThat(run.output)
			.contains("Could not connect to PostgreSQL at " + Unreachable.UNRESOLVABLE_HOST
					+ ":5432, database \"orders\": the host name \"" + Unreachable.UNRESOLVABLE_HOST
					+ "\" does not resolve (DNS lookup failed). Check the host in strata.url")
			.doesNotContain(CANARY);
	}

	@Test
	@Timeout(60)
	void timedOutSaysAfterHowLong() throws Exception {
		try (Unreachable.BlackHole hole = new Unreachable.BlackHole()) {
			long start = System.nanoTime();
			MigratorRun run = MigratorRun.runWith("strata.migrator.enabled=true",
					"spring.datasource.url=jdbc:postgresql://127.0.0.1:" + hole.port() + "/orders?connectTimeout=1",
					"spring.datasource.username=app", "spring.datasource.password=" + CANARY, "strata.user=migrator",
					"strata.locations=filesystem:" + this.migrations);
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
			assertThat(run.output)
				.contains("Could not connect to PostgreSQL at 127.0.0.1:" + hole.port()
						+ ", database \"orders\": the connection attempt timed out after 1.")
				.contains("Check the host and port in spring.datasource.url;")
				.doesNotContain(CANARY);
			System.out.println("Migrator with connectTimeout=1 against a black hole exited 2 after " + millis + " ms");
		}
	}

}
