package dev.strata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.ValidationProblem;

/**
 * {@code status}: every migration and its state, read without the lock; never fails for
 * validation problems.
 */
final class StatusCommand implements Command<StatusResult> {

	@Override
	public StatusResult run(CommandContext context) throws SQLException {
		TargetState target = context.target();
		MigrationPlan plan = context.plan();
		List<ValidationProblem> problems = plan.problems();
		if (target.flywayHistoryToAdopt() != null) {
			problems = new ArrayList<>(problems);
			problems.add(FlywayAdoption.problem(target, context.config()));
		}
		else if (!target.historyExists() && target.otherObjects() > 0 && !context.config().baselineOnMigrate()) {
			problems = new ArrayList<>(problems);
			problems.add(NotEmptyWithoutHistory.problem(target.schema(), context.config().table()));
		}
		return new StatusResult(target.target().name(), target.schema(), target.historyExists(),
				plan.currentVersionText(), plan.statuses(), List.copyOf(problems));
	}

}
