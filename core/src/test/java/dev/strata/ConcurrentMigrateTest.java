package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.LockTimeoutException;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class ConcurrentMigrateTest {

	private static final int MIGRATORS = 6;

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir)
			.write("V1__items.sql",
					"create table items (id int primary key, a int);\n"
							+ "insert into items select g, g from generate_series(1, 1000) g;")
			.write("V2__index.sql", "create index concurrently items_a on items (a);")
			.write("V3__orders.sql", "create table orders (id int, item int references items);")
			.write("R__view.sql",
					"create or replace view item_orders as select items.id, a, orders.id as order_id from items join orders on item = items.id;");
	}

	@Test
	@Timeout(120)
	void migratorsRacingInOneJvmApplyEveryMigrationExactlyOnce(TestDatabase db) throws Exception {
		CyclicBarrier start = new CyclicBarrier(MIGRATORS);
		ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS);
		try {
			List<Future<MigrateResult>> results = new ArrayList<>();
			for (int i = 0; i < MIGRATORS; i++) {
				Strata strata = Db.strata(db, this.files.location());
				results.add(pool.submit(() -> {
					start.await();
					return strata.migrate();
				}));
			}
			int applied = 0;
			for (Future<MigrateResult> result : results) {
				MigrateResult migrated = result.get(100, TimeUnit.SECONDS);
				applied += migrated.applied().size();
				assertThat(migrated.currentVersion()).isEqualTo("3");
			}
			assertThat(applied).isEqualTo(4);
		}
		finally {
			pool.shutdownNow();
		}
		assertAppliedOnce(db);
	}

	@Test
	@Timeout(120)
	void migratorProcessesRacingApplyEveryMigrationExactlyOnce(TestDatabase db) throws Exception {
		List<MigratorProcess> migrators = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			migrators.add(MigratorProcess.start(db, this.files.location(),
					this.dir.resolveSibling(this.dir.getFileName() + "-migrator-" + i + ".log")));
		}
		for (MigratorProcess migrator : migrators) {
			assertThat(migrator.exitCode(100)).as("exit code of a migrator; output:%n%s", migrator.log()).isZero();
		}
		assertAppliedOnce(db);
	}

	@Test
	@Timeout(60)
	void migratorGivesUpWaitingForTheLockAndNamesTheHolder(TestDatabase db) throws Exception {
		try (Connection holder = db.connect();
				PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?), pg_backend_pid()")) {
			lock.setLong(1, MigrationLock.keyFor("public", "strata_schema_history"));
			int holderPid;
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				holderPid = rs.getInt(2);
			}

			LockTimeoutException ex = catchThrowableOfType(LockTimeoutException.class,
					() -> Db
						.strata(db,
								(builder) -> builder.locations(this.files.location())
									.lockWaitTimeout(Duration.ofSeconds(2)))
						.migrate());

			assertThat(ex.category()).isEqualTo(ErrorCategory.LOCK_TIMEOUT);
			assertThat(ex.holder()).isNotNull();
			assertThat(ex.holder().pid()).isEqualTo(holderPid);
			assertThat(ex.getMessage()).contains("pid " + holderPid)
				.contains("public.strata_schema_history")
				.contains("strata.lock-wait-timeout");
			assertThat(Db.tableExists(db, "items")).isFalse();
		}
		assertThat(Db.strata(db, this.files.location()).migrate().applied()).hasSize(4);
	}

	private static void assertAppliedOnce(TestDatabase db) {
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true",
				"R:view|SQL_REPEATABLE|true");
		assertThat(Db.count(db, "select count(*) from items")).isEqualTo(1000);
		assertThat(db.queryForObject("select indisvalid from pg_index where indexrelid = 'items_a'::regclass",
				Boolean.class))
			.isTrue();
		assertThat(Db.tableExists(db, "orders")).isTrue();
		assertThat(Db.tableExists(db, "item_orders")).isTrue();
	}

}
