package dev.strata.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.strata.targets.MigrationTarget;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import org.jspecify.annotations.Nullable;

/**
 * Follows a migration run in this process, so status reads can answer "migrating, 3 of 7"
 * from memory instead of querying a database that is busy migrating.
 */
public final class MigrationProgress implements MigrationListener {

	private final Clock clock;

	private volatile @Nullable Progress progress;

	private volatile long runsFinished;

	public MigrationProgress() {
		this(Clock.systemUTC());
	}

	MigrationProgress(Clock clock) {
		this.clock = clock;
	}

	/** The run in progress, if any. */
	public Optional<Progress> current() {
		return Optional.ofNullable(this.progress);
	}

	/**
	 * How many runs have finished in this process; changes whenever the schema may have.
	 */
	public long runsFinished() {
		return this.runsFinished;
	}

	@Override
	public void runStarting(MigrationTarget target, List<PreparedMigration> pending) {
		this.progress = new Progress(0, pending.size(), null, this.clock.instant());
	}

	@Override
	public void started(MigrationTarget target, PreparedMigration migration) {
		Progress current = this.progress;
		if (current != null) {
			this.progress = new Progress(current.done(), current.total(), migration.migration().displayName(),
					current.since());
		}
	}

	@Override
	public void applied(MigrationTarget target, PreparedMigration migration, java.time.Duration duration) {
		Progress current = this.progress;
		if (current != null) {
			this.progress = new Progress(current.done() + 1, current.total(), null, current.since());
		}
	}

	@Override
	public void runFinished(MigrationTarget target, boolean success) {
		this.progress = null;
		this.runsFinished++;
	}

	/**
	 * A run in progress.
	 *
	 * @param done migrations applied so far
	 * @param total migrations the run will apply
	 * @param current the migration running now, {@code null} between two
	 * @param since when the run started
	 */
	public record Progress(int done, int total, @Nullable String current, Instant since) {
	}

}
