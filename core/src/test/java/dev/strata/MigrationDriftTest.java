package dev.strata;

import java.nio.file.Path;

import dev.strata.plan.ValidationProblem;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Migration drift the checksum alone cannot explain: whether an edited file changed only
 * its comments and layout, and history rows changed by hand.
 */
@StrataPostgres(databasePerTest = true)
class MigrationDriftTest {

	private static final String V1 = "-- customers\ncreate table customers (id int primary key, name text);\n";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void applied(TestDatabase db) {
		this.files = new MigrationDir(this.dir).write("V1__customers.sql", V1);
		Db.strata(db, this.files.location()).migrate();
	}

	@Test
	void editOfCommentsAndLayoutOnlyIsToldApartFromAnSqlChange(TestDatabase db) {
		this.files.write("V1__customers.sql",
				"-- the customers we bill\r\nCREATE TABLE customers (\r\n    id int PRIMARY KEY,\r\n    name text\r\n);\r\n");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.kind()).isEqualTo(ValidationProblem.Kind.CHECKSUM_MISMATCH);
			assertThat(problem.detail()).contains("only in comments, whitespace or keyword case");
			assertThat(problem.fix()).startsWith("harmless");
		});
	}

	@Test
	void sqlChangeIsCalledOne(TestDatabase db) {
		this.files.write("V1__customers.sql",
				"-- customers\ncreate table customers (id bigint primary key, name text);\n");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.detail()).contains("the SQL of").contains("changed after it was applied");
			assertThat(problem.fix()).contains("new migration");
		});
	}

	@Test
	void historyRowChangedByHandIsReportedAndRepairSignsItAgain(TestDatabase db) {
		db.execute("update strata_schema_history set installed_by = 'someone_else' where version = '1'");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.kind()).isEqualTo(ValidationProblem.Kind.HISTORY_EDITED);
			assertThat(problem.migration()).isEqualTo("V1 (customers)");
			assertThat(problem.detail()).contains("installed_rank 1").contains("changed outside Strata");
		});
		RepairResult repair = Db.strata(db, this.files.location()).repair();
		assertThat(repair.realigned()).singleElement()
			.satisfies((line) -> assertThat(line).contains("V1 (customers)").contains("signed again"));
		assertThat(Db.strata(db, this.files.location()).status().problems()).isEmpty();
	}

	@Test
	void rowsWrittenByStrataStayIntactUnderOtherSessionSettings(TestDatabase db) {
		this.files.write("V2__index.sql", "create index concurrently customers_name on customers (name);")
			.write("R__view.sql", "create or replace view customer_names as select name from customers;");
		Db.strata(db, this.files.location()).migrate();
		db.execute("alter database \"" + db.name() + "\" set timezone = 'Pacific/Chatham'");
		db.execute("alter database \"" + db.name() + "\" set datestyle = 'SQL, DMY'");
		db.execute("alter database \"" + db.name() + "\" set extra_float_digits = -3");

		StatusResult status = Db.strata(db, this.files.location()).status();

		assertThat(status.problems()).isEmpty();
		assertThat(Db.column(db, "select count(*) from strata_schema_history where signature is null"))
			.containsExactly("0");
	}

}
