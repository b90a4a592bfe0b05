package dev.strata.autoconfigure;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An application whose {@code strata.*} configuration has a mistake does not start: the
 * failure analysis names the property and what was meant, before any bean exists, so a
 * mistyped {@code validate} never migrates; a configured location that does not exist
 * names it, and nothing is created.
 */
@StrataPostgres(databasePerTest = true)
@ExtendWith(OutputCaptureExtension.class)
class StrictConfigurationAtStartupTests {

	@Test
	void aMistypedKeyStopsTheApplicationBeforeItMigrates(TestDatabase database, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(database, "--strata.on-startp=validate"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Unknown property strata.on-startp (from the command line): did you mean strata.on-startup?")
			.contains("Action:")
			.doesNotContain("\tat ");
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
		assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
	}

	@Test
	void aBadValueStopsTheApplicationListingTheValidValues(TestDatabase database, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(database, "--strata.on-startup=validat"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'validat' for strata.on-startup (from the command line): the valid values are"
					+ " migrate, validate, none; did you mean validate?")
			.doesNotContain("No enum constant")
			.doesNotContain("\tat ");
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
	}

	@Test
	void relaxedNamesStillBind(TestDatabase database) {
		try (ConfigurableApplicationContext context = start(database, "--strata.onStartup=none",
				"--strata.lock_timeout=5s", "--strata.guard.rules.DROP-TABLE=warn")) {
			assertThat(context.getBean(StrataProperties.class).getOnStartup())
				.isEqualTo(StrataProperties.OnStartup.NONE);
		}
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
	}

	@Test
	void aConfiguredLocationThatDoesNotExistStopsTheApplicationAndCreatesNothing(TestDatabase database,
			CapturedOutput output) {
		assertThatException().isThrownBy(() -> startWith(database, "--strata.locations=classpath:db/basc"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Migration location classpath:db/basc is not on the classpath. Fix: correct the location"
					+ " (strata.locations); src/main/resources/db/migration is classpath:db/migration.")
			.doesNotContain("\tat ");
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
		assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY + "_snapshot")).isFalse();
	}

	@Test
	void theDefaultLocationMissingIsOneWarningLine(TestDatabase database, CapturedOutput output) {
		// No db/migration on this module's test classpath: an application without
		// migrations yet.
		try (ConfigurableApplicationContext context = startWith(database)) {
			assertThat(context.isRunning()).isTrue();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("classpath:db/migration"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN",
					"No migrations: classpath:db/migration does not exist"));
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--strata.locations=classpath:db/basic";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		return startWith(database, all);
	}

	private static ConfigurableApplicationContext startWith(TestDatabase database, String... arguments) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String[] all = new String[arguments.length + 4];
		all[0] = "--spring.main.banner-mode=off";
		all[1] = "--spring.datasource.url=" + database.jdbcUrl();
		all[2] = "--spring.datasource.username=" + database.username();
		all[3] = "--spring.datasource.password=" + database.password();
		System.arraycopy(arguments, 0, all, 4, arguments.length);
		return application.run(all);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StrataAutoConfiguration.class })
	static class Application {

	}

}
