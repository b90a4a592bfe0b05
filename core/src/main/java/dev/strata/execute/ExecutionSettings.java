package dev.strata.execute;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How migrations run.
 *
 * @param lockTimeout PostgreSQL {@code lock_timeout} per migration; {@code null} or zero
 * for none
 * @param statementTimeout PostgreSQL {@code statement_timeout} per migration;
 * {@code null} or zero for none
 * @param lockRetries how often a transactional migration that hit {@code lock_timeout} is
 * retried
 * @param retryBackoff the wait before the first retry, doubled for each further one
 * @param progressInterval how often a migration still running says what it is doing, and
 * how long a statement must take to count as slow; {@code null}, zero or negative for
 * never
 */
public record ExecutionSettings(@Nullable Duration lockTimeout, @Nullable Duration statementTimeout, int lockRetries,
		Duration retryBackoff, @Nullable Duration progressInterval) {

	public static final ExecutionSettings DEFAULTS = new ExecutionSettings(Duration.ofSeconds(10), null, 3,
			Duration.ofSeconds(1), Duration.ofSeconds(10));

	/** Settings without progress reports. */
	public ExecutionSettings(@Nullable Duration lockTimeout, @Nullable Duration statementTimeout, int lockRetries,
			Duration retryBackoff) {
		this(lockTimeout, statementTimeout, lockRetries, retryBackoff, null);
	}

	/** Whether a long migration reports its progress ({@link #progressInterval()}). */
	public boolean reportsProgress() {
		return this.progressInterval != null && !this.progressInterval.isZero() && !this.progressInterval.isNegative();
	}

}
