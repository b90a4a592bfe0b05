package dev.strata.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.strata.StatusResult;
import dev.strata.execute.LockHolder;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.migration.Migration;
import org.jspecify.annotations.Nullable;

/**
 * The state of migrations at one moment.
 *
 * @param state the overall state
 * @param takenAt when the database was read
 * @param status the migrations and their states, {@code null} if the database could not
 * be read
 * @param lockHolder who holds the migration lock, {@code null} when it is free
 * @param progress the run in progress in this process, {@code null} if none
 * @param error why the database could not be read, {@code null} if it could
 * @param drift the latest schema drift check (possibly older than {@code takenAt}:
 * skipped while a migration runs)
 * @param reviews the guard's findings per migration file, by {@link Migration#location()}
 */
public record StatusSnapshot(OverallState state, Instant takenAt, @Nullable StatusResult status,
		@Nullable LockHolder lockHolder, MigrationProgress.@Nullable Progress progress, @Nullable String error,
		DriftCheck drift, Map<String, MigrationReview> reviews) {

	public StatusSnapshot {
		reviews = Map.copyOf(reviews);
	}

	/** What the guard says about this file, if it was reviewed. */
	public Optional<MigrationReview> review(@Nullable Migration file) {
		return (file != null) ? Optional.ofNullable(this.reviews.get(file.location())) : Optional.empty();
	}

	/** The same snapshot, seen while a run is in progress in this process. */
	public StatusSnapshot migrating(MigrationProgress.Progress progress) {
		return new StatusSnapshot(OverallState.MIGRATING, this.takenAt, this.status, this.lockHolder, progress,
				this.error, this.drift, this.reviews);
	}

}
