package dev.strata.plan.internal;

import java.util.List;

import dev.strata.migration.Migration;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;

/**
 * The files compared with the history.
 *
 * @param statuses every migration, in version order, repeatables last
 * @param pending the files to apply, in the order they will be applied
 * @param problems what stops a migration
 * @param currentVersion the highest applied version (or the baseline), {@code null} for
 * an empty history
 */
public record MigrationPlan(List<MigrationStatus> statuses, List<Migration> pending, List<ValidationProblem> problems,
		@Nullable Version currentVersion) {

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	public boolean hasPending() {
		return !this.pending.isEmpty();
	}

	/**
	 * The history row of a pending file whose last run was interrupted and resumes, or
	 * {@code null} for a file that runs from its start.
	 */
	public dev.strata.history.@Nullable AppliedMigration interrupted(Migration file) {
		for (MigrationStatus status : this.statuses) {
			if (status.state() == MigrationState.INTERRUPTED && file.equals(status.migration())) {
				return status.applied();
			}
		}
		return null;
	}

	/** The current version as text, or {@code null}. */
	public @Nullable String currentVersionText() {
		return (this.currentVersion != null) ? this.currentVersion.toString() : null;
	}

}
