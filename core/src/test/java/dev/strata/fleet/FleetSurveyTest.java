package dev.strata.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.StatusResult;
import dev.strata.StrataConfig;
import dev.strata.error.ErrorCategory;
import dev.strata.fleet.internal.FleetCatalog;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.plan.ValidationProblem;
import dev.strata.targets.MigrationTarget;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog survey that settles a fleet's tenants with nothing to do reads every
 * history in one query: what it reads must be what each tenant's own read gives, so a
 * tenant whose history disagrees with the files is reported as it is alone, and a tenant
 * with work is never taken for one without.
 */
@StrataPostgres(databasePerTest = true)
class FleetSurveyTest {

	/** The signature Strata writes, to forge rows that look as Strata wrote them. */
	private static final String SIGNATURE = "md5(concat_ws('|', installed_rank, coalesce(version, ''), description,"
			+ " type, script, coalesce(checksum::text, ''), coalesce(sql_checksum::text, ''), installed_by,"
			+ " extract(epoch from installed_on), success, transactional, statements_run, statements_total,"
			+ " statement_in_flight))";

	private static final List<String> TENANTS = List.of("intact", "edited", "failed", "changed", "missing", "older",
			"pending");

	@TempDir
	Path dir;

	@BeforeEach
	void files() {
		write("V1__accounts.sql", "create table accounts (id int primary key);");
		write("V2__notes.sql", "create table notes (id int primary key);");
		write("R__ids.sql", "create or replace view ids as select id from accounts;");
	}

	@Test
	void aTenantWhoseHistoryDisagreesIsReportedAsItIsAlone(TestDatabase db) {
		fleet(db, TENANTS).migrate();
		// every tenant's view applied twice: the latest row of R__ids is the one that
		// counts
		write("R__ids.sql", "create or replace view ids as select id from accounts where id > 0;");
		assertThat(fleet(db, TENANTS).migrate().count(TenantState.APPLIED)).isEqualTo(TENANTS.size());
		// re-signing the first row of the view rewrites it: it now lies after the later
		// one in the table's pages
		db.execute("update intact.strata_schema_history set signature = " + SIGNATURE + " where installed_rank = 3");
		db.execute("update edited.strata_schema_history set description = 'edited by hand' where version = '1'");
		db.execute("update failed.strata_schema_history set success = false where version = '2'");
		db.execute("update failed.strata_schema_history set signature = " + SIGNATURE);
		db.execute("update changed.strata_schema_history set checksum = checksum + 1 where version = '1'");
		db.execute("update changed.strata_schema_history set signature = " + SIGNATURE);
		db.execute("insert into missing.strata_schema_history (installed_rank, version, description, type, script,"
				+ " checksum, installed_by, execution_time_ms, success) values (5, '1.5', 'gone', 'SQL', 'V1.5__gone.sql',"
				+ " 1, current_user, 1, true)");
		db.execute("update missing.strata_schema_history set signature = " + SIGNATURE);
		// a table of an older Strata, before statement_in_flight and the undo columns
		db.execute("alter table older.strata_schema_history drop column statement_in_flight,"
				+ " drop column undo_checksum, drop column undone cascade");
		db.execute("delete from pending.strata_schema_history where version = '2'");
		db.execute("drop table pending.notes");
		Fleet fleet = fleet(db, TENANTS);
		Map<String, String> alone = new LinkedHashMap<>();
		for (String tenant : List.of("edited", "failed", "changed", "missing")) {
			StatusResult status = fleet.tenant(tenant).orElseThrow().status();
			assertThat(status.isValid()).as(tenant).isFalse();
			alone.put(tenant, String.join("; ", status.problems().stream().map(ValidationProblem::describe).toList()));
		}

		FleetResult status = fleet.status();
		FleetResult migrate = fleet.migrate();

		for (FleetResult result : List.of(status, migrate)) {
			Map<String, TenantResult> byName = new LinkedHashMap<>();
			result.tenants().forEach((tenant) -> byName.put(tenant.name(), tenant));
			assertThat(byName.get("intact").state()).isEqualTo(TenantState.UP_TO_DATE);
			assertThat(byName.get("older").state()).isEqualTo(TenantState.UP_TO_DATE);
			alone.forEach((tenant, problems) -> {
				assertThat(byName.get(tenant).state()).as(tenant).isEqualTo(TenantState.FAILED);
				assertThat(byName.get(tenant).category()).as(tenant).isEqualTo(ErrorCategory.VALIDATION);
				assertThat(byName.get(tenant).error()).as(tenant).isEqualTo(problems);
			});
		}
		assertThat(status.tenants().get(TENANTS.indexOf("pending")).state()).isEqualTo(TenantState.PENDING);
		assertThat(migrate.tenants().get(TENANTS.indexOf("pending")).state()).isEqualTo(TenantState.APPLIED);
		assertThat(migrate.tenants().get(TENANTS.indexOf("pending")).applied()).isEqualTo(1);
		assertThat(db.queryForObject("select to_regclass('pending.notes') is not null", Boolean.class)).isTrue();
	}

	@Test
	void readingEveryHistoryAtOnceGivesEachTablesOwnRead(TestDatabase db) throws Exception {
		List<String> tenants = List.of("a", "b", "c");
		fleet(db, tenants).migrate();
		write("R__ids.sql", "create or replace view ids as select id from accounts where id > 0;");
		fleet(db, tenants).migrate();
		db.execute("update a.strata_schema_history set signature = " + SIGNATURE + " where installed_rank = 1");
		db.execute("update b.strata_schema_history set description = 'edited by hand' where version = '2'");
		db.execute("alter table c.strata_schema_history drop column statement_in_flight,"
				+ " drop column undo_checksum, drop column undone cascade");
		List<SchemaHistory.Table> tables = List.of(new SchemaHistory.Table("a", "strata_schema_history", true, true),
				new SchemaHistory.Table("b", "strata_schema_history", true, true),
				new SchemaHistory.Table("c", "strata_schema_history", false, false));

		try (Connection connection = db.connect()) {
			List<List<AppliedMigration>> all = SchemaHistory.readAll(connection, tables);

			List<List<AppliedMigration>> each = new ArrayList<>();
			for (SchemaHistory.Table table : tables) {
				each.add(new SchemaHistory(connection, table.schema(), table.table(), table.inFlightColumn(),
						table.undoColumns())
					.read());
			}
			assertThat(all).isEqualTo(each);
			assertThat(all.get(0)).extracting(AppliedMigration::installedRank).containsExactly(1, 2, 3, 4);
			assertThat(all.get(0)).allMatch(AppliedMigration::intact);
			assertThat(all.get(1)).extracting(AppliedMigration::intact).containsExactly(true, false, true, true);
			assertThat(all.get(2)).allMatch(AppliedMigration::intact);
		}
	}

	@Test
	void theSurveyReadsEachTenantsHistoryInItsOwnShape(TestDatabase db) throws Exception {
		List<String> tenants = List.of("a", "b", "c");
		fleet(db, tenants).migrate();
		try (Connection connection = db.connect()) {
			// a non-transactional migration stopped in its second statement: signed with
			// the statement in flight
			new SchemaHistory(connection, "a", "strata_schema_history", true, true)
				.appendInFlight(new SchemaHistory.NewEntry("3", "index", HistoryType.SQL, "V3__index.sql", 7, 0, false,
						false, 1, 2, 7), 2);
		}
		db.execute("alter table c.strata_schema_history drop column statement_in_flight,"
				+ " drop column undo_checksum, drop column undone cascade");
		List<MigrationTarget> targets = TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history")
			.targets();

		List<FleetCatalog.@Nullable Tenant> found = FleetCatalog.read(targets, 1);

		try (Connection connection = db.connect()) {
			boolean[] current = { true, true, false };
			for (int i = 0; i < tenants.size(); i++) {
				assertThat(found.get(i).history()).as(tenants.get(i))
					.isEqualTo(new SchemaHistory(connection, tenants.get(i), "strata_schema_history", current[i],
							current[i])
						.read())
					.allMatch(AppliedMigration::intact);
			}
		}
		assertThat(found.get(0).history()).last().extracting(AppliedMigration::statementInFlight).isEqualTo(2);
	}

	private Fleet fleet(TestDatabase db, List<String> tenants) {
		return new Fleet(TenantTargets.schemas(db.dataSource(), tenants, "strata_schema_history"),
				TenantConfigs.of((ds) -> StrataConfig.builder(ds)
					.locations("filesystem:" + this.dir)
					.lockWaitTimeout(Duration.ofSeconds(30))),
				FleetSettings.DEFAULTS.withParallelism(3));
	}

	private void write(String name, String sql) {
		try {
			Files.writeString(this.dir.resolve(name), sql);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
