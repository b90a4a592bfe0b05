package dev.strata;

import java.sql.SQLException;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * {@code baseline}: adopts an existing database by recording the version it already has.
 */
final class BaselineCommand implements Command<BaselineResult> {

	@Override
	public BaselineResult run(CommandContext context) throws SQLException {
		StrataConfig config = context.config();
		return context.underLock((target, lock) -> {
			if (!target.readHistory().isEmpty()) {
				throw new StrataException(ErrorCategory.CONFIGURATION,
						"Schema \"" + target.schema() + "\" already has a history in " + config.table()
								+ "; a baseline is only for a database that has none. Use migrate instead.");
			}
			// A baseline would run Flyway's migrations above it again.
			FlywayAdoption.refuseUnadopted(target, config);
			TargetState created = target.withHistoryCreated();
			MigrateCommand.recordBaseline(created.history(), config.baselineVersion());
			context.listener().baselined(created.target(), config.baselineVersion());
			Snapshots.takeAfterRun(context.connection(), config, created, "BASELINE");
			return new BaselineResult(created.target().name(), created.schema(), config.baselineVersion());
		});
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
