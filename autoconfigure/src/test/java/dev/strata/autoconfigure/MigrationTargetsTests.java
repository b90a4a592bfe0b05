package dev.strata.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.error.StrataException;
import dev.strata.guard.policy.RuleMode;
import dev.strata.test.PostgresServer;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Several independent migration targets in one application ({@code strata.targets.*}),
 * each on a database of its own next to the default target's: its own files, history and
 * outcome, all before the schema users.
 */
@StrataPostgres(databasePerTest = true)
class MigrationTargetsTests {

	@Test
	void eachTargetMigratesItsOwnDatabaseWithItsOwnFiles(TestDatabase database) {
		try (TestDatabase reports = PostgresServer.shared().createDatabase()) {
			StrataTestContexts.runner(database, "basic")
				.withPropertyValues(target("reports", reports))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					StrataTargets targets = context.getBean(StrataTargets.class);
					assertThat(targets.names()).containsExactly("reports");
					// By type, the default target; by name, the other one.
					assertThat(context.getBean(Strata.class).config().target().name()).isEqualTo("default");
					assertThat(context.getBean("strataReports", Strata.class)).isSameAs(targets.get("reports"));
					assertThat(targets.get("reports").config().target().name()).isEqualTo("reports");
				});
			assertThat(StrataTestContexts.tableExists(database, "greeting")).isTrue();
			assertThat(StrataTestContexts.tableExists(database, "report")).isFalse();
			assertThat(StrataTestContexts.tableExists(reports, "report")).isTrue();
			assertThat(StrataTestContexts.tableExists(reports, "greeting")).isFalse();
			assertThat(StrataTestContexts.historyRows(database)).isEqualTo(2);
			assertThat(StrataTestContexts.historyRows(reports)).isEqualTo(1);
		}
	}

	@Test
	void aFailingTargetFailsStartUpByNameAndTheOtherTargetsStillRun(TestDatabase database) {
		try (TestDatabase broken = PostgresServer.shared().createDatabase();
				TestDatabase reports = PostgresServer.shared().createDatabase()) {
			StrataTestContexts.runner(database, "basic")
				.withPropertyValues(target("broken", broken))
				.withPropertyValues("strata.targets.broken.locations=classpath:db/failing")
				.withPropertyValues(target("reports", reports))
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getDescription()).startsWith("Target 'broken' (strata.targets.broken) failed:")
						.contains("V2__broken.sql");
				});
			assertThat(StrataTestContexts.tableExists(reports, "report")).as("the target after the failed one")
				.isTrue();
			assertThat(broken.queryForObject(
					"select count(*) from strata_schema_history where version = '2'" + " and success", Long.class))
				.isZero();
			assertThat(StrataTestContexts.tableExists(database, "greeting")).isTrue();
		}
	}

	@Test
	void aTargetOnANamedDataSourceBeanIsMigratedBeforeThatDataSourcesUsers(TestDatabase database) {
		try (TestDatabase archive = PostgresServer.shared().createDatabase()) {
			StrataTestContexts.runner()
				.withBean(Databases.class, () -> new Databases(database.jdbcUrl(), archive.jdbcUrl()))
				.withUserConfiguration(TwoDataSourcesConfiguration.class)
				.withPropertyValues("strata.locations=classpath:db/reports",
						"strata.targets.archive.data-source=archiveDataSource",
						"strata.targets.archive.locations=classpath:db/basic",
						"strata.targets.archive.table=archive_history")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					// Read when the bean was created: the schema was there by then.
					assertThat(context.getBean(ArchiveGreeting.class).text()).isEqualTo("hello");
					assertThat(context.getBean(StrataTargets.class).get("archive").config().dataSource())
						.isSameAs(context.getBean("archiveDataSource"));
					// So JPA on it leaves the schema to Strata (ddl-auto defaults to
					// none).
					assertThat(context.getBean(SchemaManagementProvider.class)
						.getSchemaManagement(context.getBean("archiveDataSource", DataSource.class)))
						.isEqualTo(SchemaManagement.MANAGED);
				});
			assertThat(archive.queryForObject("select count(*) from archive_history", Long.class)).isEqualTo(2);
			assertThat(StrataTestContexts.tableExists(database, "report")).isTrue();
		}
	}

	@Test
	void aTargetTakesWhatItLeavesUnsetFromStrataButNeverItsConnectionOrFiles(TestDatabase database) {
		try (TestDatabase reports = PostgresServer.shared().createDatabase()) {
			StrataTestContexts.runner(database, "basic")
				.withPropertyValues(target("reports", reports))
				.withPropertyValues("strata.guard.strict=true", "strata.guard.rules.drop-table=warn",
						"strata.targets.reports.guard.rules.add-column-volatile-default=off",
						"strata.targets.reports.guard.large-table-rows=5", "strata.targets.reports.on-startup=none",
						"strata.lock-retries=7")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					StrataConfig config = context.getBean(StrataTargets.class).get("reports").config();
					assertThat(config.guard().strict()).isTrue();
					assertThat(config.guard().largeTableRows()).isEqualTo(5);
					assertThat(config.guard().rules()).containsEntry("drop-table", RuleMode.WARN)
						.containsEntry("add-column-volatile-default", RuleMode.OFF);
					assertThat(config.locations()).map(Object::toString).containsExactly("classpath:db/reports");
					assertThat(context.getBean(Strata.class).config().guard().largeTableRows()).isNotEqualTo(5);
				});
			assertThat(StrataTestContexts.tableExists(reports, "report")).as("on-startup=none").isFalse();
		}
	}

	@Test
	void aTargetsMistakesAreRefusedBeforeAnythingRunsNamingTheProperty() {
		StrataException failure = catchThrowableOfType(StrataException.class,
				() -> StrataPropertiesCheck.check(environment("strata.targets.reports.locations=classpath:db/x")));
		assertThat(failure.getMessage()).contains("strata.targets.reports has no database")
			.contains("strata.targets.reports.url");
		failure = catchThrowableOfType(StrataException.class,
				() -> StrataPropertiesCheck.check(environment("strata.targets.reports.url=jdbc:postgresql://x/y",
						"strata.targets.reports.urll=jdbc:postgresql://x/y")));
		assertThat(failure.getMessage()).contains("Unknown property strata.targets.reports.urll (from")
			.contains("did you mean strata.targets.reports.url?");
		failure = catchThrowableOfType(StrataException.class,
				() -> StrataPropertiesCheck.check(environment("strata.targets.reports.url=jdbc:postgresql://x/y",
						"strata.targets.reports.guard.rules.drop-tabel=warn")));
		assertThat(failure.getMessage()).contains("strata.targets.reports.guard.rules.drop-tabel names no guard rule");
		failure = catchThrowableOfType(StrataException.class,
				() -> StrataPropertiesCheck.check(environment("strata.targets.reports.url=jdbc:postgresql://x/y",
						"strata.targets.reports.data-source=reportsDataSource")));
		assertThat(failure.getMessage()).contains("strata.targets.reports sets both url and data-source");
		failure = catchThrowableOfType(StrataException.class,
				() -> StrataPropertiesCheck.check(environment("strata.targets.default.url=jdbc:postgresql://x/y")));
		assertThat(failure.getMessage()).contains("names the target of strata.* itself");
		assertThatNoException().isThrownBy(() -> StrataPropertiesCheck.check(environment(
				"strata.targets.reports.url=jdbc:postgresql://x/y", "strata.targets.reports.guard.strict=true",
				"strata.targets.reports.on-startup=validate", "strata.targets.reports.locations=classpath:db/r",
				"strata.targets.orders-db.data-source=ordersDataSource", "strata.targets.orders-db.user=owner")));
	}

	private static StandardEnvironment environment(String... properties) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> map = new LinkedHashMap<>();
		for (String property : properties) {
			String[] pair = property.split("=", 2);
			map.put(pair[0], pair[1]);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("application.properties", map));
		return environment;
	}

	private static String[] target(String name, TestDatabase database) {
		String prefix = "strata.targets." + name;
		return new String[] { prefix + ".url=" + database.jdbcUrl(), prefix + ".user=" + database.username(),
				prefix + ".password=" + database.password() };
	}

	record Databases(String app, String archive) {
	}

	record ArchiveGreeting(String text) {
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource appDataSource(Databases databases) {
			return SeparateMigrationCredentialsTests.dataSource(databases.app(), "postgres", "postgres");
		}

		@Bean
		DataSource archiveDataSource(Databases databases) {
			return SeparateMigrationCredentialsTests.dataSource(databases.archive(), "postgres", "postgres");
		}

		// A schema user of the second DataSource: Spring Boot makes every JdbcTemplate
		// wait for the database initializers.
		@Bean
		JdbcTemplate archiveJdbcTemplate(@Qualifier("archiveDataSource") DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		ArchiveGreeting archiveGreeting(@Qualifier("archiveJdbcTemplate") JdbcTemplate jdbc) {
			return new ArchiveGreeting(jdbc.queryForObject("select text from greeting where id = 1", String.class));
		}

	}

}
