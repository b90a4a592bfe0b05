package dev.strata.report.lint;

import java.util.List;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.guard.report.LintResult;

/**
 * The report for people: per migration, its findings grouped by severity; then the
 * verdict.
 */
final class TextReport {

	private TextReport() {
	}

	public static String render(LintResult result) {
		StringBuilder out = new StringBuilder();
		out.append("Strata lint: ")
			.append(result.migrations().size())
			.append(" migration")
			.append((result.migrations().size() == 1) ? "" : "s")
			.append(" (")
			.append(result.scope().name().toLowerCase(java.util.Locale.ROOT))
			.append(result.sizeAware() ? ", table sizes from the database" : ", no database: sizes unknown")
			.append(")\n");
		for (GuardedMigration migration : result.migrations()) {
			out.append('\n')
				.append(migration.migration().displayName())
				.append("  ")
				.append(migration.migration().location());
			if (migration.skipped()) {
				out.append("\n  skipped: at or below strata.guard.baseline-version\n");
				continue;
			}
			if (migration.assessments().isEmpty() && migration.warnings().isEmpty()) {
				out.append("\n  no findings\n");
				continue;
			}
			out.append('\n');
			for (Severity severity : Severity.values()) {
				List<Assessment> group = migration.assessments()
					.stream()
					.filter((a) -> a.finding().severity() == severity)
					.toList();
				if (!group.isEmpty()) {
					out.append("  ").append(severity).append('\n');
					group.forEach((assessment) -> finding(assessment, out));
				}
			}
			migration.warnings().forEach((warning) -> out.append("  warning: ").append(warning).append('\n'));
		}
		out.append('\n').append(result.verdictLine()).append('\n');
		return out.toString();
	}

	private static void finding(Assessment assessment, StringBuilder out) {
		Finding finding = assessment.finding();
		String label = switch (assessment.outcome()) {
			case REFUSED -> "REFUSED";
			case WARNED -> "warning";
			case ALLOWED -> "allowed";
		};
		out.append(String.format("    %-8s %d:%d %s: %s%n", label, finding.line(), finding.column(), finding.ruleId(),
				finding.message()));
		out.append("             statement: ").append(finding.statement()).append('\n');
		out.append("             lock:      ").append(finding.lock()).append('\n');
		if (!assessment.note().isEmpty()) {
			out.append("             note:      ").append(assessment.note()).append('\n');
		}
		if (assessment.outcome() != Outcome.ALLOWED) {
			out.append("             instead:   ").append(finding.safeAlternative()).append('\n');
			out.append("             to allow:  ").append(finding.rule().allowDirective()).append('\n');
		}
	}

}
