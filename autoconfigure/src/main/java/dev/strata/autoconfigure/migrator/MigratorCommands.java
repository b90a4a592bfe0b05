package dev.strata.autoconfigure.migrator;

import dev.strata.fleet.Fleet;
import org.jspecify.annotations.Nullable;
import dev.strata.AcceptDriftResult;
import dev.strata.BaselineResult;
import dev.strata.DryRunResult;
import dev.strata.error.ErrorCategory;
import dev.strata.MigrateResult;
import dev.strata.PendingMigrationsException;
import dev.strata.RepairResult;
import dev.strata.RestoreResult;
import dev.strata.StatusResult;
import dev.strata.UndoResult;
import dev.strata.Strata;
import dev.strata.error.StrataException;
import dev.strata.ValidationException;
import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.Verdict;
import dev.strata.migration.PreparedMigration;
import dev.strata.report.MigrationEntry;
import dev.strata.report.lint.LintFormat;

/**
 * Runs one command on {@link Strata} and records what it did in a report. A command that
 * cannot do its job throws a {@link StrataException} whose category becomes the exit
 * code; whatever it learnt before that stays in the report.
 */
final class MigratorCommands {

	private final Strata strata;

	private final MigratorProperties properties;

	private final LintFormat lintFormat;

	/** The tenants, when configured: migrate, validate and status run over them. */
	private final @Nullable Fleet fleet;

	MigratorCommands(Strata strata, MigratorProperties properties, LintFormat lintFormat) {
		this(strata, properties, lintFormat, null);
	}

	MigratorCommands(Strata strata, MigratorProperties properties, LintFormat lintFormat, @Nullable Fleet fleet) {
		this.strata = strata;
		this.properties = properties;
		this.lintFormat = lintFormat;
		this.fleet = fleet;
	}

	void run(MigratorCommand command, MigratorReport.Builder report) {
		if (this.fleet != null && new FleetCommands(this.fleet).run(command, report)) {
			return;
		}
		switch (command) {
			case MIGRATE -> migrate(report);
			case VALIDATE -> validate(report);
			case STATUS -> status(report);
			case DRY_RUN -> dryRun(report);
			case BASELINE -> baseline(report);
			case REPAIR -> repair(report);
			case LINT -> lint(report);
			case DRIFT -> drift(report);
			case ACCEPT_DRIFT -> acceptDrift(report);
			case ARCHIVES -> report.archives(this.strata.archives());
			case RESTORE -> restore(report);
			case PURGE_ARCHIVES -> report.archives(this.strata.purgeArchives());
			case UNDO -> undo(report);
		}
	}

	private void migrate(MigratorReport.Builder report) {
		MigrateResult result = this.strata.migrate();
		// the run is over when its snapshot is stored: the migrator exits next
		this.strata.awaitSnapshot();
		report.schema(result.schema()).versions(result.initialVersion(), result.currentVersion());
		report.applied(result.applied().stream().map(MigrationEntry::applied).toList());
		report.slowStatements(result.slowStatements());
		report.adopted(result.adopted());
		if (result.adopted() != null) {
			MigrateResult.Adopted adopted = result.adopted();
			report.warning("Adopted Flyway's history (" + adopted.flywayTable() + "): " + adopted.versioned()
					+ " versioned, " + adopted.repeatable() + " repeatable and " + adopted.java()
					+ " Java migration rows recorded as Strata's" + ((adopted.baselineVersion() != null)
							? ", a baseline at version " + adopted.baselineVersion() : "")
					+ "; Flyway's table is left as it was");
		}
		if (result.baselined()) {
			report.warning("Recorded a baseline at version " + this.strata.config().baselineVersion()
					+ " first (strata.baseline-on-migrate)");
		}
		for (MigrateResult.AppliedReport applied : result.applied()) {
			if (!applied.transactional()) {
				report.warning(MigrationEntry.applied(applied).displayName() + " ran outside a transaction");
			}
		}
		if (result.lockWait().toSeconds() >= 1) {
			report.warning("Waited " + result.lockWait().toMillis() + " ms for another migrator to finish");
		}
	}

	private void validate(MigratorReport.Builder report) {
		try {
			record(report, this.strata.validateUpToDate("Run the migrator with command 'migrate'."));
		}
		catch (ValidationException ex) {
			if (ex.status() != null) {
				record(report, ex.status());
			}
			throw new StrataException(ErrorCategory.VALIDATION, "Validation of schema \"" + ex.schema()
					+ "\" failed with " + plural(ex.problems().size(), "problem") + "; see problems.");
		}
		catch (PendingMigrationsException ex) {
			record(report, ex.status());
			throw ex;
		}
		if (this.properties.isFailOnDrift()) {
			failOnDrift(checkDrift(report));
		}
	}

	private void status(MigratorReport.Builder report) {
		StatusResult status = readStatus(report);
		report.migrations(status.migrations().stream().map(MigrationEntry::of).toList());
		try {
			checkDrift(report);
		}
		catch (RuntimeException ex) {
			// status reports what it can: the migrations above are worth more than a
			// failed drift check
			report.warning("Schema drift was not checked: " + ex.getMessage());
		}
	}

	private void lint(MigratorReport.Builder report) {
		LintResult result = this.strata.lint();
		report.lint(result, this.lintFormat);
		if (result.verdict() == Verdict.REFUSED) {
			throw new StrataException(ErrorCategory.REFUSED, "Lint verdict " + result.verdictLine()
					+ ". Change the migrations, or allow each statement with a -- strata:allow directive giving the"
					+ " reason.");
		}
	}

	private void drift(MigratorReport.Builder report) {
		failOnDrift(checkDrift(report));
	}

	/**
	 * Exit code 7 for drift and for a snapshot that cannot be compared any more; see
	 * docs/migrator.md.
	 */
	private static void failOnDrift(DriftReport drift) {
		if (drift.state() == DriftState.DRIFTED) {
			throw new StrataException(ErrorCategory.DRIFT, plural(drift.changedObjects(), "object")
					+ " drifted from the snapshot. Put the change into a migration, or undo it; if it is wanted as it"
					+ " is, review it and run the migrator with command 'accept-drift'.");
		}
		if (drift.state() == DriftState.REBASELINE_NEEDED) {
			throw new StrataException(ErrorCategory.DRIFT, drift.message() + " Drift cannot be checked until then:"
					+ " review the live schema, then run the migrator with command 'accept-drift'.");
		}
	}

	/** Drift, recorded in the report; a missing snapshot is a warning, not a failure. */
	private DriftReport checkDrift(MigratorReport.Builder report) {
		DriftReport drift = this.strata.drift();
		report.drift(drift);
		if (drift.state() == DriftState.NO_SNAPSHOT) {
			report.warning("Schema drift was not checked: " + drift.message());
		}
		return drift;
	}

	private void acceptDrift(MigratorReport.Builder report) {
		if (!this.properties.getAcceptDrift().isConfirm()) {
			checkDrift(report);
			throw new StrataException(ErrorCategory.CONFIGURATION, "accept-drift stores the live schema as the"
					+ " snapshot drift is checked against, so every change listed stops being reported. Nothing was"
					+ " changed. Review the drift listed, then run again with"
					+ " strata.migrator.accept-drift.confirm=true.");
		}
		AcceptDriftResult result = this.strata.acceptDrift();
		report.schema(result.schema()).drift(result.accepted()).snapshot(result.snapshot());
	}

	private void dryRun(MigratorReport.Builder report) {
		DryRunResult result = this.strata.dryRun();
		record(report, result.status());
		report.dryRun(result.pending().stream().map(MigratorCommands::dryRun).toList());
	}

	private void baseline(MigratorReport.Builder report) {
		BaselineResult result = this.strata.baseline();
		report.schema(result.schema()).versions(null, result.version());
	}

	private void repair(MigratorReport.Builder report) {
		if (!this.properties.getRepair().isConfirm()) {
			readStatus(report);
			throw new StrataException(ErrorCategory.CONFIGURATION, "repair rewrites the history: it removes failed"
					+ " entries and makes applied migrations match edited files. Nothing was changed. Review the"
					+ " problems listed, then run again with strata.migrator.repair.confirm=true.");
		}
		RepairResult result = this.strata.repair();
		report.schema(result.schema()).repaired(result.removedFailed(), result.realigned());
		StatusResult after = this.strata.status();
		report.versions(after.currentVersion(), after.currentVersion());
	}

	private void restore(MigratorReport.Builder report) {
		Long id = this.properties.getRestore().getId();
		if (id == null) {
			report.archives(this.strata.archives());
			throw new StrataException(ErrorCategory.CONFIGURATION, "restore needs the archive to put back:"
					+ " strata.migrator.restore.id, one of the archives listed.");
		}
		if (!this.properties.getRestore().isConfirm()) {
			report.archives(this.strata.archives().stream().filter((archive) -> archive.id() == id).toList());
			throw new StrataException(ErrorCategory.CONFIGURATION, "restore puts archive " + id + " back into the"
					+ " schema (a table under its name, a column, rows). Nothing was changed. Review it, then run"
					+ " again with strata.migrator.restore.confirm=true.");
		}
		RestoreResult result = this.strata.restore(id);
		report.archives(this.strata.archives().stream().filter((archive) -> archive.id() == id).toList());
		report.warning(result.summary());
	}

	/**
	 * Without its confirm property, {@code undo} is its own dry run: it lists what it
	 * would run, changes nothing and exits 2, as {@code repair} and {@code accept-drift}
	 * do.
	 */
	private void undo(MigratorReport.Builder report) {
		MigratorProperties.Undo undo = this.properties.getUndo();
		if (!undo.isConfirm()) {
			DryRunResult result = this.strata.dryRunUndo(undo.getTarget());
			record(report, result.status());
			report.dryRun(result.pending().stream().map(MigratorCommands::dryRun).toList());
			throw new StrataException(ErrorCategory.CONFIGURATION, "undo reverts applied migrations with their undo"
					+ " files: it changes the schema and may drop data. Nothing was changed. Review what it would run"
					+ " (listed), then run again with strata.migrator.undo.confirm=true.");
		}
		UndoResult result = (undo.getTarget() != null) ? this.strata.undo(undo.getTarget()) : this.strata.undo();
		report.schema(result.schema()).versions(result.initialVersion(), result.currentVersion());
		report.undone(result.undone().stream().map(MigrationEntry::undone).toList());
		for (MigrateResult.AppliedReport undone : result.undone()) {
			if (!undone.transactional()) {
				report.warning(MigrationEntry.undone(undone).displayName() + " ran outside a transaction");
			}
		}
		if (result.lockWait().toSeconds() >= 1) {
			report.warning("Waited " + result.lockWait().toMillis() + " ms for another migrator to finish");
		}
	}

	/**
	 * Status, recorded in the report: schema, version, pending migrations and problems.
	 */
	private StatusResult readStatus(MigratorReport.Builder report) {
		return record(report, this.strata.status());
	}

	private static StatusResult record(MigratorReport.Builder report, StatusResult status) {
		report.schema(status.schema()).versions(status.currentVersion(), status.currentVersion());
		report.pending(status.pending().stream().map(MigrationEntry::of).toList());
		report.problems(status.problems());
		return status;
	}

	private static DryRunMigration dryRun(PreparedMigration migration) {
		dev.strata.migration.Migration file = migration.migration();
		return new DryRunMigration((file.version() != null) ? file.version().toString() : null, file.description(),
				file.script(), migration.transactional(), migration.nonTransactionalReason(),
				migration.statements()
					.stream()
					.map((statement) -> new MigratorReport.Statement(statement.line(), statement.text()))
					.toList());
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
