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
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where Strata's migration connection comes from when Spring Boot's service connections
 * are in play, with hand-made {@link StrataConnectionDetails} and
 * {@link JdbcConnectionDetails} beans (what Testcontainers' {@code @ServiceConnection}
 * and Docker Compose define): a {@code @StrataDataSource} bean, then
 * {@code StrataConnectionDetails}, then {@code strata.url}/{@code strata.user}, then the
 * application's DataSource or {@code JdbcConnectionDetails}. Which role owns the history
 * and the tables tells who migrated.
 */
@StrataPostgres(databasePerTest = true)
@ExtendWith(OutputCaptureExtension.class)
class ServiceConnectionTests {

	private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

	private final String migratorPassword = "migrator-" + UUID.randomUUID();

	private String migrator;

	private String app;

	@BeforeEach
	void createRoles(TestDatabase database) {
		this.migrator = "migrator_" + database.name();
		this.app = "app_" + database.name();
		database.execute("create role " + this.migrator + " login password '" + this.migratorPassword + "'");
		database.execute("create role " + this.app + " login password 'app'");
		database.execute("grant create on database " + database.name() + " to " + this.migrator);
		database.execute("grant create on schema public to " + this.migrator);
	}

	@AfterEach
	void dropRoles(TestDatabase database) {
		database.execute("drop owned by " + this.migrator);
		database.execute("drop owned by " + this.app);
		database.execute("drop role " + this.migrator);
		database.execute("drop role " + this.app);
	}

	@Test
	void strataConnectionDetailsWinOverStrataUrl(TestDatabase database, CapturedOutput output) {
		appRunner(database)
			.withBean(StrataConnectionDetails.class,
					() -> strataDetails(database.jdbcUrl(), this.migrator, this.migratorPassword))
			.withPropertyValues("strata.url=" + NOWHERE, "strata.user=nobody")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JdbcTemplate.class).queryForObject("select current_user", String.class))
					.isEqualTo(this.app);
			});
		assertMigratedBy(database, this.migrator);
		assertThat(output).contains("strata.url and strata.user are not used: the StrataConnectionDetails bean");
	}

	@Test
	void strataConnectionDetailsAloneAreEnoughWithoutAnApplicationDataSource(TestDatabase database) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
			.withBean(StrataConnectionDetails.class,
					() -> strataDetails(database.jdbcUrl(), this.migrator, this.migratorPassword))
			.withPropertyValues("strata.locations=classpath:db/basic")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSource.class)
				.hasSingleBean(Strata.class));
		assertMigratedBy(database, this.migrator);
	}

	@Test
	void strataConnectionDetailsWithoutUrlLogInToTheApplicationsDatabase(TestDatabase database) {
		appRunner(database)
			.withBean(StrataConnectionDetails.class, () -> strataDetails(null, this.migrator, this.migratorPassword))
			.run((context) -> assertThat(context).hasNotFailed());
		assertMigratedBy(database, this.migrator);
	}

	@Test
	void strataDataSourceBeanWinsOverStrataConnectionDetails(TestDatabase database) {
		StrataTestContexts.runner()
			.withBean(SeparateMigrationCredentialsTests.Logins.class,
					() -> new SeparateMigrationCredentialsTests.Logins(database.jdbcUrl(), this.app, "app",
							this.migrator, this.migratorPassword))
			.withUserConfiguration(SeparateMigrationCredentialsTests.AnnotatedDataSourcesConfiguration.class)
			.withBean(StrataConnectionDetails.class, () -> strataDetails(NOWHERE, "nobody", "nothing"))
			.withPropertyValues("strata.locations=classpath:db/basic")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Strata.class).config().dataSource())
					.isSameAs(context.getBean("migratorDataSource"));
			});
		assertMigratedBy(database, this.migrator);
	}

	@Test
	void applicationJdbcConnectionDetailsGiveTheDatabaseStrataUserLogsInTo(TestDatabase database) {
		// No spring.datasource.url: the application's DataSource comes from the
		// JdbcConnectionDetails, and strata.user migrates that database.
		StrataTestContexts.runner()
			.withBean(JdbcConnectionDetails.class, () -> jdbcDetails(database.jdbcUrl(), this.app, "app"))
			.withPropertyValues("strata.user=" + this.migrator, "strata.password=" + this.migratorPassword,
					"strata.locations=classpath:db/basic")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JdbcTemplate.class).queryForObject("select current_user", String.class))
					.isEqualTo(this.app);
			});
		assertMigratedBy(database, this.migrator);
	}

	@Test
	void applicationJdbcConnectionDetailsAloneAreEnoughWithoutADataSourceBean(TestDatabase database) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class))
			.withBean(JdbcConnectionDetails.class,
					() -> jdbcDetails(database.jdbcUrl(), this.migrator, this.migratorPassword))
			.withPropertyValues("strata.locations=classpath:db/basic")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(DataSource.class)
				.hasSingleBean(Strata.class));
		assertMigratedBy(database, this.migrator);
	}

	@Test
	void strataUrlWinsOverApplicationJdbcConnectionDetails(TestDatabase database) {
		StrataTestContexts.runner()
			.withBean(JdbcConnectionDetails.class, () -> jdbcDetails(NOWHERE, "nobody", "nothing"))
			.withPropertyValues("strata.url=" + database.jdbcUrl(), "strata.user=" + this.migrator,
					"strata.password=" + this.migratorPassword, "strata.locations=classpath:db/basic")
			.run((context) -> assertThat(context).hasNotFailed());
		assertMigratedBy(database, this.migrator);
	}

	// The test server trusts local connections, so an unknown role stands in for bad
	// credentials.
	@Test
	void rejectedLoginNamesTheStrataConnectionDetailsBean(TestDatabase database) {
		appRunner(database)
			.withBean(StrataConnectionDetails.class,
					() -> strataDetails(database.jdbcUrl(), "nobody_" + database.name(), "nothing"))
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getAction()).contains("StrataConnectionDetails bean");
			});
		assertThat(StrataTestContexts.tableExists(database, "greeting")).isFalse();
	}

	private ApplicationContextRunner appRunner(TestDatabase database) {
		return StrataTestContexts.runner()
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + this.app,
					"spring.datasource.password=app", "strata.locations=classpath:db/basic");
	}

	private static void assertMigratedBy(TestDatabase database, String role) {
		assertThat(database.queryForObject(
				"select string_agg(distinct installed_by, ',') from " + StrataTestContexts.HISTORY, String.class))
			.isEqualTo(role);
		assertThat(
				database.queryForObject("select tableowner from pg_tables where tablename = 'greeting'", String.class))
			.isEqualTo(role);
	}

	private static StrataConnectionDetails strataDetails(@Nullable String url, String user, String password) {
		return new StrataConnectionDetails() {

			@Override
			public @Nullable String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return user;
			}

			@Override
			public String getPassword() {
				return password;
			}

		};
	}

	private static JdbcConnectionDetails jdbcDetails(String url, String user, String password) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return user;
			}

			@Override
			public String getPassword() {
				return password;
			}

		};
	}

}
