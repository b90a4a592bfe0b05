package dev.strata.status.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.strata.StatusResult;
import dev.strata.Strata;
import dev.strata.error.StrataException;
import dev.strata.execute.LockHolder;
import dev.strata.execute.internal.MigrationLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.status.DriftCheck;
import dev.strata.status.MigrationProgress;
import dev.strata.status.OverallState;
import dev.strata.status.StatusSnapshot;

/**
 * Keeps a {@link StatusSnapshot} fresh: reads are answered from memory, and the database
 * is read at most once per interval however many readers there are. While this process
 * migrates, reads answer {@link OverallState#MIGRATING} with progress and do not touch
 * the database at all. Each refresh also runs the cheap drift check ({@link DriftWatch})
 * and the guard over changed files ({@link MigrationReviewer}).
 */
public final class StatusMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StatusMonitor.class);

	private final Strata strata;

	private final MigrationProgress progress;

	private final Duration interval;

	private final Clock clock;

	private final DriftWatch drift;

	private final MigrationReviewer reviewer;

	private final IntervalCache<Reading> cache = new IntervalCache<>(this::readNow, this::isStale);

	private @Nullable ScheduledExecutorService scheduler;

	public StatusMonitor(Strata strata, MigrationProgress progress, Duration interval) {
		this(strata, progress, interval, Clock.systemUTC());
	}

	StatusMonitor(Strata strata, MigrationProgress progress, Duration interval, Clock clock) {
		this.strata = strata;
		this.progress = progress;
		this.interval = interval;
		this.clock = clock;
		this.drift = new DriftWatch(strata);
		this.reviewer = new MigrationReviewer(strata.config().guard());
	}

	/** Refreshes in the background every interval, on a daemon thread. */
	public synchronized void start() {
		if (this.scheduler == null) {
			this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "strata-status");
				thread.setDaemon(true);
				return thread;
			});
			long millis = Math.max(1000, this.interval.toMillis());
			this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	/** The latest state; reads the database only if nothing fresh is cached. */
	public StatusSnapshot current() {
		Optional<MigrationProgress.Progress> running = this.progress.current();
		if (running.isPresent()) {
			Reading cached = this.cache.latest();
			StatusSnapshot base = (cached != null) ? cached.snapshot() : new StatusSnapshot(OverallState.MIGRATING,
					this.clock.instant(), null, null, null, null, this.drift.latest(), Map.of());
			return base.migrating(running.get());
		}
		return this.cache.current().snapshot();
	}

	/** Reads the database now. */
	public StatusSnapshot refresh() {
		return this.cache.refresh().snapshot();
	}

	private Reading readNow() {
		long runs = this.progress.runsFinished();
		return new Reading(read(), runs);
	}

	private StatusSnapshot read() {
		Instant now = this.clock.instant();
		StatusResult status;
		LockHolder holder;
		try {
			status = this.strata.status();
			holder = this.strata.lockHolder().orElse(null);
		}
		catch (StrataException ex) {
			logger.debug("Could not read the migration status", ex);
			return new StatusSnapshot(OverallState.UNKNOWN, now, null, null, null, ex.getMessage(), this.drift.latest(),
					Map.of());
		}
		// No catalog reads behind a running migration: its half-done changes are not
		// drift.
		boolean migrating = holder != null || this.progress.current().isPresent();
		DriftCheck drift = migrating ? this.drift.latest() : this.drift.check(this.clock.instant());
		return new StatusSnapshot(stateOf(status, holder, drift), now, status, holder, null, null, drift,
				this.reviewer.review(status));
	}

	/**
	 * The drift check for a reader who asked for the drift report: the latest result if
	 * the latest check ran at most {@code maxAge} ago, else a new check (one at a time,
	 * however many readers ask; one query in the regular case). While this process
	 * migrates, the latest result; a check that finds drift while another process holds
	 * the migration lock is discarded for the latest result too. It leaves the cached
	 * status (the status page, health and gauges) as it is.
	 */
	public DriftCheck drift(Duration maxAge) {
		if (this.progress.current().isPresent()) {
			return this.drift.latest();
		}
		return this.drift.checkIfOlderThan(maxAge, this.clock.instant(), this::migrating);
	}

	/** How many drift checks reached the database, for tests and diagnostics. */
	public long driftChecks() {
		return this.drift.checks();
	}

	private boolean migrating() {
		if (this.progress.current().isPresent()) {
			return true;
		}
		try {
			return this.strata.lockHolder().isPresent();
		}
		catch (StrataException ex) {
			logger.debug("Could not ask who holds the migration lock", ex);
			return false;
		}
	}

	private static OverallState stateOf(StatusResult status, @Nullable LockHolder holder, DriftCheck drift) {
		if (holder != null) {
			return OverallState.MIGRATING;
		}
		if (!status.isValid()) {
			return OverallState.FAILED;
		}
		if (!status.pending().isEmpty()) {
			return OverallState.PENDING;
		}
		return drift.drifted() ? OverallState.DRIFTED : OverallState.UP_TO_DATE;
	}

	private boolean isStale(Reading reading) {
		return reading.runs() != this.progress.runsFinished()
				|| reading.snapshot().takenAt().plus(this.interval).isBefore(this.clock.instant());
	}

	private void refreshQuietly() {
		if (this.progress.current().isPresent()) {
			return;
		}
		try {
			this.cache.refreshUnlessReading();
		}
		catch (RuntimeException ex) {
			logger.debug("Background status refresh failed", ex);
		}
	}

	/**
	 * A snapshot and how many runs of this process had finished when it was read: one
	 * finished since makes it stale.
	 */
	private record Reading(StatusSnapshot snapshot, long runs) {
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

}
