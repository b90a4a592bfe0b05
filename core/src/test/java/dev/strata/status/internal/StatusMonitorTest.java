package dev.strata.status.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectKind;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.guard.Outcome;
import dev.strata.migration.Migration;
import dev.strata.test.CountingDataSource;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import dev.strata.status.DriftCheck;
import dev.strata.status.MigrationProgress;
import dev.strata.status.MigrationReview;
import dev.strata.status.OverallState;
import dev.strata.status.StatusSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status cache behind the endpoint, health and metrics: reads hit the database at
 * most once per interval, and a running migration is reported from memory.
 */
@StrataPostgres(databasePerTest = true)
class StatusMonitorTest {

	@TempDir
	Path migrations;

	@Test
	void readsWithinTheIntervalAreServedWithoutTouchingTheDatabase(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		CountingDataSource counting = new CountingDataSource(database.dataSource());
		Strata strata = strata(counting);
		strata.migrate();
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5));

		StatusSnapshot first = monitor.current();
		int afterFirst = counting.connections();
		for (int i = 0; i < 50; i++) {
			assertThat(monitor.current()).isSameAs(first);
		}

		assertThat(first.state()).isEqualTo(OverallState.UP_TO_DATE);
		assertThat(first.status().currentVersion()).isEqualTo("1");
		assertThat(counting.connections()).isEqualTo(afterFirst);
	}

	@Test
	void staleSnapshotIsReadAgainAndSeesNewPendingMigrations(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMillis(50));
		assertThat(monitor.current().state()).isEqualTo(OverallState.UP_TO_DATE);

		write("V2__two.sql", "create table two (id int);");
		Thread.sleep(120);

		StatusSnapshot later = monitor.current();
		assertThat(later.state()).isEqualTo(OverallState.PENDING);
		assertThat(later.status().pending()).hasSize(1);
	}

	@Test
	void invalidHistoryIsFailed(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		write("V1__one.sql", "create table one (id bigint);");

		StatusSnapshot snapshot = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5)).current();

		assertThat(snapshot.state()).isEqualTo(OverallState.FAILED);
		assertThat(snapshot.status().problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.detail()).contains("changed after it was applied"));
	}

	@Test
	void unreachableDatabaseIsUnknownWithTheReason(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
		nowhere.setConnectTimeout(2);

		StatusSnapshot snapshot = new StatusMonitor(strata(nowhere), new MigrationProgress(), Duration.ofMinutes(5))
			.current();

		assertThat(snapshot.state()).isEqualTo(OverallState.UNKNOWN);
		assertThat(snapshot.error()).contains("Could not connect");
	}

	@Test
	@Timeout(30)
	void runningMigrationIsReportedFromMemoryWithProgress(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		write("V2__slow.sql", "select pg_sleep(3);");
		CountingDataSource counting = new CountingDataSource(database.dataSource());
		MigrationProgress progress = new MigrationProgress();
		Strata strata = new Strata(
				StrataConfig.builder(counting).locations("filesystem:" + this.migrations).listener(progress).build());
		StatusMonitor monitor = new StatusMonitor(strata, progress, Duration.ofMinutes(5));

		CompletableFuture<?> migration = CompletableFuture.runAsync(strata::migrate);
		while (progress.current().map((p) -> p.current() == null || !p.current().startsWith("V2")).orElse(true)) {
			Thread.sleep(20);
		}
		int connectionsBefore = counting.connections();
		StatusSnapshot during = monitor.current();
		int connectionsDuring = counting.connections() - connectionsBefore;
		migration.get(20, TimeUnit.SECONDS);

		assertThat(during.state()).isEqualTo(OverallState.MIGRATING);
		assertThat(during.progress().done()).isEqualTo(1);
		assertThat(during.progress().total()).isEqualTo(2);
		assertThat(during.progress().current()).isEqualTo("V2 (slow)");
		assertThat(connectionsDuring).isZero();
		assertThat(monitor.current().state()).isEqualTo(OverallState.UP_TO_DATE);
	}

	@Test
	void driftFoundByTheRefreshMakesAnUpToDateSchemaDrifted(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		database.execute("alter table one add column note text");

		StatusSnapshot snapshot = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5)).current();

		assertThat(snapshot.state()).isEqualTo(OverallState.DRIFTED);
		assertThat(snapshot.drift().state()).isEqualTo(DriftState.DRIFTED);
		assertThat(snapshot.drift().changedObjects()).isEqualTo(1);
		assertThat(snapshot.drift().checkedAt()).isNotNull();
		assertThat(snapshot.drift().snapshotTakenAt()).isNotNull();
		assertThat(snapshot.drift().report().change(ObjectKind.TABLE, "public.one")).isPresent();
	}

	@Test
	void pendingAndFailedWinOverDrift(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		database.execute("create index one_id on one (id)");
		write("V2__two.sql", "create table two (id int);");

		StatusSnapshot pending = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5)).current();
		write("V1__one.sql", "create table one (id bigint);");
		StatusSnapshot failed = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5)).current();

		assertThat(pending.state()).isEqualTo(OverallState.PENDING);
		assertThat(pending.drift().drifted()).isTrue();
		assertThat(failed.state()).isEqualTo(OverallState.FAILED);
		assertThat(failed.drift().drifted()).isTrue();
	}

	@Test
	void driftIsNotCheckedWhileAnotherProcessHoldsTheLockAndTheLastResultIsKept(TestDatabase database)
			throws Exception {
		write("V1__one.sql", "create table one (id int);");
		CountingDataSource counting = new CountingDataSource(database.dataSource());
		Strata strata = strata(counting);
		strata.migrate();
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5));
		StatusSnapshot before = monitor.current();
		database.execute("alter table one add column half_done int");

		StatusSnapshot during;
		int connections;
		try (MigrationLock lock = MigrationLock.acquire(database.dataSource(), "public", "strata_schema_history",
				Duration.ofSeconds(5))) {
			int connectionsBefore = counting.connections();
			during = monitor.refresh();
			connections = counting.connections() - connectionsBefore;
		}
		StatusSnapshot after = monitor.refresh();

		assertThat(before.drift().state()).isEqualTo(DriftState.NO_DRIFT);
		assertThat(during.state()).isEqualTo(OverallState.MIGRATING);
		assertThat(during.lockHolder()).isNotNull();
		assertThat(during.drift()).isSameAs(before.drift());
		assertThat(connections).as("status and lock holder only").isEqualTo(2);
		assertThat(after.state()).isEqualTo(OverallState.DRIFTED);
		assertThat(after.drift().checkedAt()).isAfter(before.drift().checkedAt());
	}

	@Test
	void anExplicitDriftReadChecksAgainOnlyWhenTheLastCheckIsOlderThanItAllows(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		CountingDataSource counting = new CountingDataSource(database.dataSource());
		Strata strata = strata(counting);
		strata.migrate();
		MutableClock clock = new MutableClock();
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5), clock);
		StatusSnapshot cached = monitor.current();
		database.execute("alter table one add column by_hand int");

		DriftCheck recent = monitor.drift(Duration.ofSeconds(5));
		int connections = counting.connections();
		clock.advance(Duration.ofSeconds(6));
		DriftCheck fresh = monitor.drift(Duration.ofSeconds(5));

		assertThat(recent).as("checked within the last 5 s").isSameAs(cached.drift());
		assertThat(fresh.state()).isEqualTo(DriftState.DRIFTED);
		assertThat(counting.connections() - connections).as("the check, and whether a migrator holds the lock")
			.isEqualTo(2);
		assertThat(monitor.current()).as("the status keeps its cache").isSameAs(cached);
		assertThat(monitor.drift(Duration.ofSeconds(5))).isSameAs(fresh);
	}

	@Test
	void driftFoundByAnExplicitReadWhileAnotherProcessHoldsTheLockIsDiscarded(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5));
		DriftCheck before = monitor.drift(Duration.ZERO);
		database.execute("alter table one add column half_done int");

		DriftCheck during;
		try (MigrationLock lock = MigrationLock.acquire(database.dataSource(), "public", "strata_schema_history",
				Duration.ofSeconds(5))) {
			during = monitor.drift(Duration.ZERO);
		}
		DriftCheck after = monitor.drift(Duration.ZERO);

		assertThat(before.state()).isEqualTo(DriftState.NO_DRIFT);
		assertThat(during).as("a half-done migration is not drift").isSameAs(before);
		assertThat(after.state()).isEqualTo(DriftState.DRIFTED);
	}

	@Test
	void withoutASuccessfulCheckTheDriftIsUnknown(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
		nowhere.setConnectTimeout(2);

		DriftCheck drift = new StatusMonitor(strata(nowhere), new MigrationProgress(), Duration.ofMinutes(5)).current()
			.drift();

		assertThat(drift.state()).isNull();
		assertThat(drift.changedObjects()).isEqualTo(-1);
		assertThat(drift.checkedAt()).isNull();
	}

	@Test
	void noSnapshotYetLeavesTheChangedObjectsUnknown(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");

		StatusSnapshot snapshot = new StatusMonitor(strata(database.dataSource()), new MigrationProgress(),
				Duration.ofMinutes(5))
			.current();

		assertThat(snapshot.state()).isEqualTo(OverallState.PENDING);
		assertThat(snapshot.drift().state()).isEqualTo(DriftState.NO_SNAPSHOT);
		assertThat(snapshot.drift().changedObjects()).isEqualTo(-1);
		assertThat(snapshot.drift().checkedAt()).isNotNull();
	}

	@Test
	void migrationsCarryTheGuardsFindingsComputedOncePerFile(TestDatabase database) throws Exception {
		write("V1__one.sql", "create table one (id int);");
		Strata strata = strata(database.dataSource());
		strata.migrate();
		write("V2__drop.sql", "create table two (id int);\n\ndrop table one;");
		write("V3__broken.sql", "select 'unterminated;");
		StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5));

		StatusSnapshot first = monitor.refresh();
		StatusSnapshot second = monitor.refresh();

		MigrationReview drop = first.review(file(first, "V2__drop.sql")).orElseThrow();
		assertThat(drop.assessments()).singleElement().satisfies((assessment) -> {
			assertThat(assessment.finding().ruleId()).isEqualTo("drop-table");
			assertThat(assessment.finding().line()).isEqualTo(3);
			assertThat(assessment.outcome()).isEqualTo(Outcome.REFUSED);
		});
		assertThat(first.review(file(first, "V1__one.sql")).orElseThrow().assessments()).isEmpty();
		assertThat(first.review(file(first, "V3__broken.sql")).orElseThrow().error()).contains("V3__broken.sql");
		assertThat(second.review(file(second, "V2__drop.sql")).orElseThrow()).isSameAs(drop);
	}

	private static Migration file(StatusSnapshot snapshot, String script) {
		return snapshot.status()
			.migrations()
			.stream()
			.filter((migration) -> migration.script().equals(script))
			.findFirst()
			.orElseThrow()
			.migration();
	}

	/** A clock the test moves. */
	private static final class MutableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	private Strata strata(DataSource dataSource) {
		return new Strata(StrataConfig.builder(dataSource).locations("filesystem:" + this.migrations).build());
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.migrations.resolve(name), sql);
	}

}
