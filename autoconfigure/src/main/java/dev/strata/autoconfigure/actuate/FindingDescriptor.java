package dev.strata.autoconfigure.actuate;

import java.util.List;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.status.MigrationReview;

/**
 * A guard finding in a migration, as the endpoint shows it.
 *
 * @param rule the rule id, such as {@code drop-column}
 * @param severity DESTRUCTIVE, LOCKING, INCOMPATIBLE or REVIEW
 * @param outcome what {@code migrate} would do with it: REFUSED, WARNED or ALLOWED
 * @param line the line of the statement in the file
 * @param message what the statement does
 * @param lock the lock the statement takes
 * @param safeAlternative how to do the same safely
 * @param note why the outcome: the directive's reason or the switch that allowed it; may
 * be empty
 */
public record FindingDescriptor(String rule, Severity severity, Outcome outcome, int line, String message, String lock,
		String safeAlternative, String note) {

	static FindingDescriptor of(Assessment assessment) {
		Finding finding = assessment.finding();
		return new FindingDescriptor(finding.ruleId(), finding.severity(), assessment.outcome(), finding.line(),
				finding.message(), finding.lock(), finding.safeAlternative(), assessment.note());
	}

	static List<FindingDescriptor> of(MigrationReview review) {
		return review.assessments().stream().map(FindingDescriptor::of).toList();
	}

}
