package dev.strata.execute;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A statement that ran longer than {@link ExecutionSettings#progressInterval()}.
 *
 * @param migration the migration's display name, as in {@code V6 (add index)}
 * @param script the migration's file
 * @param line the line the statement starts on, {@code null} for a statement a migration
 * of code ran
 * @param elapsed how long it ran: from its start as PostgreSQL reports it until the next
 * statement started or the migration's statements were done
 * @param phase the last phase PostgreSQL reported for it
 * ({@code pg_stat_progress_create_index}, {@code _cluster}, {@code _vacuum}),
 * {@code null} if none
 */
public record SlowStatement(String migration, String script, @Nullable Integer line, Duration elapsed,
		@Nullable String phase) {

	@Override
	public String toString() {
		return this.migration + ((this.line != null) ? " line " + this.line : "") + ": " + this.elapsed.toMillis()
				+ " ms" + ((this.phase != null) ? " (last phase: " + this.phase + ")" : "");
	}

}
