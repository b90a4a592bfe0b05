package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.strata.StrataConfig;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet's restart with nothing to do costs a fixed number of round trips, not one per
 * tenant.
 */
@StrataPostgres(databasePerTest = true)
class FleetRestartTest {

	@TempDir
	Path dir;

	@Test
	void aNoOpRestartOfFiftyTenantsCostsAFewQueries(TestDatabase db) throws Exception {
		Files.writeString(this.dir.resolve("V1__accounts.sql"), "create table accounts (id int primary key);");
		Files.writeString(this.dir.resolve("V2__notes.sql"), "create table notes (id int primary key);");
		Files.writeString(this.dir.resolve("R__view.sql"), "create or replace view ids as select id from accounts;");
		List<String> tenants = FleetTest.tenants(50);
		FleetResult first = fleet(db.dataSource(), tenants, 8).migrate();
		assertThat(first.count(TenantState.APPLIED)).isEqualTo(50);

		CountingDataSource counting = new CountingDataSource(db.dataSource());
		FleetResult restart = fleet(counting.dataSource(), tenants, 8).migrate();

		assertThat(restart.count(TenantState.UP_TO_DATE)).isEqualTo(50);
		// the search_path, the catalog, every history in one UNION ALL
		assertThat(counting.connections.get()).isEqualTo(2);
		assertThat(counting.executions.get()).isEqualTo(3);
		// status and validate settle them the same way
		CountingDataSource looking = new CountingDataSource(db.dataSource());
		assertThat(fleet(looking.dataSource(), tenants, 8).status().count(TenantState.UP_TO_DATE)).isEqualTo(50);
		assertThat(fleet(looking.dataSource(), tenants, 8).validate("Run migrate.").count(TenantState.UP_TO_DATE))
			.isEqualTo(50);
		assertThat(looking.connections.get()).isEqualTo(4);
		assertThat(looking.executions.get()).isEqualTo(6);

		Files.writeString(this.dir.resolve("V3__more.sql"), "create table more (id int);");
		CountingDataSource pending = new CountingDataSource(db.dataSource());
		FleetResult oneFile = fleet(pending.dataSource(), tenants.subList(0, 2), 1).migrate();
		assertThat(oneFile.count(TenantState.APPLIED)).as("a tenant with work is not settled by the catalog")
			.isEqualTo(2);
	}

	@Test
	void hundredsOfTenantsAreReadOnAFewSessionsEachInItsPlace(TestDatabase db) throws Exception {
		Files.writeString(this.dir.resolve("V1__accounts.sql"), "create table accounts (id int primary key);");
		Files.writeString(this.dir.resolve("V2__notes.sql"), "create table notes (id int primary key);");
		List<String> tenants = FleetTest.tenants(300);
		fleet(db.dataSource(), tenants.subList(0, 1), 1).migrate();
		// the other tenants as copies of the first: their histories are all the survey
		// reads
		db.execute(
				"""
						do $$ declare t text; begin for i in 1..299 loop
						  t := case when i < 10 then 't0' || i else 't' || i end;
						  execute format('create schema %I', t);
						  execute format('create table %I.strata_schema_history (like t00.strata_schema_history including all)', t);
						  execute format('insert into %I.strata_schema_history select * from t00.strata_schema_history', t);
						  execute format('create table %I.strata_schema_history_snapshot (like t00.strata_schema_history_snapshot)', t);
						end loop; end $$""");

		CountingDataSource counting = new CountingDataSource(db.dataSource());
		FleetResult restart = fleet(counting.dataSource(), tenants, 3).migrate();

		assertThat(restart.count(TenantState.UP_TO_DATE)).isEqualTo(300);
		// the search_path on one session; the tenants shared out by three, each reading
		// its share's catalog and then its histories
		assertThat(counting.connections.get()).isEqualTo(4);
		assertThat(counting.executions.get()).isEqualTo(7);

		db.execute("update t150.strata_schema_history set description = 'edited' where version = '2'");
		FleetResult status = fleet(db.dataSource(), tenants, 3).status();
		assertThat(status.problems()).extracting(TenantResult::name).containsExactly("t150");
	}

	Fleet fleet(javax.sql.DataSource dataSource, List<String> tenants, int parallelism) {
		return new Fleet(TenantTargets.schemas(dataSource, tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds)
					.locations("filesystem:" + this.dir)
					.lockWaitTimeout(Duration.ofSeconds(30))),
				FleetSettings.DEFAULTS.withParallelism(parallelism));
	}

}
