package dev.strata.execute.internal;

import java.sql.SQLException;
import java.time.Duration;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockTimeoutException;

/**
 * Waits for the migration lock, whichever mechanism holds it: tries, backs off up to a
 * second, names the holder every few seconds, and gives up after the configured wait.
 */
final class LockWait {

	private static final Logger logger = LoggerFactory.getLogger(LockWait.class);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	private LockWait() {
	}

	/**
	 * Tries until {@code attempt} succeeds and returns how long that took.
	 * @param whileWaiting run between tries, e.g. to keep the waiting migrator's own
	 * connection from being cut as idle
	 * @throws LockTimeoutException if the lock is not free within {@code maxWait}
	 */
	static Duration until(String table, Duration maxWait, Attempt attempt, HolderLookup holder,
			MigrationLock.WhileWaiting whileWaiting) throws SQLException {
		long start = System.nanoTime();
		long deadline = start + maxWait.toNanos();
		long nextReport = start + REPORT_EVERY.toNanos();
		long sleepMillis = 50;
		while (!attempt.tryOnce()) {
			long now = System.nanoTime();
			if (now >= deadline) {
				throw new LockTimeoutException(table, maxWait, holder.find());
			}
			if (now >= nextReport) {
				LockHolder current = holder.find();
				logger.info("Waiting for the migration lock on {}: held by {} (waited {} s of {} s). {}", table,
						(current != null) ? current : "nobody (just released)",
						Duration.ofNanos(now - start).toSeconds(), maxWait.toSeconds(),
						(current != null) ? current.wayOut() : "");
				nextReport = now + REPORT_EVERY.toNanos();
			}
			whileWaiting.run();
			sleep(Math.min(sleepMillis, Math.max(1, (deadline - now) / 1_000_000)));
			sleepMillis = Math.min(sleepMillis * 2, 1000);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StrataException(ErrorCategory.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock");
		}
	}

	/** One try at the lock. */
	@FunctionalInterface
	interface Attempt {

		boolean tryOnce() throws SQLException;

	}

	/** Who holds the lock now, {@code null} if nobody. */
	@FunctionalInterface
	interface HolderLookup {

		@Nullable LockHolder find() throws SQLException;

	}

}
