package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.history.internal.SchemaHistory;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history's last line of defence: the table itself refuses a second successful row
 * for one version, whatever happened to the lock; and a table an older Strata wrote gets
 * the index (and the in-flight column) under the lock, without failing start-up when it
 * already holds duplicates.
 */
@StrataPostgres(databasePerTest = true)
class HistoryUniquenessTest {

	private static final String COPY_OF_V1 = "insert into strata_schema_history (installed_rank, version, description,"
			+ " type, script, checksum, installed_by, execution_time_ms, success, transactional, statements_run,"
			+ " statements_total) select installed_rank + 10, version, description, type, script, checksum,"
			+ " installed_by, execution_time_ms, %s, transactional, statements_run, statements_total"
			+ " from strata_schema_history where version = '1'";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@Test
	void secondSuccessfulRowForOneVersionCannotBeWritten(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();

		SQLException ex = catchThrowableOfType(SQLException.class, () -> execute(db, COPY_OF_V1.formatted("true")));

		assertThat(ex.getSQLState()).isEqualTo("23505");
		assertThat(ex.getMessage()).contains("strata_schema_history_success_version");
	}

	@Test
	void failedRowsAndRepeatablesStayOutOfTheIndex(TestDatabase db) throws SQLException {
		this.files.write("R__view.sql", "create or replace view v as select 1 as one;");
		Db.strata(db, this.files.location()).migrate();

		execute(db, COPY_OF_V1.formatted("false"));
		execute(db, COPY_OF_V1.replace("+ 10", "+ 20").formatted("false"));
		execute(db, "insert into strata_schema_history (installed_rank, version, description, type, script,"
				+ " installed_by, execution_time_ms, success) values (30, null, 'view', 'SQL_REPEATABLE', 'R__view.sql',"
				+ " current_user, 0, true)");

		assertThat(Db.count(db, "select count(*) from strata_schema_history")).isEqualTo(6);
	}

	@Test
	void historyOfAnOlderStrataIsUpgradedUnderTheLock(TestDatabase db) throws SQLException {
		Db.strata(db, this.files.location()).migrate();
		toOldShape(db);

		// read without the lock: the old table as it is, its rows still intact
		StatusResult status = Db.strata(db, this.files.location()).status();
		assertThat(status.isValid()).isTrue();
		assertThat(columnExists(db)).isFalse();
		this.files.write("V2__more.sql", "create table more (id int);");

		Db.strata(db, this.files.location()).migrate();

		assertThat(columnExists(db)).isTrue();
		assertThat(indexExists(db)).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
		assertThat(Db.strata(db, this.files.location()).validate().isUpToDate()).isTrue();
	}

	@Test
	void olderHistoryWithDuplicatesKeepsWorkingWithoutTheIndex(TestDatabase db) throws SQLException {
		Db.strata(db, this.files.location()).migrate();
		toOldShape(db);
		execute(db, COPY_OF_V1.formatted("true"));
		try (Connection connection = db.connect()) {
			new SchemaHistory(connection, "public", "strata_schema_history", false, false).signAll();
		}
		this.files.write("V2__more.sql", "create table more (id int);");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		assertThat(columnExists(db)).isTrue();
		assertThat(indexExists(db)).isFalse();

		execute(db, "delete from strata_schema_history where installed_rank = 11");
		this.files.write("V3__last.sql", "create table last (id int);");
		Db.strata(db, this.files.location()).migrate();
		assertThat(indexExists(db)).isTrue();
	}

	private static void toOldShape(TestDatabase db) throws SQLException {
		execute(db, "drop index strata_schema_history_success_version");
		execute(db, "alter table strata_schema_history drop column statement_in_flight");
	}

	private static boolean columnExists(TestDatabase db) {
		return !Db
			.column(db,
					"select 1 from information_schema.columns where table_name = 'strata_schema_history'"
							+ " and column_name = 'statement_in_flight'")
			.isEmpty();
	}

	private static boolean indexExists(TestDatabase db) {
		return Db.tableExists(db, "strata_schema_history_success_version");
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connect()) {
			connection.createStatement().execute(sql);
		}
	}

}
