package dev.strata.execute;

import java.time.Duration;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.jspecify.annotations.Nullable;
import dev.strata.execute.internal.MigrationLock;

/** Another migrator held the lock for longer than {@code strata.lock-wait-timeout}. */
public class LockTimeoutException extends StrataException {

	private final transient @Nullable LockHolder holder;

	public LockTimeoutException(String table, Duration waited, @Nullable LockHolder holder) {
		super(ErrorCategory.LOCK_TIMEOUT, "Gave up waiting for the migration lock on " + table + " after "
				+ waited.toSeconds() + " s; it is held by " + ((holder != null) ? holder : "nobody any more")
				+ ". Another migrator is running: let it finish, or raise strata.lock-wait-timeout. " + wayOut(holder));
		this.holder = holder;
	}

	private static String wayOut(@Nullable LockHolder holder) {
		return (holder != null) ? holder.wayOut() : "Try again: the lock is free now.";
	}

	public @Nullable LockHolder holder() {
		return this.holder;
	}

}
