package dev.strata.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrating as a role with DDL rights while the application connects as a role without
 * them. The migrator's password is a canary that must never show up in the output. (The
 * embedded test server trusts local logins, so these tests prove which role migrates, not
 * that the password is checked.)
 */
@StrataPostgres(databasePerTest = true)
@ExtendWith(OutputCaptureExtension.class)
class SeparateMigrationCredentialsTests {

	private final String canary = "canary-" + UUID.randomUUID();

	private final String appPassword = "app-" + UUID.randomUUID();

	private String migrator;

	private String app;

	@BeforeEach
	void createRoles(TestDatabase database) {
		// Roles are cluster-wide: name them after the database so parallel runs do not
		// collide.
		this.migrator = "migrator_" + database.name();
		this.app = "app_" + database.name();
		database.execute("create role " + this.migrator + " login password '" + this.canary + "'");
		database.execute("create role " + this.app + " login password '" + this.appPassword + "'");
		database.execute("grant create on database " + database.name() + " to " + this.migrator);
		database.execute("grant create on schema public to " + this.migrator);
		database.execute("alter default privileges for role " + this.migrator + " in schema public grant select on"
				+ " tables to " + this.app);
	}

	@AfterEach
	void dropRoles(TestDatabase database) {
		// One role at a time: dropping both at once trips over the default ACL that links
		// them.
		database.execute("drop owned by " + this.migrator);
		database.execute("drop owned by " + this.app);
		database.execute("drop role " + this.migrator);
		database.execute("drop role " + this.app);
	}

	@Test
	void strataUserWithoutUrlMigratesAsThatUserOnTheApplicationsDatabase(TestDatabase database, CapturedOutput output) {
		appRunner(database).withPropertyValues("strata.user=" + this.migrator, "strata.password=" + this.canary)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbcTemplate = context.getBean(JdbcTemplate.class);
				assertThat(jdbcTemplate.queryForObject("select current_user", String.class)).isEqualTo(this.app);
				assertThat(jdbcTemplate.queryForObject("select text from greeting where id = 1", String.class))
					.isEqualTo("hello");
				assertThatExceptionOfType(BadSqlGrammarException.class)
					.isThrownBy(() -> jdbcTemplate.execute("create table app_cannot_do_this (id int)"));
			});
		assertMigratedBy(database, this.migrator);
		assertThat(output).doesNotContain(this.canary);
	}

	@Test
	void strataUrlMigratesThatDatabaseWithStrataCredentials(TestDatabase database, CapturedOutput output) {
		appRunner(database)
			.withPropertyValues("strata.url=" + database.jdbcUrl(), "strata.user=" + this.migrator,
					"strata.password=" + this.canary)
			.run((context) -> assertThat(context).hasNotFailed());
		assertMigratedBy(database, this.migrator);
		assertThat(output).doesNotContain(this.canary);
	}

	@Test
	void strataUrlAloneIsEnoughWithoutAnApplicationDataSource(TestDatabase database, CapturedOutput output) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
			.withPropertyValues("strata.url=" + database.jdbcUrl(), "strata.user=" + this.migrator,
					"strata.password=" + this.canary, "strata.locations=classpath:db/basic")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class).hasSingleBean(Strata.class);
			});
		assertMigratedBy(database, this.migrator);
		assertThat(output).doesNotContain(this.canary);
	}

	// Spring's SimpleDriverDataSource, which Strata uses for strata.url, logs the URL
	// verbatim at DEBUG
	// (org.springframework.jdbc.datasource); Strata's own messages redact it.
	@Test
	void passwordInsideStrataUrlIsNotLogged(TestDatabase database, CapturedOutput output) {
		appRunner(database)
			.withPropertyValues(
					"strata.url=" + database.jdbcUrl() + "?user=" + this.migrator + "&password=" + this.canary)
			.run((context) -> assertThat(context).hasNotFailed());
		assertMigratedBy(database, this.migrator);
		assertThat(output).contains("Migrating schema \"public\" at jdbc:postgresql://").doesNotContain(this.canary);
	}

	@Test
	void strataDataSourceBeanWinsOverStrataUrl(TestDatabase database, CapturedOutput output) {
		StrataTestContexts.runner()
			.withBean(Logins.class,
					() -> new Logins(database.jdbcUrl(), this.app, this.appPassword, this.migrator, this.canary))
			.withUserConfiguration(AnnotatedDataSourcesConfiguration.class)
			.withPropertyValues("strata.url=jdbc:postgresql://127.0.0.1:1/nowhere", "strata.user=nobody",
					"strata.locations=classpath:db/basic")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Strata.class).config().dataSource())
					.isSameAs(context.getBean("migratorDataSource"));
				assertThat(context.getBean(JdbcTemplate.class).queryForObject("select current_user", String.class))
					.isEqualTo(this.app);
			});
		assertMigratedBy(database, this.migrator);
		assertThat(output).doesNotContain(this.canary);
	}

	// The test server trusts local connections, so an unknown role stands in for bad
	// credentials.
	@Test
	void migrationLoginRejectedStopsStartupWithAConfigurationErrorThatDoesNotShowThePassword(TestDatabase database,
			CapturedOutput output) {
		String unknownRole = "nobody_" + database.name();
		appRunner(database).withPropertyValues("strata.user=" + unknownRole, "strata.password=" + this.canary)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Could not connect").contains(unknownRole);
				assertThat(analysis.getAction()).contains("strata.user and strata.password");
			});
		assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
		assertThat(output).contains("Could not connect").doesNotContain(this.canary);
	}

	private ApplicationContextRunner appRunner(TestDatabase database) {
		return StrataTestContexts.runner()
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + this.app,
					"spring.datasource.password=" + this.appPassword, "strata.locations=classpath:db/basic");
	}

	private static void assertMigratedBy(TestDatabase database, String role) {
		assertThat(database.queryForObject(
				"select string_agg(distinct installed_by, ',') from " + StrataTestContexts.HISTORY, String.class))
			.isEqualTo(role);
		assertThat(
				database.queryForObject("select tableowner from pg_tables where tablename = 'greeting'", String.class))
			.isEqualTo(role);
	}

	static DataSource dataSource(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	/**
	 * Not the TestDatabase itself: as a bean, it would be closed (dropped) with the
	 * context.
	 */
	record Logins(String url, String app, String appPassword, String migrator, String migratorPassword) {
	}

	@Configuration(proxyBeanMethods = false)
	static class AnnotatedDataSourcesConfiguration {

		@Bean
		@Primary
		DataSource appDataSource(Logins logins) {
			return dataSource(logins.url(), logins.app(), logins.appPassword());
		}

		@Bean
		@StrataDataSource
		DataSource migratorDataSource(Logins logins) {
			return dataSource(logins.url(), logins.migrator(), logins.migratorPassword());
		}

	}

}
