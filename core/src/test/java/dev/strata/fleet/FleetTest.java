package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.strata.StrataConfig;
import dev.strata.error.ErrorCategory;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of tenant schemas on one database: each migrated under its own lock with its
 * schema first on the search_path, one failing alone, a bad file refusing all before any
 * changes, a rerun picking up where each tenant is.
 */
@StrataPostgres(databasePerTest = true)
class FleetTest {

	@TempDir
	Path dir;

	/** Files only some tenants are configured to read. */
	@TempDir
	Path extra;

	@BeforeEach
	void files() {
		write("V1__accounts.sql", "create table accounts (id int primary key, plan text);");
		// plans is shared: in public, named without its schema, found through the rest
		// of the search_path
		write("V2__seed.sql", "insert into accounts select 1, name from plans where id = 1;");
	}

	@Test
	void migratesEveryTenantInItsOwnSchemaAndARerunDoesNothing(TestDatabase db) {
		db.execute("create table public.plans (id int, name text); insert into public.plans values (1, 'gold')");
		List<String> tenants = tenants(12);

		FleetResult first = fleet(db, tenants, FleetSettings.DEFAULTS).migrate();

		assertThat(first.tenants()).hasSize(12).allSatisfy((tenant) -> {
			assertThat(tenant.state()).isEqualTo(TenantState.APPLIED);
			assertThat(tenant.applied()).isEqualTo(2);
			assertThat(tenant.version()).isEqualTo("2");
		});
		assertThat(first.tenants().stream().map(TenantResult::name)).containsExactlyElementsOf(tenants);
		for (String tenant : tenants) {
			assertThat(db.queryForObject("select plan from " + tenant + ".accounts", String.class)).isEqualTo("gold");
			assertThat(history(db, tenant)).containsExactly("1", "2");
		}
		assertThat(db.queryForObject("select to_regclass('public.accounts') is null", Boolean.class)).isTrue();

		FleetResult again = fleet(db, tenants, FleetSettings.DEFAULTS).migrate();

		assertThat(again.counts()).containsEntry(TenantState.UP_TO_DATE, 12);
		assertThat(again.summary()).startsWith("12 tenants: 12 up to date in ");
	}

	@Test
	void aFailingTenantFailsAloneAndARerunPicksItUp(TestDatabase db) {
		List<String> tenants = migrated(db, 8);
		db.execute("create table t07.orders (id int)");
		write("V3__orders.sql", "create table orders (id int primary key);");

		FleetResult failing = fleet(db, tenants, FleetSettings.DEFAULTS.withParallelism(3)).migrate();

		TenantResult t07 = failing.tenants().get(7);
		assertThat(t07.name()).isEqualTo("t07");
		assertThat(t07.state()).isEqualTo(TenantState.FAILED);
		assertThat(t07.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(t07.error()).contains("orders").contains("already exists");
		assertThat(failing.count(TenantState.APPLIED)).isEqualTo(7);
		assertThat(failing.problems()).containsExactly(t07);
		assertThat(history(db, "t07")).containsExactly("1", "2");

		db.execute("drop table t07.orders");
		FleetResult rerun = fleet(db, tenants, FleetSettings.DEFAULTS).migrate();

		assertThat(rerun.tenants().get(7).state()).isEqualTo(TenantState.APPLIED);
		assertThat(rerun.tenants().get(7).applied()).isEqualTo(1);
		assertThat(rerun.count(TenantState.UP_TO_DATE)).isEqualTo(7);
		assertThat(tenants).allSatisfy((tenant) -> assertThat(history(db, tenant)).containsExactly("1", "2", "3"));
	}

	@Test
	void failFastStartsNoTenantAfterAFailure(TestDatabase db) {
		List<String> tenants = migrated(db, 6);
		db.execute("create table t00.orders (id int)");
		write("V3__orders.sql", "create table orders (id int primary key);");

		FleetResult result = fleet(db, tenants, FleetSettings.DEFAULTS.withParallelism(1).withFailFast(true)).migrate();

		assertThat(result.tenants().get(0).state()).isEqualTo(TenantState.FAILED);
		assertThat(result.count(TenantState.SKIPPED)).isEqualTo(5);
		assertThat(result.in(TenantState.SKIPPED).get(0).error()).contains("fail-fast");
	}

	@Test
	void aRefusedFileRefusesTheWholeFleetBeforeAnyTenantChanges(TestDatabase db) {
		List<String> tenants = migrated(db, 4);
		write("V3__more.sql", "create table notes (id int);");
		write("V4__drop.sql", "drop table accounts;");

		assertThatExceptionOfType(FleetRefusedException.class)
			.isThrownBy(() -> fleet(db, tenants, FleetSettings.DEFAULTS).migrate())
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ErrorCategory.REFUSED))
			.withMessageContaining("No tenant was migrated")
			.withMessageContaining("drop");
		assertThat(tenants).allSatisfy((tenant) -> assertThat(history(db, tenant)).containsExactly("1", "2"));
		assertThat(db.queryForObject("select count(*) from pg_tables where tablename = 'notes'", Long.class)).isZero();
	}

	@Test
	void aRefusedFileRefusesAFleetOfNewTenantsBeforeAnySchemaIsCreated(TestDatabase db) {
		db.execute("create table public.plans (id int, name text)");
		write("V3__drop.sql", "drop table accounts;");

		assertThatExceptionOfType(FleetRefusedException.class)
			.isThrownBy(() -> fleet(db, tenants(3), FleetSettings.DEFAULTS).migrate())
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ErrorCategory.REFUSED))
			.withMessageContaining("No tenant was migrated")
			.withMessageContaining("drop");
		assertThat(db.queryForObject("select count(*) from pg_namespace where nspname like 't0_'", Long.class))
			.isZero();
	}

	@Test
	void aTenantConfiguredWithMoreFilesIsPlannedAgainstItsOwnFiles(TestDatabase db) throws IOException {
		List<String> tenants = migrated(db, 4);
		Files.writeString(this.extra.resolve("V3__notes.sql"), "create table notes (id int primary key);");

		FleetResult result = fleetWithExtraFiles(db, tenants, "t02").migrate();

		assertThat(result.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.UP_TO_DATE,
				TenantState.UP_TO_DATE, TenantState.APPLIED, TenantState.UP_TO_DATE);
		assertThat(history(db, "t02")).containsExactly("1", "2", "3");
		assertThat(history(db, "t01")).containsExactly("1", "2");
	}

	@Test
	void aRefusedFileOfOneTenantsOwnRefusesAFleetOfNewTenants(TestDatabase db) throws IOException {
		db.execute("create table public.plans (id int, name text)");
		Files.writeString(this.extra.resolve("V3__drop.sql"), "drop table accounts;");

		assertThatExceptionOfType(FleetRefusedException.class)
			.isThrownBy(() -> fleetWithExtraFiles(db, tenants(3), "t02").migrate())
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ErrorCategory.REFUSED))
			.withMessageContaining("No tenant was migrated")
			.withMessageContaining("drop");
		assertThat(db.queryForObject("select count(*) from pg_namespace where nspname like 't0_'", Long.class))
			.isZero();
	}

	/**
	 * A fleet whose tenant {@code withExtra} alone also reads the {@link #extra} files:
	 * not the first tenant, whose files the fleet used to take for every tenant's.
	 */
	private Fleet fleetWithExtraFiles(TestDatabase db, List<String> tenants, String withExtra) {
		return new Fleet(TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history"),
				(tenant, shared) -> StrataConfig.builder(tenant.dataSource())
					.locations(tenant.name().equals(withExtra)
							? List.of("filesystem:" + this.dir, "filesystem:" + this.extra)
							: List.of("filesystem:" + this.dir))
					.targetName(tenant.name())
					.schema(tenant.schema())
					.table(tenant.table())
					.searchPath(tenant.searchPath())
					.recognitionCache(shared)
					.build(),
				FleetSettings.DEFAULTS);
	}

	@Test
	void newTenantsAreCheckedWithoutAConnectionOfTheirOwn(TestDatabase db) {
		db.execute("create table public.plans (id int, name text)");
		CountingDataSource counting = new CountingDataSource(db.dataSource());

		FleetResult result = fleet(counting.dataSource(), tenants(5), FleetSettings.DEFAULTS).migrate();

		assertThat(result.count(TenantState.APPLIED)).isEqualTo(5);
		// the search_path and the catalog; then each tenant's lock holder, its migration
		// and its lock: no dry run of a schema that does not exist yet
		assertThat(counting.connections.get()).isEqualTo(2 + 5 * 3);
	}

	@Test
	void tenantsWithAHistoryAreCheckedOnTheHistoryTheSurveyRead(TestDatabase db) {
		List<String> tenants = migrated(db, 5);
		write("V3__orders.sql", "create table orders (id int primary key);");
		CountingDataSource counting = new CountingDataSource(db.dataSource());

		FleetResult result = fleet(counting.dataSource(), tenants, FleetSettings.DEFAULTS).migrate();

		assertThat(result.count(TenantState.APPLIED)).isEqualTo(5);
		// the search_path and the catalog; then each tenant's lock holder, its migration
		// and its lock: no status of its own before
		assertThat(counting.connections.get()).isEqualTo(2 + 5 * 3);
		assertThat(tenants).allSatisfy((tenant) -> assertThat(history(db, tenant)).containsExactly("1", "2", "3"));
	}

	@Test
	void aTenantWhoseHistoryDisagreesWithTheFilesFailsAloneBeforeAnyIsMigrated(TestDatabase db) {
		List<String> tenants = migrated(db, 3);
		db.execute("update t01.strata_schema_history set checksum = checksum + 1 where version = '1'");
		write("V3__orders.sql", "create table orders (id int primary key);");

		FleetResult result = fleet(db, tenants, FleetSettings.DEFAULTS).migrate();

		assertThat(result.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.APPLIED,
				TenantState.FAILED, TenantState.APPLIED);
		assertThat(result.tenants().get(1).category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(history(db, "t01")).containsExactly("1", "2");
	}

	@Test
	void aMissingSchemaIsCreatedOrRefused(TestDatabase db) {
		db.execute("create table public.plans (id int, name text)");

		FleetResult refused = fleet(db, List.of("acme", "globex"), FleetSettings.DEFAULTS.withCreateSchemas(false))
			.migrate();

		assertThat(refused.tenants()).allSatisfy((tenant) -> {
			assertThat(tenant.state()).isEqualTo(TenantState.REFUSED);
			assertThat(tenant.error()).contains("create-schemas");
		});
		db.execute("create schema acme");
		FleetResult mixed = fleet(db, List.of("acme", "globex"), FleetSettings.DEFAULTS.withCreateSchemas(false))
			.migrate();
		assertThat(mixed.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.APPLIED,
				TenantState.REFUSED);

		FleetResult created = fleet(db, List.of("acme", "globex"), FleetSettings.DEFAULTS).migrate();

		assertThat(created.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.UP_TO_DATE,
				TenantState.APPLIED);
		assertThat(history(db, "globex")).containsExactly("1", "2");
	}

	@Test
	void theGuardReadsEachFileOnceForTheWholeFleet(TestDatabase db) {
		db.execute("create table public.plans (id int, name text)");
		Fleet fleet = fleet(db, tenants(4), FleetSettings.DEFAULTS);

		fleet.migrate();

		assertThat(fleet.recognitionCache().reads()).isEqualTo(2);
	}

	@Test
	void validateAndStatusReportEachTenant(TestDatabase db) {
		db.execute("create table public.plans (id int, name text)");
		List<String> tenants = tenants(4);
		fleet(db, tenants.subList(0, 3), FleetSettings.DEFAULTS).migrate();

		FleetResult status = fleet(db, tenants, FleetSettings.DEFAULTS).status();
		FleetResult validate = fleet(db, tenants, FleetSettings.DEFAULTS).validate("Run migrate.");

		assertThat(status.tenants().stream().map(TenantResult::state)).containsExactly(TenantState.UP_TO_DATE,
				TenantState.UP_TO_DATE, TenantState.UP_TO_DATE, TenantState.PENDING);
		assertThat(status.tenants().get(3).pending()).isEqualTo(2);
		assertThat(validate.tenants().get(3).state()).isEqualTo(TenantState.PENDING);
		assertThat(validate.tenants().get(3).error()).contains("Run migrate.");
		assertThat(history(db, "t03")).isEmpty();
	}

	/** {@code count} tenants migrated to the two files written before each test. */
	private List<String> migrated(TestDatabase db, int count) {
		db.execute("create table public.plans (id int, name text)");
		List<String> tenants = tenants(count);
		fleet(db, tenants, FleetSettings.DEFAULTS).migrate();
		return tenants;
	}

	static List<String> tenants(int count) {
		return IntStream.range(0, count).mapToObj((i) -> String.format("t%02d", i)).toList();
	}

	Fleet fleet(TestDatabase db, List<String> tenants, FleetSettings settings) {
		return fleet(db.dataSource(), tenants, settings);
	}

	Fleet fleet(javax.sql.DataSource dataSource, List<String> tenants, FleetSettings settings) {
		return new Fleet(TenantTargets.schemas(dataSource, tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds)
					.locations("filesystem:" + this.dir)
					.lockWaitTimeout(Duration.ofSeconds(30))),
				settings);
	}

	static List<String> history(TestDatabase db, String schema) {
		if (!db.queryForObject("select to_regclass('" + schema + ".strata_schema_history') is not null",
				Boolean.class)) {
			return List.of();
		}
		List<String> versions = new ArrayList<>();
		try (var connection = db.connect();
				var statement = connection.createStatement();
				var rs = statement.executeQuery("select version from " + schema
						+ ".strata_schema_history where success order by installed_rank")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return versions;
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
