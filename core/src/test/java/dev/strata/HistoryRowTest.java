package dev.strata;

import java.nio.file.Path;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history row of a transactional migration travels with its statements as one SQL
 * string: whatever the file name holds must arrive intact, and the time must be the
 * migration's.
 */
@StrataPostgres(databasePerTest = true)
class HistoryRowTest {

	@TempDir
	Path dir;

	@Test
	void quotesAndBackslashesInTheFileNameArriveIntact(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__o'neil_and_back\\slash.sql",
				"create table t (id int);");

		Db.strata(db, files.location()).migrate();

		assertThat(Db.column(db, "select description from strata_schema_history"))
			.containsExactly("o'neil and back\\slash");
		assertThat(Db.column(db, "select script from strata_schema_history"))
			.containsExactly("V1__o'neil_and_back\\slash.sql");
	}

	@Test
	void standardConformingStringsOffDoesNotChangeWhatIsRecorded(TestDatabase db) {
		db.execute("alter database \"" + db.name() + "\" set standard_conforming_strings = off");
		MigrationDir files = new MigrationDir(this.dir).write("V1__a\\b'c.sql", "create table t (id int);");

		Db.strata(db, files.location()).migrate();

		assertThat(Db.column(db, "select description from strata_schema_history")).containsExactly("a\\b'c");
	}

	@Test
	void executionTimeIsTheMigrationsOwn(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__slow.sql", "select pg_sleep(0.3);")
			.write("V2__fast.sql", "create table t (id int);");

		Db.strata(db, files.location()).migrate();

		assertThat(Db.column(db, "select execution_time_ms from strata_schema_history order by installed_rank"))
			.satisfiesExactly((slow) -> assertThat(Integer.parseInt(slow)).isBetween(300, 10_000),
					(fast) -> assertThat(Integer.parseInt(fast)).isLessThan(300));
	}

}
