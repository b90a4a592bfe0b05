package dev.strata.history;

import java.time.Instant;

import dev.strata.source.MigrationNames;
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
 * @param success whether it completed; a non-transactional migration that stopped
 * part-way is {@code false}
 * @param transactional whether it ran inside one transaction
 * @param statementsRun for a non-transactional migration, how many of its statements
 * completed
 * @param statementsTotal how many statements the migration has
 * @param sqlChecksum checksum of its SQL without comments and whitespace, {@code null} if
 * unknown
 * @param intact whether the row is as Strata last wrote it (its signature matches its
 * columns)
 * @param statementInFlight for a non-transactional migration that stopped, the statement
 * (1-based) that had been sent and whose outcome was never recorded: the run was
 * interrupted (killed, lost connection) rather than refused by the server; {@code null}
 * otherwise, and for rows written before Strata recorded it
 * @param undoChecksum the checksum of the migration's undo file when it was applied,
 * {@code null} when it had none (or for rows written before Strata recorded it)
 */
public record AppliedMigration(int installedRank, @Nullable String version, String description, HistoryType type,
		String script, @Nullable Integer checksum, String installedBy, Instant installedOn, int executionTimeMs,
		boolean success, boolean transactional, int statementsRun, int statementsTotal, @Nullable Integer sqlChecksum,
		boolean intact, @Nullable Integer statementInFlight, @Nullable Integer undoChecksum) {

	/** A row without an undo file's checksum. */
	public AppliedMigration(int installedRank, @Nullable String version, String description, HistoryType type,
			String script, @Nullable Integer checksum, String installedBy, Instant installedOn, int executionTimeMs,
			boolean success, boolean transactional, int statementsRun, int statementsTotal,
			@Nullable Integer sqlChecksum, boolean intact, @Nullable Integer statementInFlight) {
		this(installedRank, version, description, type, script, checksum, installedBy, installedOn, executionTimeMs,
				success, transactional, statementsRun, statementsTotal, sqlChecksum, intact, statementInFlight, null);
	}

	/** A row with no statement in flight. */
	public AppliedMigration(int installedRank, @Nullable String version, String description, HistoryType type,
			String script, @Nullable Integer checksum, String installedBy, Instant installedOn, int executionTimeMs,
			boolean success, boolean transactional, int statementsRun, int statementsTotal,
			@Nullable Integer sqlChecksum, boolean intact) {
		this(installedRank, version, description, type, script, checksum, installedBy, installedOn, executionTimeMs,
				success, transactional, statementsRun, statementsTotal, sqlChecksum, intact, null, null);
	}

	/**
	 * Whether a non-transactional run of it stopped with a statement in flight, its
	 * outcome unknown.
	 */
	public boolean interrupted() {
		return !this.success && this.statementInFlight != null;
	}

	/**
	 * {@code V3 (add orders)}, {@code R (views)} or, for an undo,
	 * {@code U3 (drop orders)}, as {@link MigrationNames#display} names every migration.
	 */
	public String displayName() {
		if (this.type == HistoryType.UNDO_SQL && this.version != null) {
			return MigrationNames.undo(this.version, this.description);
		}
		return MigrationNames.display(this.version, this.description);
	}

	/** The parsed version, or {@code null} for repeatable rows. */
	public @Nullable Version parsedVersion() {
		return (this.version != null) ? Version.parse(this.version) : null;
	}

}
