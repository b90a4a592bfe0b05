package dev.strata.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;

import dev.strata.Strata;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When snapshots are taken, and what a check says without one. */
@StrataPostgres(databasePerTest = true)
class SnapshotLifecycleTest {

	@Test
	void noSnapshotBeforeTheFirstMigrate(TestDatabase database, @TempDir Path directory) {
		DriftReport report = new DriftFixture(directory, database.dataSource()).strata().drift();
		assertThat(report.state()).isEqualTo(DriftState.NO_SNAPSHOT);
		assertThat(report.snapshot()).isNull();
	}

	@Test
	void firstMigrateWithNothingPendingStoresAMissingSnapshot(TestDatabase database, @TempDir Path directory) {
		Strata strata = new DriftFixture(directory, database.dataSource()).migration("create table t (a int)").strata();
		strata.migrate();
		strata.awaitSnapshot();
		database.execute("drop table strata_schema_history_snapshot");
		assertThat(strata.drift().state()).isEqualTo(DriftState.NO_SNAPSHOT);
		assertThat(strata.migrate().applied()).isEmpty();
		DriftReport report = strata.drift();
		assertThat(report.state()).isEqualTo(DriftState.NO_DRIFT);
		assertThat(report.snapshot().reason()).isEqualTo("MIGRATE");
	}

	@Test
	void migrateWithNothingPendingLeavesTheSnapshotAlone(TestDatabase database, @TempDir Path directory) {
		Strata strata = new DriftFixture(directory, database.dataSource()).migration("create table t (a int)").strata();
		strata.migrate();
		strata.awaitSnapshot();
		database.execute("alter table t add column b int");
		Timestamp before = database.queryForObject("select max(taken_at) from strata_schema_history_snapshot",
				Timestamp.class);
		strata.migrate();
		assertThat(database.queryForObject("select max(taken_at) from strata_schema_history_snapshot", Timestamp.class))
			.isEqualTo(before);
		assertThat(strata.drift().state()).isEqualTo(DriftState.DRIFTED);
	}

	@Test
	void emptyMigrationDirectoryStillGetsASnapshot(TestDatabase database, @TempDir Path directory) {
		Strata strata = new DriftFixture(directory, database.dataSource()).strata();
		strata.migrate();
		assertThat(strata.drift().state()).isEqualTo(DriftState.NO_DRIFT);
	}

	@Test
	void baselineStoresASnapshot(TestDatabase database, @TempDir Path directory) {
		database.execute("create table legacy (id int primary key, name text)");
		Strata strata = new DriftFixture(directory, database.dataSource()).strata();
		strata.baseline();
		DriftReport report = strata.drift();
		assertThat(report.state()).isEqualTo(DriftState.NO_DRIFT);
		assertThat(report.snapshot().reason()).isEqualTo("BASELINE");
		database.execute("alter table legacy drop column name");
		assertThat(strata.drift()
			.change(ObjectKind.TABLE, "public.legacy")
			.orElseThrow()
			.column("name")
			.orElseThrow()
			.change()).isEqualTo(ChangeType.REMOVED);
	}

	@Test
	void baselineOnMigrateStoresASnapshot(TestDatabase database, @TempDir Path directory) {
		database.execute("create table legacy (id int primary key)");
		Strata strata = new DriftFixture(directory, database.dataSource()).migration("select 1")
			.migration("create table fresh (id int)")
			.strata((builder) -> builder.baselineOnMigrate(true).baselineVersion("1"));
		assertThat(strata.migrate().baselined()).isTrue();
		DriftReport report = strata.drift();
		assertThat(report.state()).as(report.describe()).isEqualTo(DriftState.NO_DRIFT);
		assertThat(report.snapshot().objectCount()).isGreaterThan(2);
	}

	@Test
	void coversTheConfiguredSchemas(TestDatabase database, @TempDir Path directory) {
		Strata strata = new DriftFixture(directory, database.dataSource())
			.migration("create schema app; create table app.item (id int); create table public.t (a int)")
			.strata((builder) -> builder.driftSchemas("app", "public"));
		strata.migrate();
		database.execute("alter table app.item add column name text");
		DriftReport report = strata.drift();
		assertThat(report.schemas()).containsExactly("app", "public");
		assertThat(report.change(ObjectKind.TABLE, "app.item")).isPresent();
		Strata historySchemaOnly = new DriftFixture(directory, database.dataSource()).strata();
		DriftReport other = historySchemaOnly.drift();
		assertThat(other.state()).isEqualTo(DriftState.REBASELINE_NEEDED);
		assertThat(other.message()).contains("\"app\", \"public\"");
	}

	@Test
	void acceptDriftNeedsAHistory(TestDatabase database, @TempDir Path directory) {
		Strata strata = new DriftFixture(directory, database.dataSource()).strata();
		org.assertj.core.api.Assertions.assertThatThrownBy(strata::acceptDrift)
			.isInstanceOf(dev.strata.error.StrataException.class)
			.hasMessageContaining("migrate or baseline first");
	}

}
