package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.MigrationFailedException;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.plan.ValidationProblem;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class NonTransactionalMigrationTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__items.sql", "create table items (a int, b int);\n"
				+ "insert into items select g, g from generate_series(1, 100) g;");
	}

	@Test
	void createIndexConcurrentlyRunsOutsideATransactionAndSaysSo(TestDatabase db) {
		this.files.write("V2__index_a.sql",
				"set maintenance_work_mem = '64MB';\n" + "create index concurrently items_a on items (a);\n");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::transactional)
			.containsExactly(true, false);
		assertThat(Db.column(db,
				"select version || '|' || transactional || '|' || success || '|' || statements_run"
						+ " || '/' || statements_total from strata_schema_history order by installed_rank"))
			.containsExactly("1|true|true|2/2", "2|false|true|2/2");
		assertThat(db.queryForObject("select indisvalid from pg_index where indexrelid = 'items_a'::regclass",
				Boolean.class))
			.isTrue();
	}

	@Test
	void mixingConcurrentIndexWithOrdinaryDdlIsRefusedBeforeAnythingRuns(TestDatabase db) {
		this.files.write("V2__mixed.sql",
				"create table other (id int);\n" + "create unique index concurrently items_b on items (b);\n");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains(this.files.describe("V2__mixed.sql") + ":2")
			.contains("CREATE INDEX CONCURRENTLY")
			.contains("line 1: create table other")
			.contains("into a migration file of its own");
		assertThat(Db.tableExists(db, "items")).isFalse();
		assertThat(Db.history(db)).isEmpty();
	}

	@Test
	void failedNonTransactionalMigrationIsRecordedThenRefusedUntilRepaired(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__indexes.sql", "create index concurrently items_a on items (a);\n"
				+ "create index concurrently items_c on items (c);\n");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(failure.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(failure.rolledBack()).isFalse();
		assertThat(failure.line()).isEqualTo(2);
		assertThat(failure.getMessage()).contains("1 of 2 statements are applied").contains("repair");
		assertThat(Db.column(db,
				"select version || '|' || transactional || '|' || success || '|' || statements_run"
						+ " || '/' || statements_total from strata_schema_history order by installed_rank"))
			.containsExactly("1|true|true|2/2", "2|false|false|1/2");
		assertThat(Db.tableExists(db, "items_a")).isTrue();

		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());
		assertThat(refused.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.FAILED);
		assertThat(refused.getMessage()).contains("V2 (indexes)")
			.contains("after 1 of 2 statements")
			.contains("ran:     line 1: create index concurrently items_a on items (a)")
			.contains("failed:  line 2: create index concurrently items_c on items (c)")
			.contains("repair");

		RepairResult repair = Db.strata(db, this.files.location()).repair();
		assertThat(repair.removedFailed()).containsExactly("V2 (indexes)");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");

		this.files.write("V2__indexes.sql", "create index concurrently if not exists items_a on items (a);\n"
				+ "create index concurrently items_b on items (b);\n");
		MigrateResult result = Db.strata(db, this.files.location()).migrate();
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
		assertThat(Db.tableExists(db, "items_b")).isTrue();
	}

	@Test
	void noTransactionDirectiveLetsADoBlockCommit(TestDatabase db) {
		this.files.write("V2__backfill.sql", """
				-- strata:no-transaction
				create table batches (n int);
				do $$
				begin
				  for i in 1..3 loop
				    insert into batches values (i);
				    commit;
				  end loop;
				end
				$$;
				""");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::transactional)
			.containsExactly(true, false);
		assertThat(Db.count(db, "select count(*) from batches")).isEqualTo(3);
		assertThat(Db.column(db, "select transactional from strata_schema_history where version = '2'"))
			.containsExactly("f");
	}

}
