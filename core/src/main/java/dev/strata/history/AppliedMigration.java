package dev.strata.history;

import java.time.Instant;

import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * One row of the history table.
 *
 * @param installedRank the order in which rows were written
 * @param version the version, {@code null} for repeatable migrations
 * @param description the description from the file name
 * @param type versioned, repeatable or baseline
 * @param script the file, relative to its location
 * @param checksum the checksum of the file as applied, {@code null} for a baseline
 * @param installedBy the database user that applied it
 * @param installedOn when
 * @param executionTimeMs how long it took
 * @param success whether it completed; a non-transactional migration that stopped part-way is {@code false}
 * @param transactional whether it ran inside one transaction
 * @param statementsRun for a non-transactional migration, how many of its statements completed
 * @param statementsTotal how many statements the migration has
 * @param sqlChecksum checksum of its SQL without comments and whitespace, {@code null} if unknown
 * @param intact whether the row is as Strata last wrote it (its signature matches its columns)
 */
public record AppliedMigration(int installedRank, @Nullable String version, String description, HistoryType type,
		String script, @Nullable Integer checksum, String installedBy, Instant installedOn, int executionTimeMs,
		boolean success, boolean transactional, int statementsRun, int statementsTotal,
		@Nullable Integer sqlChecksum, boolean intact) {

	/** The parsed version, or {@code null} for repeatable rows. */
	public @Nullable Version parsedVersion() {
		return (this.version != null) ? Version.parse(this.version) : null;
	}

}
