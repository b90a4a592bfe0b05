package dev.strata.autoconfigure;

import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.strata.StrataConfig;

/** Maps {@link StrataProperties} onto a {@link StrataConfig.Builder}. */
final class StrataConfigFactory {

	private StrataConfigFactory() {
	}

	static StrataConfig.Builder builder(StrataProperties properties, DataSource dataSource, ClassLoader classLoader) {
		return StrataConfig.builder(dataSource)
			.classLoader(classLoader)
			.locations(properties.getLocations())
			.schema(properties.getSchema())
			.table(properties.getTable())
			.outOfOrder(properties.isOutOfOrder())
			.baselineVersion(properties.getBaselineVersion())
			.baselineOnMigrate(properties.isBaselineOnMigrate())
			.lockTimeout(properties.getLockTimeout())
			.lockRetries(properties.getLockRetries())
			.statementTimeout(properties.getStatementTimeout())
			.lockWaitTimeout(properties.getLockWaitTimeout())
			.allowDestructive(properties.isAllowDestructive())
			.guardStrict(properties.getGuard().isStrict())
			.guardRules(properties.getGuard().getRules())
			.guardBaselineVersion(properties.getGuard().getBaselineVersion())
			.largeTableRows(properties.getGuard().getLargeTableRows())
			.verifyEffects(properties.getGuard().getVerifyEffects())
			.lintScope(properties.getLint().getScope())
			.lintFormat(properties.getLint().getFormat())
			.driftSchemas(properties.getDrift().getSchemas())
			.driftOptInKinds(properties.getDrift()
				.getInclude()
				.stream()
				.map(StrataProperties.Drift.OptInKind::kind)
				.collect(Collectors.toSet()));
	}

}
