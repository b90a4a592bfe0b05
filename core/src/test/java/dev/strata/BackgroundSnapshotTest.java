package dev.strata;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.drift.ChangeType;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema snapshot after a run is stored in the background
 * ({@link StrataConfig#snapshotInBackground()}) without losing what a snapshot taken
 * before {@code migrate} returned guaranteed: it is stored under the run's migration
 * lock, of the catalog as it was when {@code migrate} returned; DDL on the migrated
 * tables waits for it, and every command on the target, whatever DataSource it comes
 * through, waits for it too.
 */
@StrataPostgres(databasePerTest = true)
class BackgroundSnapshotTest {

	@TempDir
	Path dir;

	private MigrationDir migrations() {
		MigrationDir files = new MigrationDir(this.dir);
		for (int i = 1; i <= 8; i++) {
			files.write("V" + i + "__table_" + i + ".sql",
					"create table t" + i + " (id bigint primary key, name text not null);\ncreate index t" + i
							+ "_name on t" + i + " (name);");
		}
		return files;
	}

	@Test
	@Timeout(60)
	void theLockIsReleasedOnlyOnceTheSnapshotIsStored(TestDatabase db) throws Exception {
		Strata strata = Db.strata(db, migrations().location());
		assertThat(strata.migrate().applied()).hasSize(8);
		// Lock first, then snapshot: a lock seen free must come with the snapshot stored.
		List<String> seen = new ArrayList<>();
		try (Connection connection = db.connect()) {
			boolean held = true;
			while (held) {
				held = MigrationLock.currentHolder(connection, "public", "strata_schema_history") != null;
				boolean stored = snapshotStored(db);
				seen.add((held ? "held" : "free") + "/" + (stored ? "stored" : "pending"));
				assertThat(held || stored).as("observed so far: %s", seen).isTrue();
			}
		}
		strata.awaitSnapshot();
		assertThat(strata.drift().state()).isEqualTo(DriftState.NO_DRIFT);
	}

	@Test
	@Timeout(60)
	void aCommandThroughAnotherDataSourceWaitsForTheSnapshot(TestDatabase db) {
		MigrationDir files = migrations();
		Db.strata(db, files.location()).migrate();
		// a new PGSimpleDataSource: another object, the same database
		DriftReport report = Db.strata(db, files.location()).drift();
		assertThat(report.state()).as(report.message()).isEqualTo(DriftState.NO_DRIFT);
	}

	@Test
	@Timeout(60)
	void aTableDroppedRightAfterMigrateReturnsIsDrift(TestDatabase db) {
		MigrationDir files = migrations();
		Strata strata = Db.strata(db, files.location());
		strata.migrate();
		// Waits for the snapshot's lock on t3, and is not part of the snapshot.
		db.execute("drop table t3");
		db.execute("alter table t4 add column note text");
		DriftReport report = strata.drift();
		assertThat(report.state()).as(report.message()).isEqualTo(DriftState.DRIFTED);
		assertThat(report.changes()).anySatisfy((change) -> {
			assertThat(change.identity()).isEqualTo("public.t3");
			assertThat(change.change()).isEqualTo(ChangeType.REMOVED);
		}).anySatisfy((change) -> {
			assertThat(change.identity()).isEqualTo("public.t4");
			assertThat(change.column("note"))
				.hasValueSatisfying((note) -> assertThat(note.change()).isEqualTo(ChangeType.ADDED));
		});
	}

	@Test
	@Timeout(60)
	void inTheForegroundTheSnapshotIsStoredBeforeMigrateReturns(TestDatabase db) throws SQLException {
		Strata strata = Db.strata(db,
				(builder) -> builder.locations(migrations().location()).snapshotInBackground(false));
		strata.migrate();
		assertThat(snapshotStored(db)).isTrue();
		try (Connection connection = db.connect()) {
			assertThat(MigrationLock.currentHolder(connection, "public", "strata_schema_history")).isNull();
		}
	}

	@Test
	@Timeout(120)
	void aMigratorThatExitsRightAfterMigrateStoresTheSnapshotFirst(TestDatabase db) throws Exception {
		MigratorProcess migrator = MigratorProcess.start(db, migrations().location(), this.dir.resolve("migrator.log"));
		assertThat(migrator.exitCode(90)).as(migrator.log()).isZero();
		assertThat(snapshotStored(db)).as(migrator.log()).isTrue();
	}

	private static boolean snapshotStored(TestDatabase db) {
		return Db.tableExists(db, "public.strata_schema_history_snapshot") && Db.count(db,
				"select count(*) from public.strata_schema_history_snapshot where kind = '#snapshot'") == 1;
	}

}
