package dev.strata.execute;

import java.time.Duration;
import java.util.Objects;

/**
 * How the migration lock is taken and kept.
 *
 * @param mode which mechanism holds it
 * @param maxWait how long to wait for another migrator ({@code strata.lock-wait-timeout})
 * @param lease how long a lease row stays valid without a heartbeat
 * ({@code strata.lock-lease}); a crashed holder's lease expires after it
 */
public record LockSettings(LockMode mode, Duration maxWait, Duration lease) {

	/**
	 * The default lease: long enough to ride out a GC pause or a slow network, short
	 * enough to wait out.
	 */
	public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

	/** The default wait for another migrator. */
	public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(10);

	/** Automatic mode, the default wait and lease. */
	public static final LockSettings DEFAULTS = new LockSettings(LockMode.AUTO, DEFAULT_MAX_WAIT, DEFAULT_LEASE);

	public LockSettings {
		Objects.requireNonNull(mode, "mode must not be null");
		Objects.requireNonNull(maxWait, "maxWait must not be null");
		Objects.requireNonNull(lease, "lease must not be null");
		if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("The lock lease must be at least 1 s, not " + lease);
		}
	}

	/** The same settings with another wait. */
	public LockSettings withMaxWait(Duration maxWait) {
		return new LockSettings(this.mode, maxWait, this.lease);
	}

}
