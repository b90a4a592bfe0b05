package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import dev.strata.execute.internal.MigrationLock;
import dev.strata.plan.MigrationStatus;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class StatusTest {

	@TempDir
	Path dir;

	@Test
	void statusBeforeAnyMigrationListsEverythingPendingAndCreatesNothing(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("R__v.sql", "create or replace view v as select 1;");

		StatusResult status = Db.strata(db, files.location()).status();

		assertThat(status.historyExists()).isFalse();
		assertThat(status.currentVersion()).isNull();
		assertThat(status.migrations()).extracting((s) -> s.displayName() + " " + s.state())
			.containsExactly("V1 (a) PENDING", "R (v) PENDING");
		assertThat(status.isValid()).isTrue();
		assertThat(status.isUpToDate()).isFalse();
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
	}

	@Test
	void statusListsAppliedPendingAndFutureMigrations(TestDatabase db, @TempDir Path newer, @TempDir Path older) {
		MigrationDir current = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V2__b.sql", "create table b (id int);");
		Db.strata(db, current.location()).migrate();

		MigrationDir nextRelease = new MigrationDir(newer).write("V1__a.sql", "create table a (id int);")
			.write("V2__b.sql", "create table b (id int);")
			.write("V3__c.sql", "create table c (id int);");
		StatusResult ahead = Db.strata(db, nextRelease.location()).status();
		assertThat(ahead.migrations()).extracting((s) -> s.version() + " " + s.state())
			.containsExactly("1 APPLIED", "2 APPLIED", "3 PENDING");
		assertThat(ahead.pending()).extracting(MigrationStatus::script).containsExactly("V3__c.sql");
		assertThat(ahead.currentVersion()).isEqualTo("2");
		assertThat(ahead.migrations().get(0).installedOn()).isNotNull();

		MigrationDir previousRelease = new MigrationDir(older).write("V1__a.sql", "create table a (id int);");
		StatusResult behind = Db.strata(db, previousRelease.location()).status();
		assertThat(behind.migrations()).extracting((s) -> s.version() + " " + s.state())
			.containsExactly("1 APPLIED", "2 FUTURE");
		assertThat(behind.isValid()).isTrue();
		assertThat(behind.isUpToDate()).isTrue();
	}

	@Test
	@Timeout(30)
	void statusDoesNotTakeTheMigrationLock(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);");
		Db.strata(db, files.location()).migrate();
		files.write("V2__b.sql", "create table b (id int);");

		try (Connection holder = db.connect();
				PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?)")) {
			lock.setLong(1, MigrationLock.keyFor("public", "strata_schema_history"));
			lock.execute();

			// Would fail with LockTimeoutException after 200 ms if it waited for the
			// lock.
			StatusResult status = Db
				.strata(db, (builder) -> builder.locations(files.location()).lockWaitTimeout(Duration.ofMillis(200)))
				.status();

			assertThat(status.pending()).extracting(MigrationStatus::version).containsExactly("2");
		}
	}

}
