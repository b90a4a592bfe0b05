package dev.strata;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code undo} did.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param initialVersion the version before
 * @param currentVersion the version after, {@code null} when nothing applied remains
 * @param undone the undo files run, newest version first: each its version, its own
 * description and script, whether it ran in one transaction and how long it took
 * @param lockWait how long it waited for another migrator
 * @param duration the whole command
 */
public record UndoResult(String target, String schema, @Nullable String initialVersion, @Nullable String currentVersion,
		List<MigrateResult.AppliedReport> undone, Duration lockWait, Duration duration) {

	public UndoResult {
		undone = List.copyOf(undone);
	}

	/** The one-line summary Strata logs. */
	public String summary() {
		String version = (this.currentVersion != null) ? this.currentVersion : "<none>";
		if (this.undone.isEmpty()) {
			return "Nothing to undo: schema \"" + this.schema + "\" is at version " + version;
		}
		return this.undone.size() + ((this.undone.size() == 1) ? " migration" : " migrations") + " undone in "
				+ this.duration.toMillis() + " ms; schema \"" + this.schema + "\" now at version " + version;
	}

}
