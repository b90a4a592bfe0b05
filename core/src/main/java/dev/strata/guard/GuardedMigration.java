package dev.strata.guard;

import java.util.List;
import java.util.Set;

import dev.strata.migration.Migration;

/**
 * What the guard made of one migration.
 *
 * @param migration the migration
 * @param assessments its findings with their outcomes, in statement order
 * @param warnings directive warnings (an allow that allows nothing), with file:line
 * @param checkEffects whether its effect is checked inside its transaction before commit
 * @param allowedRules the rule ids its directives allow, which the effect check accepts
 * too
 * @param skipped whether it is at or below {@code strata.guard.baseline-version} and was
 * not checked
 */
public record GuardedMigration(Migration migration, List<Assessment> assessments, List<String> warnings,
		boolean checkEffects, Set<String> allowedRules, boolean skipped) {

	public GuardedMigration {
		assessments = List.copyOf(assessments);
		warnings = List.copyOf(warnings);
		allowedRules = Set.copyOf(allowedRules);
	}

	public List<Assessment> refused() {
		return this.assessments.stream().filter(Assessment::refused).toList();
	}

	public List<Assessment> withOutcome(Outcome outcome) {
		return this.assessments.stream().filter((assessment) -> assessment.outcome() == outcome).toList();
	}

}
