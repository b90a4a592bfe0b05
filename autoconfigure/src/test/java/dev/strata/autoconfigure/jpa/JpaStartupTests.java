package dev.strata.autoconfigure.jpa;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Hibernate starts after the migrations and leaves the schema to Strata. */
@StrataPostgres(databasePerTest = true)
class JpaStartupTests {

	private ApplicationContextRunner runner(TestDatabase database) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, StrataAutoConfiguration.class))
			.withUserConfiguration(EntityPackage.class)
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "strata.locations=classpath:db/basic");
	}

	@Test
	void hibernateValidatesTheMigratedSchemaAtStartup(TestDatabase database) {
		runner(database).withPropertyValues("spring.jpa.hibernate.ddl-auto=validate").run((context) -> {
			assertThat(context).hasNotFailed();
			var entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
			try {
				assertThat(entityManager.find(Greeting.class, 1).getText()).isEqualTo("hello");
			}
			finally {
				entityManager.close();
			}
		});
	}

	@Test
	void hibernateDoesNotCreateTheSchemaItself(TestDatabase database) {
		runner(database).withPropertyValues("strata.on-startup=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(database.queryForObject("select to_regclass('public.greeting') is null", Boolean.class))
				.isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class EntityPackage {

	}

}
