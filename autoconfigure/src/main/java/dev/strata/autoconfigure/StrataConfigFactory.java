package dev.strata.autoconfigure;

import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.strata.error.ErrorCategory;
import dev.strata.StrataConfig;
import dev.strata.archive.ArchiveSettings;
import dev.strata.error.StrataException;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.rules.Rule;
import dev.strata.guard.rules.UnknownRuleException;

/** Maps {@link StrataProperties} onto a {@link StrataConfig.Builder}. */
final class StrataConfigFactory {

	private StrataConfigFactory() {
	}

	static StrataConfig.Builder builder(StrataProperties properties, DataSource dataSource, ClassLoader classLoader) {
		StrataConfig.Builder builder = StrataConfig.builder(dataSource);
		if (properties.locationsConfigured()) {
			// Left unset, the default location may be missing; a configured one must
			// exist.
			builder.locations(properties.getLocations());
		}
		return builder.classLoader(classLoader)
			.schema(properties.getSchema())
			.table(properties.getTable())
			.outOfOrder(properties.isOutOfOrder())
			.baselineVersion(properties.getBaselineVersion())
			.baselineOnMigrate(properties.isBaselineOnMigrate())
			.flywayAdopt(properties.getFlyway().isAdopt())
			.flywayTable(properties.getFlyway().getTable())
			.placeholderReplacement(properties.isPlaceholderReplacement())
			.placeholderPrefix(properties.getPlaceholderPrefix())
			.placeholderSuffix(properties.getPlaceholderSuffix())
			.placeholders(properties.getPlaceholders())
			.lockTimeout(properties.getLockTimeout())
			.lockRetries(properties.getLockRetries())
			.statementTimeout(properties.getStatementTimeout())
			.progressInterval(properties.getProgressInterval())
			.lockWaitTimeout(properties.getLockWaitTimeout())
			.lockMode(properties.getLockMode())
			.lockLease(properties.getLockLease())
			.allowDestructive(properties.isAllowDestructive())
			.guardStrict(properties.getGuard().isStrict())
			.guardRules(knownRules(properties.getGuard().getRules()))
			.guardBaselineVersion(properties.getGuard().getBaselineVersion())
			.largeTableRows(properties.getGuard().getLargeTableRows())
			.verifyEffects(properties.getGuard().getVerifyEffects())
			.lintScope(properties.getLint().getScope())
			.archive(new ArchiveSettings(properties.getArchive().isEnabled(), properties.getArchive().getSchema(),
					properties.getArchive().getMaxRows(), properties.getArchive().getRetention()))
			.snapshotInBackground(properties.getDrift().isSnapshotInBackground())
			.driftSchemas(properties.getDrift().getSchemas())
			.driftOptInKinds(properties.getDrift()
				.getInclude()
				.stream()
				.map(StrataProperties.Drift.OptInKind::kind)
				.collect(Collectors.toSet()));
	}

	/**
	 * The rule overrides, checked here so that a typo names its property and fails like
	 * other bad settings.
	 */
	private static Map<String, RuleMode> knownRules(Map<String, RuleMode> rules) {
		for (String id : rules.keySet()) {
			try {
				Rule.require(id, "strata.guard.rules." + id);
			}
			catch (UnknownRuleException ex) {
				throw new StrataException(ErrorCategory.CONFIGURATION, ex.getMessage(), ex);
			}
		}
		return rules;
	}

}
