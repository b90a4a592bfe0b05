package dev.strata.autoconfigure.migrator;

import java.util.List;

import dev.strata.BaselineResult;
import dev.strata.ErrorCategory;
import dev.strata.MigrateResult;
import dev.strata.RepairResult;
import dev.strata.StatusResult;
import dev.strata.Strata;
import dev.strata.StrataException;
import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Migration;
import dev.strata.autoconfigure.migrator.MigratorReport.Problem;
import dev.strata.plan.MigrationPreparer;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.PreparedMigration;
import dev.strata.plan.ValidationProblem;
import dev.strata.source.MigrationFile;

/**
 * Runs one command on {@link Strata} and records what it did in a report. A command that cannot
 * do its job throws a {@link StrataException} whose category becomes the exit code; whatever it
 * learnt before that stays in the report.
 */
final class MigratorCommands {

	private final Strata strata;

	private final MigratorProperties properties;

	MigratorCommands(Strata strata, MigratorProperties properties) {
		this.strata = strata;
		this.properties = properties;
	}

	/** Commands that other parts of Strata provide once they exist; until then they refuse. */
	static boolean isAvailable(MigratorCommand command) {
		return command != MigratorCommand.LINT && command != MigratorCommand.DRIFT;
	}

	void run(MigratorCommand command, MigratorReport.Builder report) {
		switch (command) {
			case MIGRATE -> migrate(report);
			case VALIDATE -> validate(report);
			case STATUS -> status(report);
			case DRY_RUN -> dryRun(report);
			case BASELINE -> baseline(report);
			case REPAIR -> repair(report);
			// The seam for the guard's lint and for drift detection: wire them here when they exist.
			case LINT, DRIFT -> throw notAvailable(command);
		}
	}

	static StrataException notAvailable(MigratorCommand command) {
		return new StrataException(ErrorCategory.CONFIGURATION,
				"The '" + command.id() + "' command is not available yet in this version of Strata.");
	}

	private void migrate(MigratorReport.Builder report) {
		MigrateResult result = this.strata.migrate();
		report.schema(result.schema()).versions(result.initialVersion(), result.currentVersion());
		report.applied(result.applied().stream().map(MigratorCommands::applied).toList());
		if (result.baselined()) {
			report.warning("Recorded a baseline at version " + this.strata.config().baselineVersion()
					+ " first (strata.baseline-on-migrate)");
		}
		for (MigrateResult.AppliedReport applied : result.applied()) {
			if (!applied.transactional()) {
				report.warning(applied(applied).displayName() + " ran outside a transaction");
			}
		}
		if (result.lockWait().toSeconds() >= 1) {
			report.warning("Waited " + result.lockWait().toMillis() + " ms for another migrator to finish");
		}
	}

	private void validate(MigratorReport.Builder report) {
		StatusResult status = readStatus(report);
		if (!status.isValid()) {
			throw new StrataException(ErrorCategory.VALIDATION, "Validation of schema \"" + status.schema()
					+ "\" failed with " + plural(status.problems().size(), "problem") + "; see problems.");
		}
		if (!status.pending().isEmpty()) {
			throw new StrataException(ErrorCategory.VALIDATION,
					plural(status.pending().size(), "migration") + " pending in schema \"" + status.schema()
							+ "\": the database is older than this build. Run the migrator with command 'migrate'.");
		}
	}

	private void status(MigratorReport.Builder report) {
		StatusResult status = readStatus(report);
		report.migrations(status.migrations().stream().map(MigratorCommands::migration).toList());
	}

	private void dryRun(MigratorReport.Builder report) {
		StatusResult status = readStatus(report);
		List<MigrationFile> files = status.pending().stream().map(MigrationStatus::file).toList();
		// The same preparation migrate does before applying anything: split, directives, transaction or not.
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(files);
		report.dryRun(prepared.stream().map(MigratorCommands::dryRun).toList());
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

	/** Status, recorded in the report: schema, version, pending migrations and problems. */
	private StatusResult readStatus(MigratorReport.Builder report) {
		StatusResult status = this.strata.status();
		report.schema(status.schema()).versions(status.currentVersion(), status.currentVersion());
		report.pending(status.pending().stream().map(MigratorCommands::migration).toList());
		report.problems(status.problems().stream().map(MigratorCommands::problem).toList());
		return status;
	}

	private static Migration applied(MigrateResult.AppliedReport applied) {
		return new Migration(applied.version(), applied.description(), applied.script(), MigrationState.APPLIED.name(),
				applied.transactional(), applied.duration().toMillis(), null);
	}

	private static Migration migration(MigrationStatus status) {
		Boolean transactional = (status.applied() != null) ? status.applied().transactional() : null;
		String installedOn = (status.installedOn() != null) ? status.installedOn().toString() : null;
		return new Migration(status.version(), status.description(), status.script(), status.state().name(),
				transactional, null, installedOn);
	}

	private static Problem problem(ValidationProblem problem) {
		return new Problem(problem.kind().name(), problem.migration(), problem.detail(), problem.fix());
	}

	private static DryRunMigration dryRun(PreparedMigration migration) {
		MigrationFile file = migration.file();
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
