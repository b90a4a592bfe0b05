package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.LockLostException;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrator whose lock session is cut while it works must not commit another migration,
 * and a second migrator that takes the lock at once must not apply anything twice.
 */
@StrataPostgres(databasePerTest = true)
class LockFencingTest {

	private static final int TRIALS = 8;

	/** How a migrator that lost its lock exits. */
	private static final int LOST = MigrateMain.exitCode(ErrorCategory.LOCK_TIMEOUT);

	private static final String LOCK_BACKEND = "select pid from pg_locks where locktype = 'advisory' and granted"
			+ " and objsubid = 1 and objid::bigint = "
			+ (MigrationLock.keyFor("public", "strata_schema_history") & 0xFFFFFFFFL);

	@TempDir
	Path dir;

	@Test
	@Timeout(60)
	void migrationThatWouldCommitAfterTheLockIsLostIsRolledBack(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V2__slow.sql", "create table b (id int);\nselect pg_sleep(2);")
			.write("V3__c.sql", "create table c (id int);");
		Strata strata = Db.strata(db, files.location());
		// The heartbeat beats every 5 s here, so only the fence can notice a loss within
		// the sleep.
		CompletableFuture<Void> terminator = CompletableFuture.runAsync(() -> terminateLockBackendOnceV1IsIn(db));

		LockLostException ex = catchThrowableOfType(LockLostException.class, strata::migrate);
		terminator.get(20, TimeUnit.SECONDS);

		assertThat(ex.category()).isEqualTo(ErrorCategory.LOCK_TIMEOUT);
		assertThat(ex.category()).isEqualTo(ErrorCategory.LOCK_TIMEOUT);
		assertThat(ex.getMessage()).contains("Lost the migration lock on public.strata_schema_history")
			.contains("V2 (slow) was rolled back before it could commit: nothing of it is applied")
			.contains("safe to run the migrator again");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
		assertThat(Db.tableExists(db, "b")).isFalse();
		assertThat(Db.tableExists(db, "c")).isFalse();
		assertThat(strata.migrate().applied()).hasSize(2);
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true");
	}

	/**
	 * The fault the issue reported: the lock backend terminated mid-run and a second
	 * migrator started at once, in processes of their own, with {@code IF NOT EXISTS}
	 * migrations that would let both apply the same version.
	 */
	@Test
	@Timeout(180)
	void lockBackendTerminatedMidRunWithASecondMigratorStartingAtOnce(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations"));
		for (int v = 1; v <= 6; v++) {
			files.write("V" + v + "__t" + v + ".sql",
					"create table if not exists t" + v + " (id int);\nselect pg_sleep(0.25);");
		}
		Map<String, Integer> outcomes = new TreeMap<>();
		int duplicates = 0;
		for (int trial = 0; trial < TRIALS; trial++) {
			db.execute("drop schema public cascade; create schema public");
			MigratorProcess first = MigratorProcess.start(db, files.location(),
					this.dir.resolve("first-" + trial + ".log"));
			terminateLockBackendOnceV1IsIn(db);
			MigratorProcess second = MigratorProcess.start(db, files.location(),
					this.dir.resolve("second-" + trial + ".log"));
			int firstExit = first.exitCode(60);
			int secondExit = second.exitCode(60);
			outcomes.merge("first exit " + firstExit, 1, Integer::sum);
			outcomes.merge("second exit " + secondExit, 1, Integer::sum);
			assertThat(firstExit).as("first migrator: %s", first.log()).isIn(0, LOST);
			assertThat(secondExit).as("second migrator: %s", second.log()).isZero();
			duplicates += Db.count(db,
					"select count(*) - count(distinct version) from strata_schema_history" + " where success");
			assertThat(Db.history(db)).as("trial %d", trial)
				.containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true", "4|SQL|true", "5|SQL|true", "6|SQL|true");
		}
		System.out
			.println("Lock fencing trials: " + TRIALS + ", outcomes " + outcomes + ", duplicate rows " + duplicates);
		assertThat(duplicates).isZero();
		// The first migrator notices the loss unless it finished first; at least most
		// trials cut it mid-run.
		assertThat(outcomes.getOrDefault("first exit " + LOST, 0)).isGreaterThan(TRIALS / 2);
	}

	/**
	 * A DBA's {@code idle_session_timeout} of 2 s on the migrating role, and migrations
	 * that each take longer: the lock's connection must stay busy, and so must a second
	 * migrator's connection while it waits.
	 */
	@Test
	@Timeout(90)
	void lockSurvivesAnIdleSessionTimeoutShorterThanTheMigrations(TestDatabase db) throws Exception {
		db.execute(
				"create role short_idle login password 'short_idle'; alter role short_idle set idle_session_timeout = '2s';"
						+ " grant all on schema public to short_idle");
		MigrationDir files = new MigrationDir(this.dir)
			.write("V1__a.sql", "create table a (id int);\nselect pg_sleep(2.5);")
			.write("V2__b.sql", "create table b (id int);\nselect pg_sleep(2.5);");
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(db.jdbcUrl());
		dataSource.setUser("short_idle");
		dataSource.setPassword("short_idle");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<MigrateResult>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Strata strata = new Strata(StrataConfig.builder(dataSource)
					.locations(files.location())
					.lockWaitTimeout(Duration.ofSeconds(60))
					.build());
				results.add(pool.submit(() -> {
					start.await();
					return strata.migrate();
				}));
			}
			int applied = 0;
			for (Future<MigrateResult> result : results) {
				applied += result.get(60, TimeUnit.SECONDS).applied().size();
			}
			assertThat(applied).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
	}

	/**
	 * Waits until V1 is recorded, then terminates the session that holds the migration
	 * lock.
	 */
	private static void terminateLockBackendOnceV1IsIn(TestDatabase db) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < deadline) {
				boolean v1 = Db.tableExists(db, "public.strata_schema_history") && Db.count(db,
						"select count(*) from strata_schema_history where version = '1' and success") > 0;
				if (v1) {
					try (var rs = statement
						.executeQuery("select pg_terminate_backend(pid) from (" + LOCK_BACKEND + ") l")) {
						if (rs.next()) {
							return;
						}
					}
				}
				Thread.sleep(20);
			}
			throw new IllegalStateException("V1 was never applied under the lock");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
