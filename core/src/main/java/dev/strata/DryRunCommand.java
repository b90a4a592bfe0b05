package dev.strata;

import java.sql.SQLException;

import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.plan.MigrationStatus;

/**
 * {@code dry-run}: the pending migrations, prepared exactly as {@code migrate} prepares
 * them.
 */
final class DryRunCommand implements Command<DryRunResult> {

	@Override
	public DryRunResult run(CommandContext context) throws SQLException {
		StatusResult status = new StatusCommand().run(context);
		return new DryRunResult(status,
				new MigrationPreparer().prepare(status.pending().stream().map(MigrationStatus::migration).toList()));
	}

}
