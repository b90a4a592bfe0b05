package dev.strata.devpostgres;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.test.EmbeddedPostgresLauncher;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application with no {@code spring.datasource.url} runs on the development
 * PostgreSQL, and what it wrote is there after a restart of the server.
 */
class DevPostgresEnvironmentPostProcessorTests {

	@TempDir
	Path temp;

	@AfterEach
	void stopServer() throws Exception {
		DevPostgresEnvironmentPostProcessor.stop();
		EmbeddedPostgresLauncher.delete(this.temp.resolve("pgdata"));
	}

	@Test
	void startsADatabaseWhoseDataSurvivesARestart() {
		Path data = this.temp.resolve("pgdata");
		try (ConfigurableApplicationContext context = run("--dev-postgres.data-directory=" + data)) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
				.startsWith("jdbc:postgresql://127.0.0.1:");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.execute("create table notes (body text)");
			jdbc.update("insert into notes values ('kept')");
		}
		DevPostgresEnvironmentPostProcessor.stop();
		try (ConfigurableApplicationContext context = run("--dev-postgres.data-directory=" + data)) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject("select body from notes", String.class)).isEqualTo("kept");
		}
	}

	@Test
	void leavesAConfiguredUrlAlone() {
		try (ConfigurableApplicationContext context = run(
				"--spring.datasource.url=jdbc:postgresql://db.example:5432/app",
				"--spring.datasource.hikari.initialization-fail-timeout=-1")) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
				.isEqualTo("jdbc:postgresql://db.example:5432/app");
		}
	}

	@Test
	void startsNothingWhenDisabled() {
		// Without a URL and without the development database, there is no datasource.
		assertThatException()
			.isThrownBy(() -> run("--dev-postgres.enabled=false",
					"--dev-postgres.data-directory=" + this.temp.resolve("pgdata")))
			.withStackTraceContaining("Failed to determine a suitable driver class");
		assertThat(this.temp.resolve("pgdata")).doesNotExist();
	}

	@Test
	void runsFromTheBuildNotFromAPackagedJar() {
		assertThat(DevPostgresEnvironmentPostProcessor.isInsidePackagedJar()).isFalse();
	}

	@Test
	void recognisesALibraryInsideAnExecutableJar() {
		assertThat(DevPostgresEnvironmentPostProcessor
			.isNestedJar("jar:nested:/srv/app.jar/!BOOT-INF/lib/strata-dev-postgres-0.1.0.jar!/")).isTrue();
		assertThat(DevPostgresEnvironmentPostProcessor.isNestedJar("nested:/srv/app.jar/!BOOT-INF/lib/x.jar")).isTrue();
		assertThat(DevPostgresEnvironmentPostProcessor
			.isNestedJar("file:/home/me/.m2/repository/dev/strata/strata-dev-postgres-0.1.0.jar")).isFalse();
		assertThat(DevPostgresEnvironmentPostProcessor.isNestedJar("file:/work/app/dev-postgres/target/classes/"))
			.isFalse();
	}

	private static ConfigurableApplicationContext run(String... arguments) {
		SpringApplication application = new SpringApplication(TestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(arguments);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
