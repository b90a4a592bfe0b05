package dev.strata.fleet.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.strata.Strata;
import dev.strata.error.StrataException;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.FleetView;
import dev.strata.status.DriftCheck;
import dev.strata.status.MigrationProgress;
import dev.strata.status.StatusSnapshot;
import dev.strata.status.internal.IntervalCache;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link FleetView} fresh for the operator's views: every tenant's state read at
 * most once per interval however many readers ask (the fleet's status costs a few queries
 * for all tenants together), and drift checked one tenant at a time, spread evenly over
 * the interval, so a large fleet is never checked all at once.
 */
public final class FleetMonitor implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(FleetMonitor.class);

	/** The shortest pause between two tenants' drift checks, in milliseconds. */
	static final long MIN_DRIFT_PAUSE_MILLIS = 200;

	private final Fleet fleet;

	private final Duration interval;

	private final Clock clock;

	private final IntervalCache<FleetView> cache = new IntervalCache<>(this::read, this::isStale);

	private final Map<String, DriftCheck> drift = new ConcurrentHashMap<>();

	private final AtomicInteger nextDrift = new AtomicInteger();

	private @Nullable ScheduledExecutorService scheduler;

	public FleetMonitor(Fleet fleet, Duration interval) {
		this(fleet, interval, Clock.systemUTC());
	}

	FleetMonitor(Fleet fleet, Duration interval, Clock clock) {
		this.fleet = fleet;
		this.interval = interval;
		this.clock = clock;
	}

	/**
	 * Refreshes the state every interval and checks one tenant's drift every
	 * {@code interval / tenants} (at least {@value #MIN_DRIFT_PAUSE_MILLIS} ms apart, the
	 * number of tenants as the latest refresh found it), both starting one interval from
	 * now, on a daemon thread. Reads nothing itself: an unreachable database does not
	 * stop the start-up.
	 */
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "strata-fleet-status");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1000, this.interval.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
		// the first check waits an interval, as the refresh does: a start-up migration or
		// a
		// migrator's run is usually over by then, and a short-lived migrator checks
		// nothing
		scheduleDrift(millis);
	}

	private synchronized void scheduleDrift(long delayMillis) {
		if (this.scheduler == null) {
			return;
		}
		try {
			this.scheduler.schedule(() -> {
				checkNextDriftQuietly();
				scheduleDrift(nextDriftPause().toMillis());
			}, delayMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed meanwhile
		}
	}

	/** The pause before the next tenant's check, for the fleet's size as last read. */
	public Duration nextDriftPause() {
		FleetView latest = this.cache.latest();
		return driftPause(this.interval, (latest != null) ? latest.tenantCount() : 1);
	}

	/** The pause between two tenants' drift checks: each tenant once per interval. */
	public static Duration driftPause(Duration interval, int tenants) {
		Duration pause = interval.dividedBy(Math.max(1, tenants));
		return (pause.toMillis() < MIN_DRIFT_PAUSE_MILLIS) ? Duration.ofMillis(MIN_DRIFT_PAUSE_MILLIS) : pause;
	}

	/** The latest view; reads the database only if nothing fresh is cached. */
	public FleetView current() {
		return this.cache.current();
	}

	/** Reads every tenant's state now. */
	public FleetView refresh() {
		return this.cache.refresh();
	}

	private FleetView read() {
		Instant now = this.clock.instant();
		FleetResult status = null;
		String error = null;
		try {
			status = this.fleet.status();
		}
		catch (StrataException ex) {
			logger.debug("Could not read the fleet's status", ex);
			error = ex.getMessage();
		}
		return new FleetView(now, status, error, this.fleet.lastRun().orElse(null), this.drift);
	}

	/**
	 * Checks the drift of the next tenant in turn.
	 * @return the tenant checked, if there is any
	 */
	public Optional<String> checkNextDrift() {
		List<MigrationTarget> tenants = this.fleet.tenants();
		if (tenants.isEmpty()) {
			return Optional.empty();
		}
		String name = tenants.get(Math.floorMod(this.nextDrift.getAndIncrement(), tenants.size())).name();
		this.fleet.tenant(name).ifPresent((strata) -> this.drift.put(name, checkDrift(strata, name)));
		return Optional.of(name);
	}

	private DriftCheck checkDrift(Strata strata, String name) {
		DriftCheck previous = this.drift.getOrDefault(name, DriftCheck.NONE);
		try {
			if (strata.lockHolder().isPresent()) {
				// a migration half done is not drift
				return previous;
			}
			return new DriftCheck(strata.drift(), null);
		}
		catch (StrataException ex) {
			return previous.failed(ex.getMessage());
		}
	}

	/**
	 * One tenant's full status and drift, read now, in the shape of the single-target
	 * status; empty if the fleet has no such tenant.
	 */
	public Optional<StatusSnapshot> tenant(String name) {
		return this.fleet.tenant(name).map((strata) -> {
			try (StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), this.interval)) {
				StatusSnapshot snapshot = monitor.refresh();
				this.drift.put(name, snapshot.drift());
				return snapshot;
			}
		});
	}

	private boolean isStale(FleetView view) {
		return view.takenAt().plus(this.interval).isBefore(this.clock.instant())
				|| view.lastRun() != this.fleet.lastRun().orElse(null);
	}

	private void refreshQuietly() {
		try {
			this.cache.refreshUnlessReading();
		}
		catch (RuntimeException ex) {
			logger.debug("Background fleet status refresh failed", ex);
		}
	}

	private void checkNextDriftQuietly() {
		try {
			checkNextDrift();
		}
		catch (RuntimeException ex) {
			logger.debug("Background tenant drift check failed", ex);
		}
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

}
