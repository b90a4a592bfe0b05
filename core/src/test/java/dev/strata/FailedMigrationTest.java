package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.targets.MigrationTarget;
import dev.strata.execute.MigrationFailedException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class FailedMigrationTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@Test
	void failingStatementRollsBackItsMigrationAndKeepsTheEarlierOnes(TestDatabase db) {
		this.files.write("V2__orders.sql", """
				create table orders (id int);

				-- the customer table was never created
				insert into customers (id) values (1);
				""");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(ex.line()).isEqualTo(4);
		assertThat(ex.sqlState()).isEqualTo("42P01");
		assertThat(ex.rolledBack()).isTrue();
		assertThat(ex.getMessage()).contains("V2 (orders)")
			.contains(this.files.describe("V2__orders.sql") + ":4")
			.contains("insert into customers (id) values (1)")
			.contains("relation \"customers\" does not exist")
			.contains("SQLState 42P01")
			.contains("rolled back");
		assertThat(Db.tableExists(db, "init")).isTrue();
		assertThat(Db.tableExists(db, "orders")).isFalse();
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void failingStatementInTheMiddleOfABatchOfDdlIsIdentified(TestDatabase db) {
		this.files.write("V2__batch.sql", """
				create table b1 (id int);
				create table b2 (id int);
				alter table no_such_table add column x int;
				create table b3 (id int);
				create index b1_id on b1 (id);
				""");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.statement()).isEqualTo("alter table no_such_table add column x int");
		assertThat(ex.getMessage()).contains("V2__batch.sql:3").contains("\"no_such_table\" does not exist");
		assertThat(Db.tableExists(db, "b1")).isFalse();
		assertThat(Db.tableExists(db, "b2")).isFalse();
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void failingStatementAfterASelectIsIdentified(TestDatabase db) {
		this.files.write("V2__after_select.sql", """
				create table c1 (id int);
				select count(*) from c1;
				create table c2 (id int);
				insert into c2 values (1);
				insert into c2 values ('not a number');
				create table c3 (id int);
				""");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.line()).isEqualTo(5);
		assertThat(ex.statement()).isEqualTo("insert into c2 values ('not a number')");
		assertThat(ex.sqlState()).isEqualTo("22P02");
		assertThat(Db.tableExists(db, "c1")).isFalse();
	}

	@Test
	void failingStatementIsIdentifiedAmongManyIdenticalOnes(TestDatabase db) {
		// Twelve inserts succeed, the thirteenth divides by zero: entry 12 of the batch,
		// not entry 2.
		StringBuilder sql = new StringBuilder("create table counter (n int);\n");
		for (int i = 0; i < 13; i++) {
			sql.append("insert into counter select 1 / (12 - count(*)) from counter;\n");
		}
		this.files.write("V2__counter.sql", sql.toString());

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.sqlState()).isEqualTo("22012");
		assertThat(ex.line()).isEqualTo(14);
	}

	@Test
	void failingStatementIsIdentifiedWhenTheDriverHidesStatementText(TestDatabase db) {
		this.files.write("V2__batch.sql", """
				create table d1 (id int);
				create table d2 (id int);
				alter table no_such_table add column x int;
				""");
		org.postgresql.ds.PGSimpleDataSource dataSource = (org.postgresql.ds.PGSimpleDataSource) db.dataSource();
		dataSource.setLogServerErrorDetail(false);

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> new Strata(StrataConfig.builder(dataSource).locations(this.files.location()).build()).migrate());

		assertThat(ex.line()).isEqualTo(3);
	}

	@Test
	void listenersHearStartedAppliedAndFailed(TestDatabase db) {
		this.files.write("V2__broken.sql", "select * from nowhere;");
		List<String> events = new ArrayList<>();
		dev.strata.execute.MigrationListener listener = new dev.strata.execute.MigrationListener() {

			@Override
			public void started(MigrationTarget target, dev.strata.migration.PreparedMigration migration) {
				events.add("started " + migration.migration().script());
			}

			@Override
			public void applied(MigrationTarget target, dev.strata.migration.PreparedMigration migration,
					java.time.Duration duration) {
				events.add("applied " + migration.migration().script());
			}

			@Override
			public void failed(MigrationTarget target, dev.strata.migration.PreparedMigration migration,
					java.time.Duration duration, MigrationFailedException failure) {
				events.add("failed " + migration.migration().script() + " " + failure.sqlState());
			}

		};

		catchThrowableOfType(MigrationFailedException.class,
				() -> Db.strata(db, (builder) -> builder.locations(this.files.location()).listener(listener))
					.migrate());

		assertThat(events).containsExactly("started V1__init.sql", "applied V1__init.sql", "started V2__broken.sql",
				"failed V2__broken.sql 42P01");
	}

}
