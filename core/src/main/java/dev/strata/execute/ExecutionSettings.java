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
 */
public record ExecutionSettings(@Nullable Duration lockTimeout, @Nullable Duration statementTimeout, int lockRetries,
		Duration retryBackoff) {

	public static final ExecutionSettings DEFAULTS = new ExecutionSettings(Duration.ofSeconds(10), null, 3,
			Duration.ofSeconds(1));

}
