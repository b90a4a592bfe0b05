package dev.strata.autoconfigure.migrator;

import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Statement;
import dev.strata.execute.SlowStatement;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.report.lint.LintFormat;
import dev.strata.plan.ValidationProblem;
import dev.strata.source.MigrationNames;
import dev.strata.report.MigrationEntry;
import org.jspecify.annotations.Nullable;

/** Renders a report as a short summary for people reading a job's log. */
final class TextReport {

	private TextReport() {
	}

	static String render(MigratorReport report) {
		if (report.lint() != null && isDocument(report.lintFormat())) {
			// a JSON or SARIF lint report stays one document that a tool can read; the
			// exit code says the rest
			return report.lintFormat().render(report.lint());
		}
		StringBuilder text = new StringBuilder();
		text.append("\nStrata migrator: ").append(report.command());
		if (report.database() != null) {
			text.append(" on database \"").append(report.database()).append('"');
		}
		if (report.schema() != null) {
			text.append(", schema \"").append(report.schema()).append('"');
		}
		text.append('\n');
		section(text, "Applied", report.applied());
		section(text, "Undone", report.undone());
		section(text, "Pending", report.pending());
		section(text, "Migrations", report.migrations());
		if (!report.dryRun().isEmpty()) {
			text.append("Would run:\n");
			for (DryRunMigration migration : report.dryRun()) {
				dryRun(text, migration);
			}
		}
		else if (report.command().equals(MigratorCommand.DRY_RUN.id()) && report.isSuccess()) {
			text.append("Nothing would run: no migration is pending.\n");
		}
		else if (report.command().equals(MigratorCommand.UNDO.id()) && report.undone().isEmpty()
				&& report.isSuccess()) {
			text.append("Nothing to undo.\n");
		}
		list(text, "Removed failed entries", report.removedFailed());
		list(text, "Realigned", report.realigned());
		if (report.lint() != null) {
			text.append(report.lintFormat().render(report.lint()));
		}
		if (report.drift() != null) {
			drift(text, report);
		}
		if (!report.problems().isEmpty()) {
			text.append("Problems:\n");
			for (ValidationProblem problem : report.problems()) {
				text.append("  - ").append(problem.migration()).append(": ").append(problem.detail()).append('\n');
				text.append("    Fix: ").append(problem.fix()).append('\n');
			}
		}
		if (report.fleet() != null) {
			fleet(text, report.fleet());
		}
		if (!report.archives().isEmpty()) {
			list(text, report.command().equals(MigratorCommand.PURGE_ARCHIVES.id()) ? "Purged archives" : "Archives",
					report.archives().stream().map(TextReport::archive).toList());
		}
		else if (report.command().equals(MigratorCommand.ARCHIVES.id()) && report.isSuccess()) {
			text.append("No archives.\n");
		}
		list(text, "Warnings", report.warnings());
		list(text, "Slow statements", report.slowStatements().stream().map(SlowStatement::toString).toList());
		if (report.versionBefore() != null || report.versionAfter() != null) {
			text.append("Version: ").append(version(report.versionBefore()));
			if (!String.valueOf(report.versionBefore()).equals(String.valueOf(report.versionAfter()))) {
				text.append(" -> ").append(version(report.versionAfter()));
			}
			text.append('\n');
		}
		if (report.error() != null) {
			text.append("Error (")
				.append(report.error().category())
				.append("): ")
				.append(report.error().message())
				.append('\n');
		}
		text.append("Result: ")
			.append(report.outcome())
			.append(", exit code ")
			.append(report.exitCode())
			.append(", ")
			.append(report.durationMs())
			.append(" ms\n");
		return text.toString();
	}

	/** The counts by state, then each tenant that needs a look, with its error. */
	private static void fleet(StringBuilder text, FleetResult fleet) {
		text.append("Tenants: ").append(fleet.summary()).append('\n');
		for (TenantResult tenant : fleet.tenants()) {
			if (tenant.state().isProblem() || tenant.state() == TenantState.PENDING) {
				text.append("  - ").append(tenant.name()).append(": ").append(tenant.state());
				if (tenant.error() != null) {
					text.append(": ").append(tenant.error());
				}
				text.append('\n');
			}
		}
	}

	private static void section(StringBuilder text, String title, List<MigrationEntry> migrations) {
		if (migrations.isEmpty()) {
			return;
		}
		text.append(title).append(" (").append(migrations.size()).append("):\n");
		for (MigrationEntry migration : migrations) {
			text.append("  ").append(migration.displayName()).append("  ").append(migration.state());
			if (migration.executionTimeMs() != null) {
				text.append("  ").append(migration.executionTimeMs()).append(" ms");
			}
			if (Boolean.FALSE.equals(migration.transactional())) {
				text.append("  (outside a transaction)");
			}
			text.append('\n');
		}
	}

	private static void dryRun(StringBuilder text, DryRunMigration migration) {
		text.append("  ")
			.append(MigrationNames.display(migration.version(), migration.description()))
			.append(", ")
			.append(migration.script())
			.append(", ")
			.append(migration.transactional() ? "in one transaction"
					: "outside a transaction: " + migration.nonTransactionalReason())
			.append('\n');
		for (Statement statement : migration.statements()) {
			text.append("    line ")
				.append(statement.line())
				.append(": ")
				.append(statement.sql().replace("\n", "\n      "))
				.append(";\n");
		}
	}

	private static boolean isDocument(LintFormat format) {
		return format == LintFormat.JSON || format == LintFormat.SARIF;
	}

	private static void drift(StringBuilder text, MigratorReport report) {
		DriftReport drift = report.drift();
		if (report.command().equals(MigratorCommand.STATUS.id())) {
			text.append("Drift: ").append(drift.state());
			if (drift.state() == DriftState.DRIFTED) {
				int changed = drift.changedObjects();
				text.append(", ")
					.append(changed)
					.append((changed == 1) ? " object" : " objects")
					.append(" changed (the 'drift' command lists them)");
			}
			text.append('\n');
			return;
		}
		text.append((report.snapshot() != null) ? "Accepted drift:\n" : "Drift:\n");
		text.append("  ").append(drift.describe().replace("\n", "\n  ")).append('\n');
		if (report.snapshot() != null) {
			text.append("New snapshot: ")
				.append(report.snapshot().objectCount())
				.append(" objects, taken at ")
				.append(report.snapshot().takenAt())
				.append('\n');
		}
	}

	private static void list(StringBuilder text, String title, List<String> lines) {
		if (lines.isEmpty()) {
			return;
		}
		text.append(title).append(":\n");
		lines.forEach((line) -> text.append("  - ").append(line).append('\n'));
	}

	private static String version(@Nullable String version) {
		return (version != null) ? version : "<none>";
	}

	/** {@code 3: DROPPED_TABLE of public.orders by V12 line 4, 500 rows, 64 kB, ...}. */
	private static String archive(ArchiveEntry archive) {
		return archive.id() + ": " + archive.kind() + " of " + archive.object() + " by "
				+ ((archive.version() != null) ? "V" + archive.version() : archive.script()) + " line " + archive.line()
				+ ", " + archive.rows() + " rows, " + archive.bytes() + " bytes, archived " + archive.archivedAt()
				+ ((archive.archiveTable() != null) ? " as " + archive.archiveTable() : "")
				+ ((archive.restoredAt() != null) ? ", restored " + archive.restoredAt() : "")
				+ (archive.note().isEmpty() ? "" : " (" + archive.note() + ")");
	}

}
