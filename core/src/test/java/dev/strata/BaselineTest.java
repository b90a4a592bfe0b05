package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class BaselineTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void existingDatabase(TestDatabase db) {
		db.execute("create table customers (id int); create table orders (id int)");
		// V1 and V2 built what is already there: running them again would fail.
		this.files = new MigrationDir(this.dir).write("V1__customers.sql", "create table customers (id int);")
			.write("V2__orders.sql", "create table orders (id int);")
			.write("V3__invoices.sql", "create table invoices (id int);");
	}

	@Test
	void schemaWithTablesButNoHistoryIsRefused(TestDatabase db) {
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.NOT_EMPTY_WITHOUT_HISTORY);
		assertThat(ex.getMessage()).contains("strata.baseline-on-migrate").contains("strata.baseline-version");
		assertThat(Db.tableExists(db, "invoices")).isFalse();
		assertThat(Db.strata(db, this.files.location()).status().problems()).hasSize(1);
	}

	@Test
	void strataOwnLeftoverTablesDoNotMakeASchemaLookAdopted(TestDatabase db) {
		db.execute(
				"drop table customers; drop table orders;" + " create table strata_schema_history_snapshot (id int)");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).hasSize(3);
		assertThat(result.baselined()).isFalse();
	}

	@Test
	void baselineOnMigrateRecordsOlderVersionsWithoutRunningThem(TestDatabase db) {
		Strata strata = Db.strata(db,
				(builder) -> builder.locations(this.files.location()).baselineOnMigrate(true).baselineVersion("2"));

		MigrateResult result = strata.migrate();

		assertThat(result.baselined()).isTrue();
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("3");
		assertThat(result.currentVersion()).isEqualTo("3");
		assertThat(Db.history(db)).containsExactly("2|BASELINE|true", "3|SQL|true");
		assertThat(Db.tableExists(db, "invoices")).isTrue();
		assertThat(strata.status().migrations()).extracting((status) -> status.version() + " " + status.state())
			.containsExactly("1 BELOW_BASELINE", "2 BASELINE", "2 BELOW_BASELINE", "3 APPLIED");
		assertThat(strata.migrate().applied()).isEmpty();
	}

	@Test
	void baselineCommandAdoptsTheDatabaseAndIsRefusedOnceThereIsHistory(TestDatabase db) {
		Strata strata = Db.strata(db, (builder) -> builder.locations(this.files.location()).baselineVersion("2"));

		BaselineResult baseline = strata.baseline();
		assertThat(baseline.version()).isEqualTo("2");
		assertThat(baseline.schema()).isEqualTo("public");

		assertThat(strata.migrate().applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("3");

		StrataException ex = catchThrowableOfType(StrataException.class, strata::baseline);
		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).contains("already has a history");
		assertThat(Db.history(db)).containsExactly("2|BASELINE|true", "3|SQL|true");
	}

	@Test
	void statusShowsBelowBaselineMigrationsAsNotPending(TestDatabase db) {
		Db.strata(db, (builder) -> builder.locations(this.files.location()).baselineVersion("2")).baseline();

		StatusResult status = Db.strata(db, this.files.location()).status();

		assertThat(status.currentVersion()).isEqualTo("2");
		assertThat(status.pending()).extracting(MigrationStatus::version).containsExactly("3");
		assertThat(status.migrations()).filteredOn((s) -> s.state() == MigrationState.BELOW_BASELINE).hasSize(2);
	}

}
