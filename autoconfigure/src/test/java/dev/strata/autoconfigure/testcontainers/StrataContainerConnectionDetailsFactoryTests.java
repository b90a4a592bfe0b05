package dev.strata.autoconfigure.testcontainers;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.StrataConnectionDetails;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} PostgreSQL container configures both the application's
 * DataSource and Strata, with no property set. Needs Docker: without an engine the class
 * is skipped and JUnit reports why ("Docker is not available"); the wiring is covered
 * without Docker by {@code ServiceConnectionTests}.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = StrataContainerConnectionDetailsFactoryTests.Application.class,
		properties = "strata.locations=classpath:db/basic")
class StrataContainerConnectionDetailsFactoryTests {

	@Container
	@ServiceConnection
	static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	private StrataConnectionDetails strataConnectionDetails;

	@Autowired
	private JdbcConnectionDetails jdbcConnectionDetails;

	@Autowired
	private Strata strata;

	@Autowired
	private DataSource dataSource;

	@Test
	void strataMigratesTheContainersDatabase() {
		// Made by Strata's factory from the container, not by the application.
		assertThat(this.strataConnectionDetails.getClass().getEnclosingClass())
			.isEqualTo(StrataContainerConnectionDetailsFactory.class);
		assertThat(this.strataConnectionDetails.getJdbcUrl()).isEqualTo(postgres.getJdbcUrl())
			.isEqualTo(this.jdbcConnectionDetails.getJdbcUrl());
		assertThat(this.strata.config().dataSource()).isNotSameAs(this.dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		assertThat(jdbc.queryForObject("select text from greeting where id = 1", String.class)).isEqualTo("hello");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			StrataAutoConfiguration.class })
	static class Application {

	}

}
