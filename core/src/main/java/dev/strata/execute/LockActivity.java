package dev.strata.execute;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the holder of the migration lock is applying, as its lock session publishes it.
 *
 * @param migration the migration's display name, as in {@code V6 (add index)}
 * @param version its version, {@code null} for a repeatable migration
 * @param since when it started
 * @param line the line of the statement seen running at the last progress report,
 * {@code null} before the first report or when not known
 * @param phase the phase PostgreSQL reported for that statement, if any
 * @param percentDone the share of blocks or tuples done in that phase, if PostgreSQL
 * reports it
 */
public record LockActivity(String migration, @Nullable String version, Instant since, @Nullable Integer line,
		@Nullable String phase, @Nullable Integer percentDone) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("applying ").append(this.migration).append(" since ").append(this.since);
		if (this.line != null) {
			text.append(", statement at line ").append(this.line);
		}
		if (this.phase != null) {
			text.append(", ").append(this.phase);
			if (this.percentDone != null) {
				text.append(" (").append(this.percentDone).append("% done)");
			}
		}
		return text.toString();
	}

}
