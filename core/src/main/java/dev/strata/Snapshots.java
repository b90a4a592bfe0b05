package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.drift.internal.DriftChecker;
import dev.strata.drift.SnapshotInfo;
import dev.strata.drift.internal.SnapshotScope;
import dev.strata.drift.internal.SnapshotStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the commands meet the drift stage: the store and scope for a target, and taking a
 * snapshot after a run.
 */
final class Snapshots {

	private static final Logger logger = LoggerFactory.getLogger(Snapshots.class);

	/**
	 * The most tables and views a snapshot stored in the background locks; more take too
	 * large a share of the server's lock table (64 per connection by default).
	 */
	static final int MAX_LOCKED_RELATIONS = 500;

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
			failedAfterRun(connection, target, ex);
		}
	}

	/**
	 * Begins the snapshot after a run, of the catalog as it is at this moment (see
	 * {@link SnapshotStore#begin}), and returns what stores it: to be run later on the
	 * same connection, still under the migration lock. A failure, now or then, is handled
	 * as {@link #takeAfterRun} handles one; then there is nothing to run.
	 */
	static CommandContext.@Nullable ConnectionWork beginAfterRun(Connection connection, StrataConfig config,
			TargetState target, String reason) {
		long start = System.nanoTime();
		SnapshotStore.Begun begun;
		try {
			begun = store(target).begin(connection, scope(config, target), MAX_LOCKED_RELATIONS);
		}
		catch (SQLException ex) {
			// too many relations to lock, or one locked by someone else: store it now
			logger.debug("Storing the snapshot before migrate returns: {}", ex.getMessage());
			takeAfterRun(connection, config, target, reason);
			return null;
		}
		return (c) -> {
			try {
				SnapshotInfo info = begun.write(scope(config, target), reason);
				logger.info("Stored a schema snapshot of {} objects ({}) in {} ms, in the background",
						info.objectCount(), reason, (System.nanoTime() - start) / 1_000_000);
			}
			catch (SQLException ex) {
				failedAfterRun(c, target, ex);
			}
		};
	}

	private static void failedAfterRun(Connection connection, TargetState target, SQLException ex) {
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
