package dev.strata.guard;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.rules.Rule;
import dev.strata.guard.rules.UnknownRuleException;
import org.jspecify.annotations.Nullable;

/**
 * How the guard judges findings.
 *
 * @param allowDestructive {@code strata.allow-destructive}: let every DESTRUCTIVE finding
 * through, each logged
 * @param strict {@code strata.guard.strict}: LOCKING and INCOMPATIBLE findings refuse too
 * @param rules {@code strata.guard.rules.<id>}: per-rule overrides, by rule id
 * @param baselineVersion {@code strata.guard.baseline-version}: migrations at or below it
 * are not checked
 * @param largeTableRows {@code strata.guard.large-table-rows}: a LOCKING finding on a
 * table with more rows refuses
 * @param verifyEffects {@code strata.guard.verify-effects}: when the effect check runs
 */
public record GuardSettings(boolean allowDestructive, boolean strict, Map<String, RuleMode> rules,
		@Nullable String baselineVersion, long largeTableRows, VerifyEffects verifyEffects) {

	public static final long DEFAULT_LARGE_TABLE_ROWS = 100_000;

	public static final GuardSettings DEFAULTS = new GuardSettings(false, false, Map.of(), null,
			DEFAULT_LARGE_TABLE_ROWS, VerifyEffects.REVIEW);

	/**
	 * @throws UnknownRuleException naming an unknown rule id
	 */
	public GuardSettings {
		Map<String, RuleMode> byId = new LinkedHashMap<>();
		rules.forEach((id, mode) -> byId.put(Rule.require(id, "strata.guard.rules." + id).id(), mode));
		rules = Map.copyOf(byId);
		if (largeTableRows < 0) {
			throw new IllegalArgumentException("large-table-rows must not be negative, was " + largeTableRows);
		}
	}

}
