package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.MigrationFailedException;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration files that control transactions themselves, on a real PostgreSQL. */
@StrataPostgres(databasePerTest = true)
class TransactionControlMigrationTest {

	private static final String PROGRESS = "select version || '|' || transactional || '|' || success || '|'"
			+ " || statements_run || '/' || statements_total from strata_schema_history order by installed_rank";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@Test
	void commitInATransactionalFileIsRefusedBeforeAnythingRuns(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		String before = Db.column(db, PROGRESS).toString();
		this.files.write("V2__x.sql", "create table a (id int);\ncommit;\ncreate table b (id int);\nselect 1/0;\n");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains("nothing was applied")
			.contains(this.files.describe("V2__x.sql") + ":2 controls its transaction itself (line 2: commit)")
			.contains("'-- strata:no-transaction'")
			.doesNotContain("nothing of it is applied");
		assertThat(Db.tableExists(db, "a")).isFalse();
		assertThat(Db.tableExists(db, "b")).isFalse();
		assertThat(Db.column(db, PROGRESS)).hasToString(before);
	}

	@Test
	void aRefusedFileStopsEveryPendingOneFromRunning(TestDatabase db) {
		this.files.write("V2__wrapped.sql", "BEGIN;\ncreate table a (id int);\nCOMMIT;\n");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.getMessage()).contains("(line 1: BEGIN; line 3: COMMIT)");
		assertThat(Db.tableExists(db, "init")).isFalse();
		assertThat(Db.history(db)).isEmpty();
	}

	@Test
	void noTransactionFileWithItsOwnBlockRunsAsWritten(TestDatabase db) {
		this.files.write("V2__own.sql", """
				-- strata:no-transaction
				create table outside (id int);
				begin;
				create table a (id int);
				insert into a values (1);
				create table b (id int);
				commit;
				""");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::transactional)
			.containsExactly(true, false);
		assertThat(Db.count(db, "select count(*) from a")).isEqualTo(1);
		assertThat(Db.tableExists(db, "b")).isTrue();
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|true|6/6");
	}

	@Test
	void failureInsideItsOwnBlockRollsTheBlockBackAndTheHistorySaysSo(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__own.sql", """
				-- strata:no-transaction
				create table outside (id int);
				begin;
				create table a (id int);
				insert into a values (1);
				select 1/0;
				commit;
				""");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(failure.sqlState()).isEqualTo("22012");
		assertThat(failure.line()).isEqualTo(6);
		assertThat(failure.rolledBack()).isFalse();
		assertThat(failure.getMessage()).contains("1 of 6 statements are applied and recorded")
			.contains("its own transaction block, from line 3 on, was rolled back: the 3 statements that ran in it"
					+ " before the failure are not applied")
			.doesNotContain("nothing of it is applied");
		assertThat(Db.tableExists(db, "outside")).isTrue();
		assertThat(Db.tableExists(db, "a")).isFalse();
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|false|1/6");

		// The connection was left usable: the same run's bookkeeping went through, and so
		// does the next command.
		Db.strata(db, this.files.location()).repair();
		this.files.write("V2__own.sql", """
				-- strata:no-transaction
				create table if not exists outside (id int);
				begin;
				create table a (id int);
				insert into a values (1);
				commit;
				""");
		Db.strata(db, this.files.location()).migrate();
		assertThat(Db.count(db, "select count(*) from a")).isEqualTo(1);
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|true|5/5");
	}

	@Test
	void failureAfterACommitAndChainKeepsWhatTheFirstBlockCommitted(TestDatabase db) {
		this.files.write("V2__chain.sql", """
				-- strata:no-transaction
				begin;
				create table a (id int);
				commit and chain;
				create table b (id int);
				select 1/0;
				commit;
				""");

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(failure.getMessage()).contains("3 of 6 statements are applied")
			.contains("from line 5 on, was rolled back");
		assertThat(Db.tableExists(db, "a")).isTrue();
		assertThat(Db.tableExists(db, "b")).isFalse();
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|false|3/6");
	}

	@Test
	void doBlockThatCommitsRunsOutsideATransactionWithoutADirective(TestDatabase db) {
		this.files.write("V2__backfill.sql", """
				create table batches (n int);
				do $$
				begin
				  for i in 1..3 loop
				    insert into batches values (i);
				    commit;
				  end loop;
				end
				$$;
				create index batches_n on batches (n);
				""");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::transactional)
			.containsExactly(true, false);
		assertThat(Db.count(db, "select count(*) from batches")).isEqualTo(3);
		assertThat(Db.tableExists(db, "batches_n")).isTrue();
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|true|3/3");
	}

	@Test
	void procedureThatCommitsCalledInTheFileThatCreatesItRunsOutsideATransaction(TestDatabase db) {
		this.files.write("V2__fill.sql", """
				create table batches (n int);
				create procedure fill(n int)
				language plpgsql
				as $$
				begin
				  for i in 1..n loop
				    insert into batches values (i);
				    commit;
				  end loop;
				end
				$$;
				call fill(4);
				""");

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.count(db, "select count(*) from batches")).isEqualTo(4);
		assertThat(Db.column(db, PROGRESS)).containsExactly("1|true|true|1/1", "2|false|true|3/3");
	}

	@Test
	void callOfACommittingProcedureFromAnEarlierMigrationPointsToTheDirective(TestDatabase db) {
		this.files.write("V2__procedure.sql", """
				create table batches (n int);
				create procedure fill() language plpgsql as $$ begin insert into batches values (1); commit; end $$;
				""");
		this.files.write("V3__call.sql", "insert into batches values (0);\ncall fill();\n");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.sqlState()).isEqualTo("2D000");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.rolledBack()).isTrue();
		assertThat(ex.getMessage()).contains("invalid transaction termination")
			.contains("-- strata:no-transaction")
			.contains("nothing of it is applied");
		assertThat(Db.count(db, "select count(*) from batches")).isZero();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
	}

}
