package dev.strata.autoconfigure.actuate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.drift.DriftState;
import dev.strata.status.OverallState;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/migrations/drift} is what a person opens right after a suspicious
 * manual change: it checks again when the last check is older than a few seconds, one
 * check at a time however many requests arrive, while the status page and the health
 * contributor keep serving their cache. On a real database, counting the checks the
 * status monitor made and the connections the application's DataSource handed out.
 */
@StrataPostgres(databasePerTest = true)
class DriftReportFreshnessTests {

	/** Short, so the tests need not wait the endpoint's few seconds. */
	private static final Duration MAX_AGE = Duration.ofSeconds(3);

	private final AtomicInteger connections = new AtomicInteger();

	private ApplicationContextRunner runner(TestDatabase database) {
		DataSource counting = counting(database.dataSource());
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(StrataAutoConfiguration.class,
					StrataEndpointAutoConfiguration.class, StrataHealthAutoConfiguration.class))
			.withBean(DataSource.class, () -> counting)
			.withPropertyValues("strata.locations=classpath:db/basic",
					"management.endpoints.web.exposure.include=migrations");
	}

	@Test
	void aManualChangeShowsInTheDriftReportWhileTheStatusPageAndHealthStayCached(TestDatabase database)
			throws Exception {
		runner(database).run((context) -> {
			StatusMonitor monitor = context.getBean(StatusMonitor.class);
			StrataEndpoint endpoint = new StrataEndpoint(monitor, null, MAX_AGE);
			StrataHealthIndicator health = context.getBean(StrataHealthIndicator.class);
			assertThat(state(drift(endpoint))).isEqualTo(DriftState.NO_DRIFT.name());
			assertThat(status(endpoint).get("state").asString()).isEqualTo(OverallState.UP_TO_DATE.name());
			long checks = monitor.driftChecks();

			database.execute("alter table greeting add column mood text");
			assertThat(state(drift(endpoint))).as("within the few seconds, the last check answers")
				.isEqualTo(DriftState.NO_DRIFT.name());
			assertThat(monitor.driftChecks()).isEqualTo(checks);
			Thread.sleep(MAX_AGE.toMillis() + 100);
			JsonNode drifted = drift(endpoint);

			assertThat(state(drifted)).isEqualTo(DriftState.DRIFTED.name());
			assertThat(drifted.get("changes").get(0).get("columns").get(0).get("identity").asString())
				.isEqualTo("mood");
			assertThat(monitor.driftChecks()).isEqualTo(checks + 1);
			// the status page, health and gauges keep their cache, and reading them
			// checks
			// nothing
			JsonNode status = status(endpoint);
			assertThat(status.get("state").asString()).isEqualTo(OverallState.UP_TO_DATE.name());
			assertThat(state(status.get("drift"))).isEqualTo(DriftState.NO_DRIFT.name());
			Health cached = health.health();
			assertThat(cached.getDetails()).containsEntry("state", OverallState.UP_TO_DATE);
			assertThat(cached.getDetails().get("drift").toString()).contains("NO_DRIFT");
			assertThat(monitor.driftChecks()).isEqualTo(checks + 1);
			// until their own refresh, which sees it too
			monitor.refresh();
			assertThat(status(endpoint).get("state").asString()).isEqualTo(OverallState.DRIFTED.name());
		});
	}

	@Test
	void manyConcurrentReadsOfAStaleDriftReportRunOneCheck(TestDatabase database) throws Exception {
		runner(database).run((context) -> {
			StatusMonitor monitor = context.getBean(StatusMonitor.class);
			StrataEndpoint endpoint = new StrataEndpoint(monitor, null, MAX_AGE);
			drift(endpoint);
			Thread.sleep(MAX_AGE.toMillis() + 100);
			long checks = monitor.driftChecks();
			int connectionsBefore = this.connections.get();

			int readers = 24;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(readers);
			try {
				List<Future<String>> reads = new ArrayList<>();
				for (int i = 0; i < readers; i++) {
					reads.add(pool.submit(() -> {
						start.await();
						return endpoint.migration("drift", null, null);
					}));
				}
				start.countDown();
				for (Future<String> read : reads) {
					assertThat(state(JsonSchemas.assertValid(JsonSchemas.DRIFT, read.get(30, TimeUnit.SECONDS))))
						.isEqualTo(DriftState.NO_DRIFT.name());
				}
			}
			finally {
				pool.shutdownNow();
			}

			assertThat(monitor.driftChecks()).as("drift checks").isEqualTo(checks + 1);
			assertThat(this.connections.get() - connectionsBefore)
				.as("one connection for the one check, which finds no drift with one query")
				.isEqualTo(1);
		});
	}

	@Test
	void theDriftReportTakesTheCheckTheStatusRefreshJustMade(TestDatabase database) {
		runner(database).run((context) -> {
			StatusMonitor monitor = context.getBean(StatusMonitor.class);
			monitor.refresh();
			long checks = monitor.driftChecks();
			drift(context.getBean(StrataEndpoint.class));
			assertThat(monitor.driftChecks()).as("the endpoint's few seconds").isEqualTo(checks);
			drift(new StrataEndpoint(monitor, null, Duration.ZERO));
			assertThat(monitor.driftChecks()).as("a reader who allows no age").isEqualTo(checks + 1);
		});
	}

	private static JsonNode drift(StrataEndpoint endpoint) {
		return StrataActuatorTests.drift(endpoint);
	}

	private static JsonNode status(StrataEndpoint endpoint) {
		return StrataActuatorTests.status(endpoint);
	}

	private static String state(JsonNode drift) {
		return drift.get("state").asString();
	}

	private DataSource counting(DataSource dataSource) {
		return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					try {
						Object result = method.invoke(dataSource, args);
						if (result instanceof Connection) {
							this.connections.incrementAndGet();
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
