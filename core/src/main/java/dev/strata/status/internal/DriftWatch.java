package dev.strata.status.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import dev.strata.Strata;
import dev.strata.error.StrataException;
import dev.strata.status.DriftCheck;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cheap drift check for the status views and remembers its last result, so that
 * a failed or skipped check leaves the previous report in place (with its check time,
 * which then ages). One check runs at a time: the background refresh and any number of
 * readers asking for a fresh report share it.
 */
final class DriftWatch {

	private static final Logger logger = LoggerFactory.getLogger(DriftWatch.class);

	private final Strata strata;

	private final ReentrantLock checking = new ReentrantLock();

	private final AtomicLong checks = new AtomicLong();

	private volatile DriftCheck latest = DriftCheck.NONE;

	/** When the latest check was attempted, whatever came of it. */
	private volatile @Nullable Instant attemptedAt;

	DriftWatch(Strata strata) {
		this.strata = strata;
	}

	/** The last result, without touching the database. */
	DriftCheck latest() {
		return this.latest;
	}

	/** How many checks were made (each reached the database, or tried to). */
	long checks() {
		return this.checks.get();
	}

	/**
	 * Checks now: one query in the regular case, a few more only when something differs.
	 */
	DriftCheck check(Instant now) {
		this.checking.lock();
		try {
			return run(now);
		}
		finally {
			this.checking.unlock();
		}
	}

	/**
	 * The latest result if the latest check was attempted at most {@code maxAge} before
	 * {@code now}, else the result of a new check. Callers that arrive while a check runs
	 * wait for it and share its result, however old they allow it to be. A check that
	 * finds drift while a migration runs ({@code migrating}, asked only then, so the
	 * regular case stays one query) is discarded and the last result kept: a half-done
	 * migration is not drift.
	 */
	DriftCheck checkIfOlderThan(Duration maxAge, Instant now, BooleanSupplier migrating) {
		if (isFresh(maxAge, now)) {
			return this.latest;
		}
		long seen = this.checks.get();
		this.checking.lock();
		try {
			if (this.checks.get() != seen || isFresh(maxAge, now)) {
				return this.latest;
			}
			DriftCheck previous = this.latest;
			DriftCheck result = run(now);
			if (result.drifted() && migrating.getAsBoolean()) {
				this.latest = previous;
				return previous;
			}
			return result;
		}
		finally {
			this.checking.unlock();
		}
	}

	private boolean isFresh(Duration maxAge, Instant now) {
		Instant attempted = this.attemptedAt;
		return attempted != null && !attempted.plus(maxAge).isBefore(now);
	}

	private DriftCheck run(Instant now) {
		DriftCheck result;
		try {
			result = new DriftCheck(this.strata.drift(), null);
		}
		catch (StrataException ex) {
			logger.debug("Could not check for schema drift", ex);
			result = this.latest.failed(ex.getMessage());
		}
		this.latest = result;
		this.attemptedAt = now;
		this.checks.incrementAndGet();
		return result;
	}

}
