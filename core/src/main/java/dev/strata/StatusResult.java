package dev.strata;

import java.util.List;

import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import org.jspecify.annotations.Nullable;

/**
 * The migrations compared with the history, read without taking the migration lock.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param historyExists whether the history table exists yet
 * @param currentVersion the highest applied version, {@code null} for an empty history
 * @param migrations every migration with its state
 * @param problems what would stop {@code migrate}
 */
public record StatusResult(String target, String schema, boolean historyExists, @Nullable String currentVersion,
		List<MigrationStatus> migrations, List<ValidationProblem> problems) {

	/**
	 * The migrations {@code migrate} would apply (or resume, when interrupted), in order.
	 */
	public List<MigrationStatus> pending() {
		return this.migrations.stream()
			.filter((status) -> status.state() == MigrationState.PENDING || status.state() == MigrationState.OUTDATED
					|| status.state() == MigrationState.OUT_OF_ORDER || status.state() == MigrationState.INTERRUPTED)
			.toList();
	}

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/** Valid, and nothing pending. */
	public boolean isUpToDate() {
		return isValid() && pending().isEmpty();
	}

}
