package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.drift.internal.DriftChecker;
import dev.strata.drift.SnapshotInfo;
import dev.strata.drift.internal.SnapshotScope;
import dev.strata.drift.internal.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the commands meet the drift stage: the store and scope for a target, and taking a
 * snapshot after a run.
 */
final class Snapshots {

	private static final Logger logger = LoggerFactory.getLogger(Snapshots.class);

	private Snapshots() {
	}

	static SnapshotStore store(TargetState target) {
		return new SnapshotStore(target.schema(), target.history().table());
	}

	static SnapshotScope scope(StrataConfig config, TargetState target) {
		return SnapshotScope.of(config.drift(), target.schema(), target.history().table());
	}

	static DriftChecker checker(StrataConfig config, TargetState target) {
		return new DriftChecker(store(target), scope(config, target));
	}

	/** Takes and stores a snapshot; the caller holds the migration lock. */
	static SnapshotInfo take(Connection connection, StrataConfig config, TargetState target, String reason)
			throws SQLException {
		long start = System.nanoTime();
		SnapshotInfo info = store(target).write(connection, scope(config, target), reason);
		logger.info("Stored a schema snapshot of {} objects ({}) in {} ms", info.objectCount(), reason,
				(System.nanoTime() - start) / 1_000_000);
		return info;
	}

	/**
	 * Takes a snapshot after migrations were applied. The migrations are committed
	 * whatever happens here, so a failure does not fail the run: the stale snapshot is
	 * dropped instead, so that checks say "no snapshot" rather than report the run's own
	 * changes as drift, and the next migrate takes one even with nothing pending.
	 */
	static void takeAfterRun(Connection connection, StrataConfig config, TargetState target, String reason) {
		try {
			take(connection, config, target, reason);
		}
		catch (SQLException ex) {
			logger.warn(
					"Could not store the schema snapshot after migrating schema \"{}\": {} (SQLState {}). Drift"
							+ " checks report no snapshot until the next migrate takes one.",
					target.schema(), ex.getMessage(), ex.getSQLState());
			try {
				store(target).discard(connection);
			}
			catch (SQLException discard) {
				logger.warn("Could not drop the stale snapshot table either: {}", discard.getMessage());
			}
		}
	}

}
