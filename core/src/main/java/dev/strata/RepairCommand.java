package dev.strata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.history.AppliedMigration;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.migration.Migration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code repair}: removes failed entries so the migration can run again once fixed, and
 * realigns the recorded checksum and description of applied migrations (and the checksum
 * of their undo files) to their files. It never touches the schema itself. An entry
 * interrupted with a statement in flight counts as failed when Strata cannot resume it;
 * one that {@code migrate} resumes by itself is left alone, since removing it would make
 * the next run start the file again from its first statement.
 */
final class RepairCommand implements Command<RepairResult> {

	private static final Logger logger = LoggerFactory.getLogger(RepairCommand.class);

	@Override
	public RepairResult run(CommandContext context) throws SQLException {
		// A bad file is reported before the lock is taken.
		context.migrations();
		return context.underLock((target, lock) -> {
			// Flyway's own repair is the one for Flyway's history.
			FlywayAdoption.refuseUnadopted(target, context.config());
			if (!target.historyExists()) {
				return new RepairResult(target.target().name(), target.schema(), List.of(), List.of());
			}
			MigrationPlan plan = context.plan(target);
			List<String> removed = new ArrayList<>();
			List<String> realigned = new ArrayList<>();
			List<Integer> resuming = new ArrayList<>();
			for (MigrationStatus status : plan.statuses()) {
				if (status.state() == MigrationState.FAILED) {
					removed.add(status.displayName());
					AppliedMigration row = status.applied();
					if (row != null && row.interrupted()) {
						logger.info(
								"Repair removes the interrupted entry of {}: statement {} of {} was in flight, statements"
										+ " 1 to {} ran",
								status.displayName(), row.statementInFlight(), row.statementsTotal(),
								row.statementsRun());
					}
				}
				else if (status.state() == MigrationState.INTERRUPTED) {
					resuming.add(status.applied().installedRank());
					logger.info(
							"Repair leaves the interrupted entry of {} as it is: the next migrate resumes it by"
									+ " itself from statement {}",
							status.displayName(), status.applied().statementInFlight());
				}
				else if (status.state() == MigrationState.CHECKSUM_MISMATCH
						|| status.state() == MigrationState.DESCRIPTION_MISMATCH) {
					Migration file = status.migration();
					target.history().realign(status.applied().installedRank(), file.checksum(), file.description());
					realigned.add(status.displayName() + ": checksum " + status.applied().checksum() + " -> "
							+ file.checksum());
				}
			}
			for (MigrationStatus status : plan.statuses()) {
				AppliedMigration row = status.applied();
				Migration file = status.migration();
				if (status.state() == MigrationState.APPLIED && row.undoChecksum() != null) {
					Migration undo = file.undo();
					Integer now = (undo != null) ? undo.checksum() : null;
					if (!row.undoChecksum().equals(now)) {
						target.history().realignUndo(row.installedRank(), now);
						realigned.add(status.displayName() + ": undo file checksum " + row.undoChecksum() + " -> "
								+ ((now != null) ? now : "none"));
					}
				}
			}
			for (AppliedMigration row : target.readHistory()) {
				if (!row.intact() && row.success()) {
					realigned.add(row.displayName() + ": history row changed outside Strata, signed again as it is");
				}
			}
			target.history().deleteFailed(resuming);
			target.history().signAll();
			removed.forEach((name) -> logger.info("Repair removed the failed entry of {}", name));
			realigned.forEach((line) -> logger.info("Repair realigned {}", line));
			return new RepairResult(target.target().name(), target.schema(), List.copyOf(removed),
					List.copyOf(realigned));
		});
	}

}
