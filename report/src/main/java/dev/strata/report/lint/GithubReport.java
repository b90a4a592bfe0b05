package dev.strata.report.lint;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.Outcome;
import dev.strata.guard.report.LintResult;

/**
 * GitHub Actions workflow commands: one {@code ::error} per refused finding and one
 * {@code ::warning} per warning, shown on the pull request's diff; then the verdict line.
 */
final class GithubReport {

	private GithubReport() {
	}

	public static String render(LintResult result) {
		StringBuilder out = new StringBuilder();
		result.migrations().forEach((migration) -> migration.assessments().forEach((a) -> annotation(a, out)));
		result.migrations()
			.forEach((migration) -> migration.warnings()
				.forEach((warning) -> out.append("::warning title=strata:allow::").append(data(warning)).append('\n')));
		out.append(result.verdictLine()).append('\n');
		return out.toString();
	}

	private static void annotation(Assessment assessment, StringBuilder out) {
		if (assessment.outcome() == Outcome.ALLOWED) {
			return;
		}
		Finding finding = assessment.finding();
		out.append("::").append((assessment.outcome() == Outcome.REFUSED) ? "error" : "warning");
		out.append(" file=").append(property(ReportPaths.of(finding.file())));
		out.append(",line=").append(finding.line()).append(",col=").append(finding.column());
		out.append(",title=").append(property("Strata " + finding.ruleId() + " (" + finding.severity() + ")"));
		String note = assessment.note().isEmpty() ? "" : " (" + assessment.note() + ")";
		out.append("::")
			.append(data(finding.message() + note + ". Instead: " + finding.safeAlternative() + ". To allow: "
					+ finding.rule().allowDirective()));
		out.append('\n');
	}

	/** Escapes a message as the workflow command syntax requires. */
	private static String data(String text) {
		return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
	}

	private static String property(String text) {
		return data(text).replace(":", "%3A").replace(",", "%2C");
	}

}
