package dev.strata.plan;

import java.time.Instant;

import dev.strata.history.AppliedMigration;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationNames;
import org.jspecify.annotations.Nullable;

/**
 * One line of the plan: a migration, its history row, or both, and its state.
 *
 * @param state where it stands
 * @param migration the migration, {@code null} when it is missing
 * @param applied the latest history row for it, {@code null} when never applied
 */
public record MigrationStatus(MigrationState state, @Nullable Migration migration, @Nullable AppliedMigration applied) {

	public @Nullable String version() {
		if (this.migration != null && this.migration.version() != null) {
			return this.migration.version().toString();
		}
		return (this.applied != null) ? this.applied.version() : null;
	}

	public String description() {
		return (this.migration != null) ? this.migration.description()
				: (this.applied != null) ? this.applied.description() : "";
	}

	public String script() {
		return (this.migration != null) ? this.migration.script() : (this.applied != null) ? this.applied.script() : "";
	}

	public @Nullable Instant installedOn() {
		return (this.applied != null) ? this.applied.installedOn() : null;
	}

	/**
	 * {@code V3 (add orders)}, {@code R (views)} or, for an undo,
	 * {@code U3 (drop orders)}.
	 */
	public String displayName() {
		if (this.migration == null && this.applied != null) {
			return this.applied.displayName();
		}
		return MigrationNames.display(version(), description());
	}

}
