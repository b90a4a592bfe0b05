package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.strata.execute.LockMode;
import dev.strata.execute.LockSettings;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lease lock without a pooler in front: several migrators creating its table and
 * taking it at once. (Which catalog error a lost creation race raises varies; the
 * PgBouncer test once met 42710.)
 */
@StrataPostgres(databasePerTest = true)
class LeaseLockTest {

	private static final int MIGRATORS = 6;

	@Test
	@Timeout(120)
	void migratorsTakingANewLeaseAtOnceHoldItOneAfterAnother(TestDatabase db) throws Exception {
		LockSettings settings = new LockSettings(LockMode.LEASE, Duration.ofSeconds(60), Duration.ofSeconds(30));
		ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS);
		try {
			for (int round = 0; round < 5; round++) {
				db.execute("drop table if exists strata_schema_history_lock");
				CyclicBarrier start = new CyclicBarrier(MIGRATORS);
				List<Future<Long>> tokens = new ArrayList<>();
				for (int i = 0; i < MIGRATORS; i++) {
					tokens.add(pool.submit(() -> {
						start.await();
						try (MigrationLock lock = MigrationLock.acquire(db.dataSource(), null, "public",
								"strata_schema_history", settings, MigrationLock.WhileWaiting.NOTHING)) {
							assertThat(lock.mode()).isEqualTo(LockMode.LEASE);
							return Db.count(db, "select token from strata_schema_history_lock where not released");
						}
					}));
				}
				List<Long> seen = new ArrayList<>();
				for (Future<Long> token : tokens) {
					seen.add(token.get(60, TimeUnit.SECONDS));
				}
				// Each holder saw its own token while it held the lease: one after
				// another, never two at once.
				assertThat(seen).as("round %d", round).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
