package dev.strata.guard.policy.internal;

import java.util.Map;

import dev.strata.guard.GuardSettings;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.guard.rules.Rule;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.policy.RuleMode;

/**
 * The one place that decides whether a finding refuses a migration, only warns or was
 * allowed: from the rule's severity, {@code strata.guard.strict},
 * {@code strata.guard.rules.<id>}, the table's size, the file's {@code strata:allow}
 * directives and {@code strata.allow-destructive}. The text guard and the effect check
 * both ask it, so that what one lets through the other does not refuse.
 */
public final class AllowPolicy {

	private final boolean allowDestructive;

	private final boolean strict;

	private final Map<String, RuleMode> rules;

	public AllowPolicy(GuardSettings settings) {
		this.allowDestructive = settings.allowDestructive();
		this.strict = settings.strict();
		this.rules = settings.rules();
	}

	/**
	 * Whether findings of the rule are reported at all
	 * ({@code strata.guard.rules.<id>=off} hides them).
	 */
	public boolean reports(Rule rule) {
		return configured(rule) != RuleMode.OFF;
	}

	/**
	 * What a finding of this rule does when nothing else (size, directive) changes it.
	 */
	public RuleMode modeOf(Rule rule) {
		RuleMode configured = configured(rule);
		if (configured != null) {
			return configured;
		}
		return switch (rule.severity()) {
			case DESTRUCTIVE -> RuleMode.REFUSE;
			case LOCKING, INCOMPATIBLE -> this.strict ? RuleMode.REFUSE : RuleMode.WARN;
			case REVIEW -> RuleMode.WARN;
		};
	}

	/**
	 * Decides one finding.
	 * @param rule the finding's rule
	 * @param largeTable whether the finding locks a table above
	 * {@code strata.guard.large-table-rows}: a LOCKING finding on it refuses unless its
	 * rule is configured otherwise
	 * @param allowedBy why a {@code strata:allow} directive allows it (for the note), or
	 * {@code null} when none does
	 */
	public Decision decide(Rule rule, boolean largeTable, @Nullable String allowedBy) {
		RuleMode mode = modeOf(rule);
		if (largeTable && rule.severity() == Severity.LOCKING && configured(rule) == null) {
			mode = RuleMode.REFUSE;
		}
		if (allowedBy != null) {
			return new Decision(Outcome.ALLOWED, allowedBy);
		}
		if (mode == RuleMode.REFUSE && rule.severity() == Severity.DESTRUCTIVE && this.allowDestructive) {
			return new Decision(Outcome.ALLOWED, "allowed by strata.allow-destructive");
		}
		return new Decision((mode == RuleMode.REFUSE) ? Outcome.REFUSED : Outcome.WARNED, "");
	}

	/**
	 * The configured mode of a rule, or {@code null} when it keeps the default of its
	 * severity.
	 */
	private @Nullable RuleMode configured(Rule rule) {
		return this.rules.get(rule.id());
	}

	/**
	 * What the policy made of a finding.
	 *
	 * @param outcome refused, warned or allowed
	 * @param note what allowed it, or empty
	 */
	public record Decision(Outcome outcome, String note) {
	}

}
