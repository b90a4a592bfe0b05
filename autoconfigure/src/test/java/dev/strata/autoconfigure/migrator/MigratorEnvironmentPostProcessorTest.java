package dev.strata.autoconfigure.migrator;

import java.io.PrintStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** What migrator mode changes in the environment before the context exists. */
class MigratorEnvironmentPostProcessorTest {

	private final PrintStream originalOut = System.out;

	private final MigratorEnvironmentPostProcessor postProcessor = new MigratorEnvironmentPostProcessor();

	@AfterEach
	void restoreStandardOutput() {
		System.setOut(this.originalOut);
	}

	@Test
	void theMigratorProfileTurnsOffTheWebServerAndTheBannerAndMakesBeansLazy() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("migrator");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
		assertThat(System.out).isSameAs(this.originalOut);
	}

	@Test
	void migratorModeOverridesAWebApplicationTypeTheApplicationConfigures() {
		MockEnvironment environment = new MockEnvironment().withProperty("strata.migrator.enabled", "true")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void enabledFalseWinsOverTheProfile() {
		MockEnvironment environment = new MockEnvironment().withProperty("strata.migrator.enabled", "false");
		environment.setActiveProfiles("migrator");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(MigratorEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

	@Test
	void jsonOutputSendsEverythingElseOnStandardOutputToStandardError() {
		MockEnvironment environment = new MockEnvironment().withProperty("strata.migrator.enabled", "true")
			.withProperty("strata.migrator.output", "JSON");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(System.out).isSameAs(System.err);
	}

}
