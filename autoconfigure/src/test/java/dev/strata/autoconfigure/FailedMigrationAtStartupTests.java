package dev.strata.autoconfigure;

import dev.strata.execute.MigrationFailedException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import dev.strata.test.Unreachable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A migration that fails stops the application, and the report says which file and line,
 * and what to do.
 */
@StrataPostgres(databasePerTest = true)
@ExtendWith(OutputCaptureExtension.class)
class FailedMigrationAtStartupTests {

	@Test
	void failingMigrationStopsTheContextAndKeepsTheMigrationsBeforeIt(TestDatabase database) {
		StrataTestContexts.runner(database, "failing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(org.postgresql.util.PSQLException.class);
			MigrationFailedException failure = migrationFailure(context.getStartupFailure());
			assertThat(failure.file()).endsWith("V2__broken.sql");
			assertThat(failure.line()).isEqualTo(4);
			assertThat(failure.rolledBack()).isTrue();
		});
		assertThat(StrataTestContexts.tableExists(database, "greeting")).isTrue();
		assertThat(database.queryForObject("select count(*) from greeting", Long.class))
			.as("V2 ran in one transaction: its first insert is rolled back too")
			.isZero();
		assertThat(database.queryForObject(
				"select count(*) from " + StrataTestContexts.HISTORY + " where version = '2' and success", Long.class))
			.isZero();
	}

	@Test
	void failureAnalyzerNamesTheFileAndLineAndSaysWhatToDo(TestDatabase database) {
		StrataTestContexts.runner(database, "failing").run((context) -> {
			FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("V2__broken.sql:4")
				.contains("no_such_table")
				.contains("42P01");
			assertThat(analysis.getAction()).contains("Fix the migration");
		});
	}

	@Test
	void failureAnalyzerNamesTheDatasourcePropertiesOfAnUnreachableDatabase() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		StrataTestContexts.runner()
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/orders",
					"spring.datasource.username=app", "spring.datasource.password=secret-Pa55word")
			.run((context) -> {
				FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.startsWith("Could not connect to PostgreSQL at 127.0.0.1:" + port + ", database \"orders\"")
					.contains("refused")
					.doesNotContain("secret-Pa55word");
				assertThat(analysis.getAction()).isEqualTo("Check spring.datasource.url (host, port, database);"
						+ " spring.datasource.username and spring.datasource.password (login).");
			});
	}

	@Test
	void failureAnalyzerExplainsPendingMigrationsInValidateMode(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").withPropertyValues("strata.on-startup=validate").run((context) -> {
			FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("pending").contains("V1__create_greeting.sql");
			assertThat(analysis.getAction()).isNotBlank();
		});
	}

	@Test
	void springApplicationReportsTheFailedMigrationInsteadOfAStackTrace(TestDatabase database, CapturedOutput output) {
		SpringApplication application = new SpringApplication(FailingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--strata.locations=classpath:db/failing"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration V2 (broken) failed at")
			.contains("V2__broken.sql:4")
			.contains("Action:")
			.contains("Fix the migration named above");
	}

	private static MigrationFailedException migrationFailure(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof MigrationFailedException migrationFailure) {
				return migrationFailure;
			}
		}
		throw new AssertionError("No MigrationFailedException in " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StrataAutoConfiguration.class })
	static class FailingApplication {

	}

}
