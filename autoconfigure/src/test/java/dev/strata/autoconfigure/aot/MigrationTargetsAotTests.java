package dev.strata.autoconfigure.aot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.strata.Strata;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.StrataTargets;
import dev.strata.test.PostgresServer;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata.targets} in an application processed ahead of time: the
 * {@code strata<Name>} bean definitions the build registered come out of the generated
 * code, and the targets migrate with the properties of the run.
 */
@StrataPostgres(databasePerTest = true)
class MigrationTargetsAotTests {

	@TempDir
	Path generated;

	@Test
	void targetsMigrateFromTheGeneratedContext(TestDatabase database) throws Exception {
		try (TestDatabase reports = PostgresServer.shared().createDatabase()) {
			Map<String, Object> properties = new HashMap<>(Map.of("spring.datasource.url", database.jdbcUrl(),
					"spring.datasource.username", database.username(), "spring.datasource.password",
					database.password(), "strata.locations", "classpath:db/basic"));
			properties.put("strata.targets.reports.url", reports.jdbcUrl());
			properties.put("strata.targets.reports.user", reports.username());
			properties.put("strata.targets.reports.password", reports.password());
			AotContexts.Processed processed = AotContexts.process(Application.class, properties, "Targets",
					this.generated);
			GenericApplicationContext runTime = AotContexts.context(properties);
			try {
				processed.refresh(runTime);
				assertThat(runTime.getBean("strataReports", Strata.class))
					.isSameAs(runTime.getBean(StrataTargets.class).get("reports"));
			}
			finally {
				runTime.close();
			}
			assertThat(reports.queryForObject("select title from report where id = 1", String.class))
				.isEqualTo("monthly");
			assertThat(database.queryForObject("select text from greeting where id = 1", String.class))
				.isEqualTo("hello");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			StrataAutoConfiguration.class })
	static class Application {

	}

}
