package dev.strata.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.strata.targets.MigrationTarget;
import dev.strata.Strata;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with a DataSource migrates at startup, before the beans that use the
 * schema. The reader beans are user configuration, so without Strata's
 * DatabaseInitializerDetector they would be created before the auto-configured
 * initializer and find no table.
 */
@StrataPostgres(databasePerTest = true)
class MigrateOnStartupTests {

	@Test
	void appliesPendingMigrationsWhenTheContextStarts(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Strata.class)
				.hasSingleBean(StrataMigrationInitializer.class);
			assertThat(database.queryForObject("select text from greeting where id = 1", String.class))
				.isEqualTo("hello");
			assertThat(database
				.queryForObject("select string_agg(version || ':' || success, ',' order by installed_rank) from "
						+ StrataTestContexts.HISTORY, String.class))
				.isEqualTo("1:true,2:true");
		});
	}

	@Test
	void beanReadingTheSchemaThroughJdbcTemplateInItsConstructorSeesTheMigratedTables(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(JdbcTemplateReaderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GreetingReader.class).greeting).isEqualTo("hello");
			});
	}

	@Test
	void beanReadingTheSchemaThroughJdbcClientInItsConstructorSeesTheMigratedTables(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(JdbcClientReaderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GreetingReader.class).greeting).isEqualTo("hello");
			});
	}

	@Test
	void beanMarkedDependsOnDatabaseInitializationSeesTheMigratedTables(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(DataSourceReaderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(GreetingReader.class).greeting).isEqualTo("hello");
			});
	}

	@Test
	void secondStartOnAnUpToDateDatabaseAppliesNothing(TestDatabase database) {
		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(RecordingListenerConfiguration.class)
			.run((context) -> assertThat(context.getBean(RecordingListener.class).applied)
				.containsExactly("V1__create_greeting.sql", "V2__say_hello.sql"));
		String installedOn = database
			.queryForObject("select max(installed_on)::text from " + StrataTestContexts.HISTORY, String.class);

		StrataTestContexts.runner(database, "basic")
			.withUserConfiguration(RecordingListenerConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RecordingListener.class).applied).isEmpty();
			});
		assertThat(StrataTestContexts.historyRows(database)).isEqualTo(2);
		assertThat(database.queryForObject("select max(installed_on)::text from " + StrataTestContexts.HISTORY,
				String.class))
			.isEqualTo(installedOn);
	}

	@Test
	void onStartupNoneAppliesNothing(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").withPropertyValues("strata.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(Strata.class);
			assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
			assertThat(StrataTestContexts.tableExists(database, StrataTestContexts.HISTORY)).isFalse();
		});
	}

	static final class GreetingReader {

		final String greeting;

		GreetingReader(String greeting) {
			this.greeting = greeting;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdbcTemplateReaderConfiguration {

		@Bean
		GreetingReader greetingReader(JdbcTemplate jdbcTemplate) {
			return new GreetingReader(
					jdbcTemplate.queryForObject("select text from greeting where id = 1", String.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JdbcClientReaderConfiguration {

		@Bean
		GreetingReader greetingReader(JdbcClient jdbcClient) {
			return new GreetingReader(
					jdbcClient.sql("select text from greeting where id = 1").query(String.class).single());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceReaderConfiguration {

		@Bean
		@DependsOnDatabaseInitialization
		GreetingReader greetingReader(DataSource dataSource) {
			return new GreetingReader(new JdbcTemplate(dataSource)
				.queryForObject("select text from greeting where id = 1", String.class));
		}

	}

	static final class RecordingListener implements MigrationListener {

		final List<String> applied = new CopyOnWriteArrayList<>();

		@Override
		public void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
			this.applied.add(migration.migration().script());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingListenerConfiguration {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

}
