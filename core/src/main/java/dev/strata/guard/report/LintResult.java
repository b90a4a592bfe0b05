package dev.strata.guard.report;

import java.util.List;

import dev.strata.guard.Assessment;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;

/**
 * What {@code lint} found: each migration's assessed findings and a verdict.
 *
 * @param scope which migrations were read
 * @param migrations per migration, in order
 * @param sizeAware whether table sizes came from a live database
 */
public record LintResult(LintScope scope, List<GuardedMigration> migrations, boolean sizeAware) {

	public LintResult {
		migrations = List.copyOf(migrations);
	}

	public List<Assessment> refused() {
		return withOutcome(Outcome.REFUSED);
	}

	public List<Assessment> withOutcome(Outcome outcome) {
		return this.migrations.stream().flatMap((migration) -> migration.withOutcome(outcome).stream()).toList();
	}

	public Verdict verdict() {
		if (!refused().isEmpty()) {
			return Verdict.REFUSED;
		}
		boolean warnings = !withOutcome(Outcome.WARNED).isEmpty()
				|| this.migrations.stream().anyMatch((migration) -> !migration.warnings().isEmpty());
		return warnings ? Verdict.SAFE_WITH_WARNINGS : Verdict.SAFE_TO_DEPLOY;
	}

	/**
	 * {@code REFUSED: 2 destructive statements not allowed}, {@code SAFE TO DEPLOY}, …
	 */
	public String verdictLine() {
		List<Assessment> refused = refused();
		if (refused.isEmpty()) {
			return verdict().label();
		}
		long destructive = refused.stream().filter((a) -> a.finding().severity() == Severity.DESTRUCTIVE).count();
		if (destructive == refused.size()) {
			return "REFUSED: " + plural(destructive, "destructive statement") + " not allowed";
		}
		return "REFUSED: " + plural(refused.size(), "statement") + " not allowed (" + destructive + " destructive)";
	}

	private static String plural(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
