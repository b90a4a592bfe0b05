package dev.strata.autoconfigure.aot;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.callback.CallbackContext;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.StrataCallback;
import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java migration and callback beans work in an application processed ahead of time: the
 * context is processed as Spring AOT processes it at build time, the generated code is
 * compiled, and the application starts from it (as with {@code spring.aot.enabled}), with
 * no bean definitions read from annotations and no scanning.
 */
@StrataPostgres(databasePerTest = true)
class JavaMigrationsAotTests {

	@TempDir
	Path generated;

	@Test
	void beanMigrationsAndCallbacksRunFromTheGeneratedContext(TestDatabase database) throws Exception {
		Map<String, Object> properties = Map.of("spring.datasource.url", database.jdbcUrl(),
				"spring.datasource.username", database.username(), "spring.datasource.password", database.password(),
				"strata.locations", "classpath:db/basic");
		AotContexts.Processed processed = AotContexts.process(Application.class, properties, "JavaMigrations",
				this.generated);
		GenericApplicationContext runTime = AotContexts.context(properties);
		try {
			processed.refresh(runTime);
			// Created by the generated code, not by reflection over the configuration
			// class.
			assertThat(((RootBeanDefinition) runTime.getBeanFactory().getMergedBeanDefinition("sayHello"))
				.getInstanceSupplier()).isNotNull();
			assertThat(runTime.getBean(Touch.class).events).containsExactly("afterMigrate");
		}
		finally {
			runTime.close();
		}
		assertThat(database.queryForObject(
				"select string_agg(version || ':' || type, ',' order by installed_rank) from strata_schema_history",
				String.class))
			.isEqualTo("1:SQL,2:SQL,3:JAVA");
		assertThat(database.queryForObject("select text from greeting where id = 2", String.class))
			.isEqualTo("hello from Java");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			StrataAutoConfiguration.class })
	static class Application {

		@Bean
		V3__Say_hello_from_Java sayHello() {
			return new V3__Say_hello_from_Java();
		}

		@Bean
		Touch touch() {
			return new Touch();
		}

	}

	static class V3__Say_hello_from_Java extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("insert into greeting (id, text) values (2, 'hello from Java')");
			}
		}

	}

	static class Touch implements StrataCallback {

		final List<String> events = new ArrayList<>();

		@Override
		public boolean supports(CallbackEvent event) {
			return event == CallbackEvent.AFTER_MIGRATE;
		}

		@Override
		public void handle(CallbackEvent event, CallbackContext context) {
			this.events.add(event.fileName());
		}

	}

}
