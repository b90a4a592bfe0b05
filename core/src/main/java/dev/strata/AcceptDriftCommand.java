package dev.strata;

import java.sql.SQLException;

import dev.strata.drift.DriftReport;
import dev.strata.drift.SnapshotInfo;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code accept-drift}: stores the live schema as the snapshot later checks compare with;
 * never automatic.
 */
final class AcceptDriftCommand implements Command<AcceptDriftResult> {

	private static final Logger logger = LoggerFactory.getLogger(AcceptDriftCommand.class);

	@Override
	public AcceptDriftResult run(CommandContext context) throws SQLException {
		StrataConfig config = context.config();
		return context.underLock((target, lock) -> {
			if (!target.historyExists()) {
				throw new StrataException(ErrorCategory.CONFIGURATION,
						"Schema \"" + target.schema() + "\" has no history table " + config.table()
								+ "; migrate or baseline first, which" + " store a snapshot themselves.");
			}
			DriftReport accepted = Snapshots.checker(config, target)
				.check(context.connection(), target.snapshotExists());
			SnapshotInfo snapshot = Snapshots.take(context.connection(), config, target, "ACCEPTED");
			logger.info("Accepted schema drift: {}", accepted.describe());
			return new AcceptDriftResult(target.target().name(), target.schema(), accepted, snapshot);
		});
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
