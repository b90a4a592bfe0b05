package dev.strata.autoconfigure;

import dev.strata.test.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Context runners wired like an application that has Spring Boot's JDBC support and
 * Strata.
 */
final class StrataTestContexts {

	static final String HISTORY = "strata_schema_history";

	private StrataTestContexts() {
	}

	/** Strata and the JDBC auto-configurations, without any datasource properties. */
	static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, StrataAutoConfiguration.class));
	}

	/**
	 * {@link #runner()} with {@code spring.datasource.*} on the database and the
	 * migrations of a scenario.
	 */
	static ApplicationContextRunner runner(TestDatabase database, String scenario) {
		return runner().withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "strata.locations=classpath:db/" + scenario);
	}

	static long historyRows(TestDatabase database) {
		return database.queryForObject("select count(*) from " + HISTORY, Long.class);
	}

	static boolean tableExists(TestDatabase database, String table) {
		return database.queryForObject("select to_regclass('public." + table + "') is not null", Boolean.class);
	}

}
