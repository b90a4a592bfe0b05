package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.CompositeMigrationListener;
import dev.strata.execute.internal.MigrationExecutor;
import dev.strata.archive.internal.Archiver;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.ProgressWatch;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.effect.internal.EffectCheck;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.internal.GuardLog;
import dev.strata.guard.internal.GuardReport;
import dev.strata.guard.internal.LiveTableSizes;
import dev.strata.migration.Migration;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code undo}: runs the undo file of the last applied version, or of every applied
 * version above a target, newest first, under the migration lock. Each undo file is
 * prepared, judged by the guard and run by the executor exactly as a migration is (its
 * own transaction unless it cannot have one, the effect check, the lock's fence), and
 * recorded as an {@code UNDO_SQL} row that makes its version pending again. Every undo
 * file is read and judged before the first one runs.
 */
final class UndoCommand implements Command<UndoResult> {

	private static final Logger logger = LoggerFactory.getLogger(UndoCommand.class);

	private final StrataConfig config;

	private final @Nullable Version targetVersion;

	private final MigrationListener listener;

	private final long start = System.nanoTime();

	/**
	 * @param targetVersion undo every applied version above it; {@code null} for the last
	 * applied version only
	 */
	UndoCommand(StrataConfig config, @Nullable String targetVersion) {
		this.config = config;
		this.targetVersion = UndoSelection.target(targetVersion);
		this.listener = new CompositeMigrationListener(config.listeners());
	}

	@Override
	public UndoResult run(CommandContext context) throws SQLException {
		// A bad file is reported before the lock is taken.
		context.migrations();
		return context.underLock((target, lock) -> {
			this.listener.lockAcquired(this.config.target(), lock.waited());
			FlywayAdoption.refuseUnadopted(target, this.config);
			if (!target.historyExists()) {
				return result(target, null, null, List.of(), lock);
			}
			target.upgradeHistory();
			MigrationPlan plan = context.plan(target);
			if (!plan.isValid()) {
				throw new ValidationException(target.schema(), plan.problems());
			}
			List<Migration> undos = UndoSelection.select(plan, this.targetVersion);
			if (undos.isEmpty()) {
				return result(target, plan.currentVersionText(), plan.currentVersionText(), List.of(), lock);
			}
			List<PreparedMigration> prepared = new MigrationPreparer().prepare(undos);
			GuardReport judged = guard(context.connection(), prepared);
			List<MigrateResult.AppliedReport> undone = run(context.connection(), target, lock, prepared, judged);
			Snapshots.takeAfterRun(context.connection(), this.config, target, "UNDO");
			String current = context.plan(target).currentVersionText();
			return result(target, plan.currentVersionText(), current, undone, lock);
		});
	}

	private List<MigrateResult.AppliedReport> run(Connection connection, TargetState target, MigrationLock lock,
			List<PreparedMigration> prepared, GuardReport judged) throws SQLException {
		List<MigrateResult.AppliedReport> undone = new ArrayList<>();
		ProgressWatch watch = ProgressWatch.start(this.config.execution().progressInterval(), lock, connection);
		MigrationExecutor executor = new MigrationExecutor(this.config.target(), connection, target.history(),
				this.config.execution(), this.listener, new EffectCheck(judged, this.config.guard()), lock, watch);
		// An allowed destructive undo keeps what it removes, as a migration does.
		Archiver archiver = new Archiver(this.config.archive());
		boolean success = false;
		this.listener.runStarting(this.config.target(), prepared);
		try {
			for (PreparedMigration undo : prepared) {
				Migration file = undo.migration();
				GuardLog.applying(judged.of(file.location()));
				Duration duration = executor.apply(archiver.around(undo, judged.of(file.location())));
				logger.info("Undid V{} with {}{} in {} ms", file.version(), file.displayName(),
						undo.transactional() ? "" : " (outside a transaction)", duration.toMillis());
				undone.add(new MigrateResult.AppliedReport(String.valueOf(file.version()), file.description(),
						file.script(), undo.transactional(), duration));
			}
			success = true;
		}
		finally {
			watch.close();
			this.listener.runFinished(this.config.target(), success);
		}
		lock.checkHeld("Every undo of this run is done and recorded; the schema snapshot was not stored, and the"
				+ " next migrate stores it.");
		return undone;
	}

	/** Judges every undo file before the first runs. @throws GuardRefusedException */
	private GuardReport guard(Connection connection, List<PreparedMigration> prepared) {
		GuardReport report = new Guard(this.config.guard(), new LiveTableSizes(connection)).checkRun(prepared);
		if (report.isRefused()) {
			GuardRefusedException refusal = new GuardRefusedException(report.refused(), "nothing was undone");
			for (PreparedMigration undo : prepared) {
				if (!report.of(undo.migration().location()).refused().isEmpty()) {
					this.listener.refused(this.config.target(), undo, refusal);
				}
			}
			throw refusal;
		}
		return report;
	}

	private UndoResult result(TargetState target, @Nullable String initial, @Nullable String current,
			List<MigrateResult.AppliedReport> undone, MigrationLock lock) {
		UndoResult result = new UndoResult(target.target().name(), target.schema(), initial, current, undone,
				lock.waited(), Duration.ofNanos(System.nanoTime() - this.start));
		logger.info(result.summary());
		return result;
	}

}
