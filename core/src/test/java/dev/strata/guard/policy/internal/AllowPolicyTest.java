package dev.strata.guard.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.strata.guard.GuardSettings;
import dev.strata.guard.Outcome;
import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.rules.Rule;
import org.junit.jupiter.api.Test;
import dev.strata.guard.policy.RuleMode;

class AllowPolicyTest {

	@Test
	void destructiveRefusesLockingAndReviewWarnByDefault() {
		AllowPolicy policy = new AllowPolicy(GuardSettings.DEFAULTS);
		assertThat(policy.decide(Rule.DROP_TABLE, false, null).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(policy.decide(Rule.CREATE_INDEX_NOT_CONCURRENTLY, false, null).outcome()).isEqualTo(Outcome.WARNED);
		assertThat(policy.decide(Rule.FUNCTION_CALL, false, null).outcome()).isEqualTo(Outcome.WARNED);
	}

	@Test
	void strictRefusesLockingButNotReview() {
		AllowPolicy policy = new AllowPolicy(settings(false, true, Map.of()));
		assertThat(policy.decide(Rule.CREATE_INDEX_NOT_CONCURRENTLY, false, null).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(policy.decide(Rule.FUNCTION_CALL, false, null).outcome()).isEqualTo(Outcome.WARNED);
	}

	@Test
	void largeTableRefusesLockingUnlessTheRuleIsConfigured() {
		assertThat(new AllowPolicy(GuardSettings.DEFAULTS).decide(Rule.CREATE_INDEX_NOT_CONCURRENTLY, true, null)
			.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(new AllowPolicy(settings(false, false, Map.of("create-index-not-concurrently", RuleMode.WARN)))
			.decide(Rule.CREATE_INDEX_NOT_CONCURRENTLY, true, null)
			.outcome()).isEqualTo(Outcome.WARNED);
	}

	@Test
	void directiveAllowsWithItsReason() {
		AllowPolicy.Decision decision = new AllowPolicy(GuardSettings.DEFAULTS).decide(Rule.DROP_TABLE, false,
				"allowed at line 1: empty");
		assertThat(decision).isEqualTo(new AllowPolicy.Decision(Outcome.ALLOWED, "allowed at line 1: empty"));
	}

	@Test
	void allowDestructiveAllowsOnlyDestructiveFindings() {
		AllowPolicy policy = new AllowPolicy(settings(true, true, Map.of()));
		assertThat(policy.decide(Rule.DROP_COLUMN, false, null))
			.isEqualTo(new AllowPolicy.Decision(Outcome.ALLOWED, "allowed by strata.allow-destructive"));
		assertThat(policy.decide(Rule.CREATE_INDEX_NOT_CONCURRENTLY, false, null).outcome()).isEqualTo(Outcome.REFUSED);
	}

	@Test
	void ruleModesOverrideTheSeverity() {
		AllowPolicy policy = new AllowPolicy(
				settings(false, false, Map.of("drop-column", RuleMode.WARN, "delete", RuleMode.OFF)));
		assertThat(policy.decide(Rule.DROP_COLUMN, false, null).outcome()).isEqualTo(Outcome.WARNED);
		assertThat(policy.reports(Rule.DELETE)).isFalse();
		assertThat(policy.reports(Rule.DROP_COLUMN)).isTrue();
	}

	private static GuardSettings settings(boolean allowDestructive, boolean strict, Map<String, RuleMode> rules) {
		return new GuardSettings(allowDestructive, strict, rules, null, GuardSettings.DEFAULT_LARGE_TABLE_ROWS,
				VerifyEffects.REVIEW);
	}

}
