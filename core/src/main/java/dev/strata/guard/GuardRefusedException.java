package dev.strata.guard;

import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * The guard refused one or more statements. Lists each with file:line:column, rule, what
 * it does, the safe alternative and the exact directive that would allow it.
 */
public class GuardRefusedException extends StrataException {

	private final List<Assessment> refused;

	private final String outcome;

	/**
	 * @param refused the refused findings
	 * @param outcome what state the database is in, e.g. "nothing was applied"
	 */
	public GuardRefusedException(List<Assessment> refused, String outcome) {
		super(ErrorCategory.REFUSED, message(refused, outcome));
		this.refused = List.copyOf(refused);
		this.outcome = outcome;
	}

	public List<Assessment> refused() {
		return this.refused;
	}

	public String outcome() {
		return this.outcome;
	}

	private static String message(List<Assessment> refused, String outcome) {
		StringBuilder message = new StringBuilder("The guard refused ").append(refused.size())
			.append((refused.size() == 1) ? " statement" : " statements")
			.append("; ")
			.append(outcome)
			.append(':');
		for (Assessment assessment : refused) {
			Finding finding = assessment.finding();
			message.append("\n  ").append(finding.location()).append(" [").append(finding.ruleId()).append("] ");
			message.append(finding.severity()).append(": ").append(finding.message());
			message.append("\n      statement: ").append(finding.statement());
			message.append("\n      why:       ")
				.append(finding.rule().why())
				.append(" (lock: ")
				.append(finding.lock())
				.append(')');
			if (!assessment.note().isEmpty()) {
				message.append("\n      size:      ").append(assessment.note());
			}
			message.append("\n      instead:   ").append(finding.safeAlternative());
			message.append("\n      to allow:  put '")
				.append(finding.rule().allowDirective())
				.append("' directly above the statement, or set strata.guard.rules.")
				.append(finding.ruleId())
				.append("=warn")
				.append((finding.severity() == Severity.DESTRUCTIVE) ? " (or strata.allow-destructive=true)" : "");
		}
		return message.toString();
	}

}
