package dev.strata.execute;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who holds the lock.
 *
 * @param pid with an advisory lock, the holder's backend process id; with a lease, the
 * migrator's operating-system process id
 * @param applicationName with an advisory lock, the session's {@code application_name};
 * with a lease, the holder's own description (host, process, application)
 * @param since when it took the lock
 * @param clientAddress where it connects from, {@code null} for a local socket or a lease
 * @param mode which mechanism holds it
 * @param expires when a lease runs out unless renewed, {@code null} for an advisory lock
 * @param activity what the holder is applying, if it is a Strata migrator that says so
 * (an advisory lock's session publishes it; a lease does not)
 */
public record LockHolder(int pid, @Nullable String applicationName, Instant since, @Nullable String clientAddress,
		LockMode mode, @Nullable Instant expires, @Nullable LockActivity activity) {

	/** A holder that does not say what it is doing. */
	public LockHolder(int pid, @Nullable String applicationName, Instant since, @Nullable String clientAddress,
			LockMode mode, @Nullable Instant expires) {
		this(pid, applicationName, since, clientAddress, mode, expires, null);
	}

	/** An advisory lock's holder. */
	public LockHolder(int pid, @Nullable String applicationName, Instant since, @Nullable String clientAddress) {
		this(pid, applicationName, since, clientAddress, LockMode.ADVISORY, null, null);
	}

	/**
	 * What to do if the holder is stuck: the exact command that ends an advisory lock's
	 * session, or when a lease runs out by itself.
	 */
	public String wayOut() {
		if (this.mode == LockMode.LEASE) {
			return "If that migrator is gone, its lease runs out by itself at " + this.expires + ".";
		}
		return "If that session is stuck, end it with: select pg_catalog.pg_terminate_backend(" + this.pid
				+ "); (the lock goes with it; a migrator still at work rolls back the migration in flight and stops).";
	}

	@Override
	public String toString() {
		if (this.mode == LockMode.LEASE) {
			return "lease of " + this.applicationName + " since " + this.since + ", valid until " + this.expires;
		}
		String app = (this.applicationName == null || this.applicationName.isEmpty()) ? ""
				: " '" + this.applicationName + "'";
		String from = (this.clientAddress != null) ? " from " + this.clientAddress : "";
		String doing = (this.activity != null) ? ", " + this.activity : "";
		return "pid " + this.pid + app + from + " since " + this.since + doing;
	}

}
