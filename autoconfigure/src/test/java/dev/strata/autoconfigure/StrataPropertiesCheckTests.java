package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every {@code strata.*} property is checked before anything runs: an unknown key names
 * the key and the closest valid one, a bad value the valid ones. What a migrator and an
 * application do with the failure is tested in {@code StrictConfigurationTests} and
 * {@code StrictConfigurationProcessTest}.
 */
class StrataPropertiesCheckTests {

	@Test
	void everyKnownPropertyInItsRelaxedFormsPasses() {
		assertThatNoException().isThrownBy(
				() -> check("--strata.lockTimeout=5s", "--strata.lock_retries=2", "--strata.migrator.OUTPUT=json",
						"--strata.guard.rules.drop-table=warn", "--strata.guard.rules[do-block]=off",
						"--strata.locations[0]=classpath:db/x", "--strata.drift.include=grants,owners",
						"--strata.migrator.repair.confirm=true", "--strata.migrator.acceptDrift.confirm=true",
						"--strata.on-startup=VALIDATE", "--strata.migrator.command=DRY_RUN",
						"--spring.datasource.url=jdbc:postgresql://x/y", "--unrelated.key=1"));
		assertThatNoException().isThrownBy(() -> check(new SystemEnvironmentPropertySource("systemEnvironment",
				Map.of("STRATA_MIGRATOR_COMMAND", "status", "STRATA_LOCKWAITTIMEOUT", "1m"))));
	}

	@Test
	void anUnknownKeyNamesItsOriginAndTheClosestKnownKey() {
		assertThat(failure("--strata.migrator.comand=status").getMessage())
			.startsWith("Unknown property strata.migrator.comand (from the command line): did you mean"
					+ " strata.migrator.command? Strata does not start with a strata.* property it does not know")
			.contains("docs/configuration.md");
		assertThat(failure("--strata.lockTimout=5s").getMessage()).as("named as written")
			.startsWith(
					"Unknown property strata.lockTimout (from the command line): did you mean strata.lock-timeout?");
		assertThat(failure("--strata.guard.rule.drop-table=warn").getMessage())
			.contains("did you mean strata.guard.rules.drop-table?");
	}

	@Test
	void anUnknownKeyInAFileNamesTheFileAndLine() {
		StrataException failure = failure(properties("application.properties",
				"spring.application.name=app\nstrata.locaitons=filesystem:/migrations\n"));
		assertThat(failure.getMessage()).startsWith("Unknown property strata.locaitons (from class path resource"
				+ " [application.properties] - 2:18): did you mean strata.locations?");
	}

	@Test
	void aKnownNameInTheWrongPlaceIsSuggestedWhereItBelongs() {
		assertThat(failure("--strata.command=status").getMessage()).contains("did you mean strata.migrator.command?");
		assertThat(failure("--strata.migrator.lock-timeout=1s").getMessage())
			.contains("did you mean strata.lock-timeout?");
		assertThat(failure("--strata.confirm=true").getMessage())
			.contains("did you mean strata.migrator.accept-drift.confirm or strata.migrator.repair.confirm or"
					+ " strata.migrator.restore.confirm or strata.migrator.undo.confirm?");
	}

	@Test
	void withoutACloseKeyTheGroupsKeysAreListed() {
		assertThat(failure("--strata.migrator.timeout=5s").getMessage())
			.contains("strata.migrator.timeout (from the command line): the properties under strata.migrator are"
					+ " command, enabled, environment, exit-timeout, expected-database, fail-on-drift, output,"
					+ " require-environment.");
		assertThat(failure("--strata.something=1").getMessage())
			.startsWith("Unknown property strata.something (from the command line). Strata does not start");
	}

	@Test
	void everyUnknownKeyIsNamedAtOnce() {
		assertThat(failure("--strata.locaitons=x", "--strata.migrator.comand=lint").getMessage())
			.startsWith("Unknown properties: ")
			.contains("strata.locaitons (from the command line): did you mean strata.locations?")
			.contains("strata.migrator.comand (from the command line): did you mean strata.migrator.command?");
	}

	@Test
	void keysFromEnvironmentVariablesAndSystemPropertiesAreNotCheckedAsSpringBootDoesNot() {
		// strata-test reads strata.test.* from both; Kubernetes derives
		// STRATA_SERVICE_HOST
		// from a service named strata.
		assertThatNoException().isThrownBy(
				() -> check(
						new SystemEnvironmentPropertySource("systemEnvironment",
								Map.of("STRATA_TEST_JDBC_URL", "jdbc:postgresql://x/y", "STRATA_SERVICE_HOST",
										"10.0.0.1")),
						new MapPropertySource("systemProperties", Map.of("strata.test.server", "embedded"))));
		assertThat(failure(
				new SystemEnvironmentPropertySource("systemEnvironment", Map.of("STRATA_MIGRATOR_COMMAND", "stauts")))
			.getMessage()).as("their values are checked")
			.contains("Invalid value 'stauts' for strata.migrator.command");
	}

	@Test
	void aValueThatIsNoChoiceListsTheValidOnes() {
		StrataException failure = failure("--strata.migrator.command=stauts");
		assertThat(failure.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(failure.getMessage())
			.isEqualTo("Invalid value 'stauts' for strata.migrator.command (from the command line): the valid values"
					+ " are migrate, validate, status, dry-run, baseline, repair, lint, drift, accept-drift, archives,"
					+ " restore, purge-archives, undo; did you mean status?")
			.doesNotContain("No enum constant");
		assertThat(failure("--strata.on-startup=upgrade").getMessage())
			.endsWith("the valid values are migrate, validate, none.");
		assertThat(failure("--strata.guard.rules.drop-column=wran").getMessage())
			.contains("for strata.guard.rules.drop-column")
			.endsWith("the valid values are off, warn, refuse; did you mean warn?");
		assertThat(failure("--strata.drift.include=grants,owner").getMessage())
			.endsWith("the valid values are grants, owners, comments.");
		assertThat(failure("--strata.lint.format=sarf").getMessage()).contains("did you mean sarif?");
		assertThat(failure("--strata.lock-mode=lock").getMessage()).contains("advisory, lease");
	}

	@Test
	void aValueOfTheWrongKindSaysWhatIsExpected() {
		assertThat(failure("--strata.lock-timeout=10 seconds").getMessage())
			.isEqualTo("Invalid value '10 seconds' for strata.lock-timeout (from the command line): expected a"
					+ " duration such as 10s, 500ms, 10m or PT10S.");
		assertThat(failure("--strata.lock-retries=three").getMessage()).endsWith("expected a whole number.");
		assertThat(failure("--strata.out-of-order=maybe").getMessage()).endsWith("expected true or false.");
	}

	@Test
	void aValueThatConvertsButIsNoVersionOrLocationSaysWhatIsExpected() {
		assertThat(failure("--strata.baseline-version=v2").getMessage())
			.isEqualTo("Invalid value 'v2' for strata.baseline-version: expected a version such as 1, 1.2 or 2_1_3.");
		assertThat(failure("--strata.guard.baseline-version=2.x").getMessage())
			.startsWith("Invalid value '2.x' for strata.guard.baseline-version");
		assertThat(failure("--strata.locations=filesystem:").getMessage())
			.isEqualTo("Invalid value 'filesystem:' for strata.locations: expected classpath:<path> or"
					+ " filesystem:<directory>, such as classpath:db/migration.");
		assertThat(failure("--strata.lock-retries=-1").getMessage()).endsWith("expected zero or more.");
		assertThatNoException().isThrownBy(() -> check("--strata.baseline-version=2_1",
				"--strata.guard.baseline-version=", "--strata.locations=db/migration,filesystem:/opt/migrations"));
	}

	@Test
	void anUnknownRuleIdNamesTheClosestRuleAndListsThemAll() {
		String message = failure("--strata.guard.rules.drop-colum=warn").getMessage();
		assertThat(message)
			.startsWith("strata.guard.rules.drop-colum names no guard rule 'drop-colum': did you mean"
					+ " drop-column? The rule ids are drop-table, ")
			.contains("unrecognised-statement");
	}

	@Test
	void theKnownPropertiesAreExactlyThoseOfTheConfigurationMetadata() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> documented = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("strata.")) {
				documented.add(name);
			}
		}
		// A new @ConfigurationProperties class under strata.* must join the checked tree
		// (StrataPropertiesCheck.AllProperties), or each of its keys would be unknown.
		assertThat(StrataPropertiesCheck.knownNames()).containsExactlyInAnyOrderElementsOf(documented);
	}

	private static void check(String... arguments) {
		check(new SimpleCommandLinePropertySource(arguments));
	}

	private static void check(PropertySource<?>... sources) {
		StandardEnvironment environment = new StandardEnvironment();
		for (PropertySource<?> source : sources) {
			environment.getPropertySources().addFirst(source);
		}
		StrataPropertiesCheck.check(environment);
	}

	private static StrataException failure(String... arguments) {
		return failure(new SimpleCommandLinePropertySource(arguments));
	}

	private static StrataException failure(PropertySource<?> source) {
		return catchThrowableOfType(StrataException.class, () -> check(source));
	}

	private static PropertySource<?> properties(String name, String content) {
		try {
			return new PropertiesPropertySourceLoader().load(name, new ByteArrayResource(content.getBytes()) {

				@Override
				public String getDescription() {
					return "class path resource [" + name + "]";
				}

			}).get(0);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
