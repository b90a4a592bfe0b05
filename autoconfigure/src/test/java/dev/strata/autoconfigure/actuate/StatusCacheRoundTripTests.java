package dev.strata.autoconfigure.actuate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance bar of the operator views: once the status is cached, reading the
 * endpoint, the drift report (within the few seconds after its last check), one
 * migration, the health contributor and every gauge adds no database round trip. Counted
 * on a delegating DataSource: every connection it hands out, every statement prepared or
 * created on one.
 */
@StrataPostgres(databasePerTest = true)
class StatusCacheRoundTripTests {

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger statements = new AtomicInteger();

	@Test
	void readsServedFromTheCacheAddNoDatabaseRoundTrip(TestDatabase database) {
		DataSource counting = counting(database.dataSource());
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(StrataAutoConfiguration.class, StrataEndpointAutoConfiguration.class,
							StrataHealthAutoConfiguration.class, StrataMetricsAutoConfiguration.class))
			.withBean(DataSource.class, () -> counting)
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("strata.locations=classpath:db/risky", "strata.allow-destructive=true",
					"management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				StrataEndpoint endpoint = context.getBean(StrataEndpoint.class);
				StrataHealthIndicator health = context.getBean(StrataHealthIndicator.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(endpoint.migrations()).contains("\"changedObjects\": 0");
				// the drift report checks again when its last check is a few seconds old
				endpoint.migration("drift", null, null);
				int connectionsBefore = this.connections.get();
				int statementsBefore = this.statements.get();

				for (int i = 0; i < 1000; i++) {
					endpoint.migrations();
					endpoint.migration("drift", null, null);
					endpoint.migration("2", null, null);
					health.health();
					for (String gauge : new String[] { "strata.migrations.pending", "strata.migrations.applied",
							"strata.schema.drift.objects", "strata.schema.drift.check.age" }) {
						registry.get(gauge).gauge().value();
					}
				}

				assertThat(this.connections.get() - connectionsBefore).isZero();
				assertThat(this.statements.get() - statementsBefore).isZero();
				assertThat(connectionsBefore).as("the first read did reach the database").isPositive();
				assertThat(statementsBefore).isPositive();
			});
	}

	private DataSource counting(DataSource dataSource) {
		return proxy(DataSource.class, dataSource, (method, result) -> {
			if (method.getName().equals("getConnection")) {
				this.connections.incrementAndGet();
				return proxy(Connection.class, result, (connectionMethod, statement) -> {
					if (connectionMethod.getName().endsWith("Statement")
							|| connectionMethod.getName().equals("prepareCall")) {
						this.statements.incrementAndGet();
					}
					return statement;
				});
			}
			return result;
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Wrapper wrapper) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			try {
				return wrapper.wrap(method, method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		});
	}

	@FunctionalInterface
	private interface Wrapper {

		Object wrap(Method method, Object result);

	}

}
