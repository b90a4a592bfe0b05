package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class MigrateOrderTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir);
	}

	@Test
	void versionsApplyInNumericOrderWhateverTheSeparatorThenRepeatables(TestDatabase db) {
		this.files
			.write("V1__create_log.sql", "create table log (n serial, v text);\ninsert into log (v) values ('1');\n")
			.write("V10__ten.sql", "insert into log (v) values ('10');")
			.write("V2__two.sql", "insert into log (v) values ('2');")
			.write("V1_2__one_two.sql", "insert into log (v) values ('1.2');")
			.write("V1.1__one_one.sql", "insert into log (v) values ('1.1');")
			.write("R__log_view.sql",
					"create or replace view log_view as select v from log;\n" + "insert into log (v) values ('R');");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(Db.column(db, "select v from log order by n")).containsExactly("1", "1.1", "1.2", "2", "10", "R");
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("1", "1.1", "1.2", "2", "10", null);
		assertThat(result.initialVersion()).isNull();
		assertThat(result.currentVersion()).isEqualTo("10");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "1.1|SQL|true", "1.2|SQL|true", "2|SQL|true",
				"10|SQL|true", "R:log view|SQL_REPEATABLE|true");
		assertThat(Db.count(db, "select count(*) from log_view")).isEqualTo(6);
	}

	@Test
	void secondMigrateAppliesNothing(TestDatabase db) {
		this.files.write("V1__t.sql", "create table t (id int);")
			.write("R__v.sql", "create or replace view v as select 1 as a;");
		Db.strata(db, this.files.location()).migrate();

		MigrateResult again = Db.strata(db, this.files.location()).migrate();

		assertThat(again.applied()).isEmpty();
		assertThat(again.initialVersion()).isEqualTo("1");
		assertThat(again.currentVersion()).isEqualTo("1");
		assertThat(again.summary()).contains("up to date at version 1");
		assertThat(Db.history(db)).hasSize(2);
	}

	@Test
	void changedRepeatableIsReappliedAfterTheNewVersionedOnes(TestDatabase db) {
		this.files.write("V1__t.sql", "create table t (a int);")
			.write("R__v.sql", "create or replace view v as select a from t;");
		Db.strata(db, this.files.location()).migrate();

		this.files.write("V2__add_b.sql", "alter table t add column b int;")
			.write("R__v.sql", "create or replace view v as select a, b from t;");
		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::script)
			.containsExactly("V2__add_b.sql", "R__v.sql");
		assertThat(Db.column(db,
				"select attname from pg_attribute where attrelid = 'v'::regclass and attnum > 0" + " order by attnum"))
			.containsExactly("a", "b");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "R:v|SQL_REPEATABLE|true", "2|SQL|true",
				"R:v|SQL_REPEATABLE|true");

		assertThat(Db.strata(db, this.files.location()).migrate().applied()).isEmpty();
	}

	@Test
	void locationsAreMergedAcrossClasspathFilesystemAndSubdirectories(TestDatabase db) {
		this.files.write("V2__from_filesystem.sql", "create table from_filesystem (id int);")
			.write("deeper/still/V3__nested_in_filesystem.sql", "create table nested_in_filesystem (id int);");

		MigrateResult result = Db.strata(db, "classpath:migrations/merge", this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("1", "1.5", "2", "3");
		assertThat(Db.tableExists(db, "from_classpath")).isTrue();
		assertThat(Db.tableExists(db, "nested_in_classpath")).isTrue();
		assertThat(Db.tableExists(db, "from_filesystem")).isTrue();
		assertThat(Db.tableExists(db, "nested_in_filesystem")).isTrue();
		assertThat(Db.column(db, "select script from strata_schema_history order by installed_rank")).containsExactly(
				"V1__from_classpath.sql", "more/V1_5__nested_in_classpath.sql", "V2__from_filesystem.sql",
				"deeper/still/V3__nested_in_filesystem.sql");
	}

	@Test
	void emptyMigrationIsRecordedLikeAnyOther(TestDatabase db) {
		this.files.write("V1__nothing_yet.sql", "-- to be written\n");
		java.io.PrintStream err = System.err;
		java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
		MigrateResult result;
		// slf4j-simple, the test logger, writes to whatever System.err is at the time.
		System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
		try {
			result = Db.strata(db, this.files.location()).migrate();
		}
		finally {
			System.setErr(err);
		}

		assertThat(result.applied()).hasSize(1);
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
		assertThat(logged.toString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("V1__nothing_yet.sql has no statement (empty, or comments only)");
	}

}
