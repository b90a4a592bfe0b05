package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strata splits a file that turns standard_conforming_strings off the way the server
 * reads it.
 */
@StrataPostgres(databasePerTest = true)
class StandardConformingStringsMigrationTest {

	@TempDir
	Path dir;

	@Test
	void backslashEscapedQuotesAfterTurningTheSettingOffAreWhatTheServerStores(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__legacy_strings.sql", """
				create table quotes (id int, s text);
				set standard_conforming_strings = off;
				insert into quotes values (1, 'it\\'s; fine'), (2, N'back\\\\slash');
				reset standard_conforming_strings;
				insert into quotes values (3, 'plain\\');
				""");

		Db.strata(db, files.location()).migrate();

		assertThat(Db.column(db, "select s from quotes order by id")).containsExactly("it's; fine", "back\\slash",
				"plain\\");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void aFileThatLeavesTheSettingOffDoesNotChangeHowTheNextFileReads(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__legacy_strings.sql", """
				create table quotes (id int, s text);
				set standard_conforming_strings = off;
				insert into quotes values (1, 'it\\'s');
				""").write("V2__more.sql", """
				insert into quotes values (2, 'a\\b; c');
				""");

		Db.strata(db, files.location()).migrate();

		// V2 is split with the default setting, so the server must read it with the
		// default too.
		assertThat(Db.column(db, "select s from quotes order by id")).containsExactly("it's", "a\\b; c");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
	}

}
