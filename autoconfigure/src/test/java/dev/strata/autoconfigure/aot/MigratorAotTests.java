package dev.strata.autoconfigure.aot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.migrator.MigratorExit;
import dev.strata.autoconfigure.migrator.MigratorProperties;
import dev.strata.autoconfigure.migrator.ReportPrinter;
import dev.strata.autoconfigure.migrator.StrataMigratorAutoConfiguration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application processed ahead of time runs both as the application and as a migrator,
 * decided when it runs: the build processes it without the migrator profile, so whatever
 * a condition decided at build time would be frozen into the generated code.
 */
@StrataPostgres(databasePerTest = true)
class MigratorAotTests {

	@TempDir
	Path generated;

	@Test
	void migratorStatusOfAProcessedApplicationMigratesNothing(TestDatabase database) throws Exception {
		AotContexts.Processed processed = AotContexts.process(Application.class, buildTime(database), "Status",
				this.generated);
		Map<String, Object> runTime = new HashMap<>(buildTime(database));
		runTime.put("strata.migrator.enabled", "true");
		runTime.put("strata.migrator.command", "status");
		GenericApplicationContext context = AotContexts.context(runTime);
		// As SpringApplication does with the lazy beans migrator mode asks for.
		context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
		try {
			processed.refresh(context);
			Recorder recorder = context.getBean(Recorder.class);
			assertThat(recorder.exitCode).as("exit code").isZero();
			assertThat(recorder.output.toString()).contains("create greeting").contains("say hello");
		}
		finally {
			context.close();
		}
		assertThat(database.queryForObject("select to_regclass('strata_schema_history') is null", Boolean.class))
			.as("no history table: nothing was migrated")
			.isTrue();
	}

	@Test
	void processedApplicationStillMigratesAtStartUp(TestDatabase database) throws Exception {
		AotContexts.Processed processed = AotContexts.process(Application.class, buildTime(database), "StartUp",
				this.generated);
		GenericApplicationContext context = AotContexts.context(buildTime(database));
		try {
			processed.refresh(context);
			assertThat(context.getBean(Recorder.class).exitCode).as("the migrator did not run").isEqualTo(-1);
		}
		finally {
			context.close();
		}
		assertThat(database.queryForObject("select count(*) from strata_schema_history", Long.class)).isEqualTo(2L);
	}

	@Test
	void hintsIncludeTheMigrationFilesOfTheDefaultAndConfiguredLocations(TestDatabase database) throws Exception {
		AotContexts.Processed processed = AotContexts.process(Application.class, buildTime(database), "Hints",
				this.generated);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/basic/V1__create_greeting.sql"))
			.accepts(processed.hints());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__init.sql"))
			.accepts(processed.hints());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/risky/V1__drop.sql")).rejects(processed.hints());
	}

	private static Map<String, Object> buildTime(TestDatabase database) {
		return Map.of("spring.datasource.url", database.jdbcUrl(), "spring.datasource.username", database.username(),
				"spring.datasource.password", database.password(), "strata.locations", "classpath:db/basic");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
			StrataMigratorAutoConfiguration.class })
	static class Application {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

	}

	/** Records the migrator's exit code and report instead of ending the process. */
	static class Recorder implements MigratorExit, ReportPrinter {

		int exitCode = -1;

		final StringBuilder output = new StringBuilder();

		@Override
		public void exit(int code) {
			this.exitCode = code;
		}

		@Override
		public void print(String report, MigratorProperties.Output format) {
			this.output.append(report);
		}

	}

}
