package dev.strata;

import dev.strata.execute.CompositeMigrationListener;
import dev.strata.execute.MigrationLock;

/** {@code baseline}: adopts an existing database by recording the version it already has. */
final class BaselineCommand {

	private final StrataConfig config;

	BaselineCommand(StrataConfig config) {
		this.config = config;
	}

	BaselineResult run() {
		return new Strata(this.config).withConnection((connection) -> {
			Target target = Target.resolve(connection, this.config);
			try (MigrationLock lock = MigrationLock.acquire(this.config.dataSource(), target.schema(),
					this.config.table(), this.config.lockWaitTimeout())) {
				target = Target.resolve(connection, this.config);
				if (!target.readHistory().isEmpty()) {
					throw new StrataException(ErrorCategory.CONFIGURATION, "Schema \"" + target.schema()
							+ "\" already has a history in " + this.config.table()
							+ "; a baseline is only for a database that has none. Use migrate instead.");
				}
				target = target.withHistoryCreated();
				MigrateCommand.recordBaseline(target.history(), this.config.baselineVersion());
				new CompositeMigrationListener(this.config.listeners()).baselined(this.config.baselineVersion());
				Snapshots.takeAfterRun(connection, this.config, target, "BASELINE");
				return new BaselineResult(target.schema(), this.config.baselineVersion());
			}
		});
	}

}
