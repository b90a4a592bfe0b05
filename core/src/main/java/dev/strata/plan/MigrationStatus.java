package dev.strata.plan;

import java.time.Instant;

import dev.strata.history.AppliedMigration;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationNames;
import org.jspecify.annotations.Nullable;

/**
 * One line of the plan: a migration file, its history row, or both, and its state.
 *
 * @param state where it stands
 * @param file the file, {@code null} when it is missing
 * @param applied the latest history row for it, {@code null} when never applied
 */
public record MigrationStatus(MigrationState state, @Nullable MigrationFile file, @Nullable AppliedMigration applied) {

	public @Nullable String version() {
		if (this.file != null && this.file.version() != null) {
			return this.file.version().toString();
		}
		return (this.applied != null) ? this.applied.version() : null;
	}

	public String description() {
		return (this.file != null) ? this.file.description() : (this.applied != null) ? this.applied.description() : "";
	}

	public String script() {
		return (this.file != null) ? this.file.script() : (this.applied != null) ? this.applied.script() : "";
	}

	public @Nullable Instant installedOn() {
		return (this.applied != null) ? this.applied.installedOn() : null;
	}

	/** {@code V3 (add orders)} or {@code R (views)}. */
	public String displayName() {
		return MigrationNames.display(version(), description());
	}

}
