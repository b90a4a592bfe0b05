package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.strata.StrataConfig;
import dev.strata.error.ErrorCategory;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.targets.MigrationTarget;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tenant under its own lock: a run works on other tenants rather than wait for a
 * busy one, and two runs at once apply each tenant's migrations once.
 */
@StrataPostgres(databasePerTest = true)
class FleetLocksTest {

	@TempDir
	Path dir;

	@BeforeEach
	void files() {
		write("V1__accounts.sql", "create table accounts (id int primary key, plan text);");
		write("V2__seed.sql", "insert into accounts select 1, name from plans where id = 1;");
	}

	@Test
	void aTenantWhoseLockAnotherRunHoldsIsLeftForTheEnd(TestDatabase db) throws Exception {
		db.execute("create table public.plans (id int, name text)");
		List<String> tenants = tenants(4);
		MigrationLock held = MigrationLock.acquire(db.dataSource(), "t00", "strata_schema_history",
				Duration.ofSeconds(5));
		List<String> locked = new CopyOnWriteArrayList<>();
		MigrationListener releaseAfterTheOthers = new MigrationListener() {

			@Override
			public void lockAcquired(MigrationTarget target, Duration waited) {
				locked.add(target.name());
				if (target.name().equals("t03")) {
					held.close();
				}
			}

		};

		FleetResult result = new Fleet(TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds)
					.locations("filesystem:" + this.dir)
					.lockWaitTimeout(Duration.ofSeconds(5))
					.listener(releaseAfterTheOthers)),
				FleetSettings.DEFAULTS.withParallelism(1))
			.migrate();

		assertThat(locked).containsExactly("t01", "t02", "t03", "t00");
		assertThat(result.counts()).containsEntry(TenantState.APPLIED, 4);
		assertThat(result.tenants().get(0).name()).isEqualTo("t00");
	}

	@Test
	void aTenantStillBusyAfterTheLockWaitIsSkipped(TestDatabase db) throws Exception {
		db.execute("create table public.plans (id int, name text)");
		try (MigrationLock held = MigrationLock.acquire(db.dataSource(), "t01", "strata_schema_history",
				Duration.ofSeconds(5))) {
			FleetResult result = new Fleet(TenantTargets.schemas(db.dataSource(), tenants(3), "strata_schema_history"),
					TenantConfigs.of((ds) -> StrataConfig.builder(ds)
						.locations("filesystem:" + this.dir)
						.lockWaitTimeout(Duration.ofSeconds(1))),
					FleetSettings.DEFAULTS)
				.migrate();

			assertThat(result.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.APPLIED,
					TenantState.SKIPPED, TenantState.APPLIED);
			assertThat(result.tenants().get(1).error()).startsWith("Busy: another run held the tenant's lock.");
			assertThat(result.tenants().get(1).category()).isEqualTo(ErrorCategory.LOCK_TIMEOUT);
		}
	}

	@Test
	void twoRunsAtOnceBothFinishAndApplyEachTenantOnce(TestDatabase db) throws Exception {
		db.execute("create table public.plans (id int, name text)");
		write("V3__slow.sql", "select pg_sleep(0.05);");
		List<String> tenants = tenants(10);

		CompletableFuture<FleetResult> one = CompletableFuture
			.supplyAsync(() -> fleet(db, tenants, FleetSettings.DEFAULTS).migrate());
		CompletableFuture<FleetResult> two = CompletableFuture
			.supplyAsync(() -> fleet(db, tenants, FleetSettings.DEFAULTS).migrate());

		List<FleetResult> results = List.of(one.get(), two.get());
		assertThat(results).allSatisfy((result) -> assertThat(result.tenants()).hasSize(10)
			.allSatisfy((tenant) -> assertThat(tenant.state()).isIn(TenantState.APPLIED, TenantState.UP_TO_DATE)));
		for (int i = 0; i < tenants.size(); i++) {
			assertThat(results.get(0).tenants().get(i).applied() + results.get(1).tenants().get(i).applied())
				.as(tenants.get(i))
				.isEqualTo(3);
			assertThat(history(db, tenants.get(i))).containsExactly("1", "2", "3");
		}
	}

	Fleet fleet(TestDatabase db, List<String> tenants, FleetSettings settings) {
		return new Fleet(TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds)
					.locations("filesystem:" + this.dir)
					.lockWaitTimeout(Duration.ofSeconds(30))),
				settings);
	}

	static List<String> tenants(int count) {
		return FleetTest.tenants(count);
	}

	static List<String> history(TestDatabase db, String schema) {
		return FleetTest.history(db, schema);
	}

	void write(String name, String sql) {
		try {
			java.nio.file.Files.writeString(this.dir.resolve(name), sql);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
