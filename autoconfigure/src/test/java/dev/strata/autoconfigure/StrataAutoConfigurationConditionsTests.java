package dev.strata.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.autoconfigure.StrataProperties.OnStartup;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When Strata's auto-configuration applies, and how it backs off for beans the user
 * defines.
 */
@StrataPostgres(databasePerTest = true)
class StrataAutoConfigurationConditionsTests {

	@Test
	void strataEnabledFalseDefinesNoStrataAndMigratesNothing(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").withPropertyValues("strata.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(Strata.class)
				.doesNotHaveBean(StrataMigrationInitializer.class);
			assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
		});
	}

	@Test
	void withoutDataSourceThereIsNoStrata() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Strata.class)
				.doesNotHaveBean(StrataMigrationInitializer.class));
	}

	@Test
	void userDefinedStrataReplacesTheAutoConfiguredOneAndIsRunAtStartup(TestDatabase database) {
		// The properties point at the failing scenario: the user's Strata (basic) must be
		// the one that runs.
		StrataTestContexts.runner(database, "failing")
			.withUserConfiguration(UserStrataConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
				assertThat(context.getBean(Strata.class)).isSameAs(context.getBean("userStrata"));
				assertThat(database.queryForObject("select text from greeting where id = 1", String.class))
					.isEqualTo("hello");
			});
	}

	@Test
	void userDefinedInitializerReplacesTheAutoConfiguredOne(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(UserInitializerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(StrataMigrationInitializer.class);
				assertThat(context.getBean(StrataMigrationInitializer.class))
					.isSameAs(context.getBean("userInitializer"));
				assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStrataConfiguration {

		@Bean
		Strata userStrata(DataSource dataSource) {
			return new Strata(StrataConfig.builder(dataSource).locations(List.of("classpath:db/basic")).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInitializerConfiguration {

		@Bean
		StrataMigrationInitializer userInitializer(Strata strata) {
			return new StrataMigrationInitializer(strata, OnStartup.NONE);
		}

	}

}
