package dev.strata;

import java.sql.SQLException;

import dev.strata.drift.DriftReport;

/**
 * {@code drift}: the live schema compared with the snapshot of the last run; never takes
 * the lock.
 */
final class DriftCommand implements Command<DriftReport> {

	@Override
	public DriftReport run(CommandContext context) throws SQLException {
		TargetState target = context.target();
		return Snapshots.checker(context.config(), target).check(context.connection(), target.snapshotExists());
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
