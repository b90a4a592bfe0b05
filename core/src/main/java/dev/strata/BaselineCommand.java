package dev.strata;

import dev.strata.execute.CompositeMigrationListener;

/** {@code baseline}: adopts an existing database by recording the version it already has. */
final class BaselineCommand {

	private final StrataConfig config;

	private final Strata strata;

	BaselineCommand(StrataConfig config, Strata strata) {
		this.strata = strata;
		this.config = config;
	}

	BaselineResult run() {
		return this.strata.withLockedTarget((connection, target, lock) -> {
			if (!target.readHistory().isEmpty()) {
				throw new StrataException(ErrorCategory.CONFIGURATION, "Schema \"" + target.schema()
						+ "\" already has a history in " + this.config.table()
						+ "; a baseline is only for a database that has none. Use migrate instead.");
			}
			Target created = target.withHistoryCreated();
			MigrateCommand.recordBaseline(created.history(), this.config.baselineVersion());
			new CompositeMigrationListener(this.config.listeners()).baselined(this.config.baselineVersion());
			Snapshots.takeAfterRun(connection, this.config, created, "BASELINE");
			return new BaselineResult(created.schema(), this.config.baselineVersion());
		});
	}

}
