package dev.strata;

import java.sql.SQLException;
import java.util.List;

import dev.strata.migration.Migration;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * What {@code undo} would run, touching nothing and taking no lock: the undo files it
 * would select, prepared exactly as {@code undo} prepares them. Refuses as {@code undo}
 * would for a version without an undo file.
 */
final class DryRunUndoCommand implements Command<DryRunResult> {

	private final @Nullable Version targetVersion;

	DryRunUndoCommand(@Nullable String targetVersion) {
		this.targetVersion = UndoSelection.target(targetVersion);
	}

	@Override
	public DryRunResult run(CommandContext context) throws SQLException {
		StatusResult status = new StatusCommand().run(context);
		if (!context.target().historyExists()) {
			return new DryRunResult(status, List.of());
		}
		MigrationPlan plan = context.plan();
		if (!plan.isValid()) {
			throw new ValidationException(status.schema(), plan.problems(), status);
		}
		List<Migration> undos = UndoSelection.select(plan, this.targetVersion);
		return new DryRunResult(status, new MigrationPreparer().prepare(undos));
	}

}
