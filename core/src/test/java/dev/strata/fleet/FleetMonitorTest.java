package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.strata.StrataConfig;
import dev.strata.drift.DriftState;
import dev.strata.fleet.internal.FleetMonitor;
import dev.strata.status.OverallState;
import dev.strata.status.StatusSnapshot;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operator's views read of a fleet: counts by state that keep what the last run
 * left failed, pending tenants, drift checked one tenant at a time, and one tenant's full
 * status.
 */
@StrataPostgres(databasePerTest = true)
class FleetMonitorTest {

	@TempDir
	Path dir;

	@BeforeEach
	void files() {
		write("V1__accounts.sql", "create table accounts (id int primary key);");
	}

	@Test
	void aTenantTheRunLeftFailedCountsAsFailedUntilItIsMigrated(TestDatabase db) {
		Fleet fleet = fleet(db, tenants(6));
		fleet.migrate();
		db.execute("create table t04.orders (id int)");
		write("V2__orders.sql", "create table orders (id int primary key);");
		fleet.migrate();

		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			FleetView view = monitor.current();

			assertThat(view.tenantCount()).isEqualTo(6);
			assertThat(view.counts()).containsEntry(TenantState.UP_TO_DATE, 5).containsEntry(TenantState.FAILED, 1);
			assertThat(view.problems()).singleElement().satisfies((tenant) -> {
				assertThat(tenant.name()).isEqualTo("t04");
				assertThat(tenant.error()).contains("orders");
			});
			assertThat(view.pending()).isEmpty();
			assertThat(view.problemShare()).isEqualTo(1.0 / 6);

			db.execute("drop table t04.orders");
			fleet.migrate();

			assertThat(monitor.current().counts()).as("a new run makes the cached view stale")
				.containsEntry(TenantState.UP_TO_DATE, 6)
				.containsEntry(TenantState.FAILED, 0);
		}
	}

	@Test
	void pendingTenantsAreListedWhenNothingFailed(TestDatabase db) {
		Fleet fleet = fleet(db, tenants(3));
		fleet.migrate();
		write("V2__orders.sql", "create table orders (id int primary key);");

		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			FleetView view = monitor.current();

			assertThat(view.counts()).containsEntry(TenantState.PENDING, 3);
			assertThat(view.pending()).extracting(TenantResult::name).containsExactly("t00", "t01", "t02");
			assertThat(view.problems()).isEmpty();
		}
	}

	@Test
	void driftIsCheckedOneTenantAtATimeInTurn(TestDatabase db) {
		Fleet fleet = fleet(db, tenants(3));
		fleet.migrate();
		db.execute("alter table t01.accounts add column note text");

		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			List<String> checked = new ArrayList<>();
			monitor.checkNextDrift().ifPresent(checked::add);
			assertThat(monitor.refresh().drift()).as("one check, one tenant").hasSize(1).containsKey("t00");
			monitor.checkNextDrift().ifPresent(checked::add);
			monitor.checkNextDrift().ifPresent(checked::add);
			monitor.checkNextDrift().ifPresent(checked::add);

			assertThat(checked).containsExactly("t00", "t01", "t02", "t00");
			FleetView view = monitor.refresh();
			assertThat(view.drifted()).containsExactly("t01");
			assertThat(view.drift().get("t00").state()).isEqualTo(DriftState.NO_DRIFT);
		}
	}

	@Test
	void oneTenantsFullStatusIsItsOwnSchemasAndAnUnknownTenantHasNone(TestDatabase db) {
		Fleet fleet = fleet(db, tenants(2));
		fleet.migrate();
		db.execute("alter table t01.accounts add column note text");

		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			StatusSnapshot t01 = monitor.tenant("t01").orElseThrow();

			assertThat(t01.status().schema()).isEqualTo("t01");
			assertThat(t01.status().currentVersion()).isEqualTo("1");
			assertThat(t01.state()).isEqualTo(OverallState.DRIFTED);
			assertThat(monitor.refresh().drifted()).as("the tenant's check is kept").containsExactly("t01");
			assertThat(monitor.tenant("t09")).isEmpty();
		}
	}

	@Test
	void driftChecksAreSpreadOverTheInterval() {
		assertThat(FleetMonitor.driftPause(Duration.ofMinutes(5), 1000)).isEqualTo(Duration.ofMillis(300));
		assertThat(FleetMonitor.driftPause(Duration.ofMinutes(5), 10)).isEqualTo(Duration.ofSeconds(30));
		assertThat(FleetMonitor.driftPause(Duration.ofSeconds(10), 1000)).as("never closer than 200 ms")
			.isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void theDriftPaceFollowsTheFleetsSizeAsLastRead(TestDatabase db) {
		Fleet fleet = fleet(db, tenants(4));
		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			assertThat(monitor.nextDriftPause()).as("before any read").isEqualTo(Duration.ofMinutes(1));
			monitor.refresh();
			assertThat(monitor.nextDriftPause()).isEqualTo(Duration.ofSeconds(15));
		}
	}

	@Test
	void startingReadsNothingSoAnUnreachableDatabaseDoesNotStopIt() {
		TenantTargets unreachable = () -> {
			throw new IllegalStateException("the tenants' table cannot be read");
		};
		Fleet fleet = new Fleet(unreachable, TenantConfigs.of(StrataConfig::builder), FleetSettings.DEFAULTS);
		try (FleetMonitor monitor = new FleetMonitor(fleet, Duration.ofMinutes(1))) {
			monitor.start();
			assertThat(monitor.nextDriftPause()).isEqualTo(Duration.ofMinutes(1));
		}
	}

	static List<String> tenants(int count) {
		return IntStream.range(0, count).mapToObj((i) -> String.format("t%02d", i)).toList();
	}

	Fleet fleet(TestDatabase db, List<String> tenants) {
		return new Fleet(TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds).locations("filesystem:" + this.dir)),
				FleetSettings.DEFAULTS);
	}

	void write(String name, String sql) {
		try {
			Files.writeString(this.dir.resolve(name), sql);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
