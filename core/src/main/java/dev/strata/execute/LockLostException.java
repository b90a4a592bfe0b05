package dev.strata.execute;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * The migrator no longer holds the migration lock: its session ended (terminated by an
 * administrator, an idle timeout, a proxy restart, a failover) or its lease expired. The
 * migration that was running was rolled back before it could commit, so another migrator
 * never runs alongside a committed step of this one.
 */
public class LockLostException extends StrataException {

	/**
	 * @param table the history table the lock guards
	 * @param reason why the lock went, as seen by the heartbeat or the fence
	 * @param outcome what became of the work in flight, e.g. which migration was rolled
	 * back
	 */
	public LockLostException(String table, String reason, String outcome) {
		super(ErrorCategory.LOCK_TIMEOUT, "Lost the migration lock on " + table + " (" + reason + "). " + outcome
				+ " Every migration reported as applied before it is recorded. It is safe to run the migrator again:"
				+ " it starts after the last recorded migration, and another migrator may have applied the rest"
				+ " meanwhile.");
	}

}
