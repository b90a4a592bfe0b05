package dev.strata.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import dev.strata.error.ErrorCategory;
import dev.strata.StrataConfig;
import dev.strata.error.StrataException;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.policy.RuleMode;
import dev.strata.report.lint.LintFormat;
import dev.strata.guard.report.LintScope;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class GuardPropertiesTest {

	private static StrataConfig config(Map<String, String> values) {
		StrataProperties properties = new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("strata",
				StrataProperties.class);
		return StrataConfigFactory
			.builder(properties, new PGSimpleDataSource(), GuardPropertiesTest.class.getClassLoader())
			.build();
	}

	@Test
	void defaults() {
		StrataConfig config = config(Map.of());
		assertThat(config.guard()).isEqualTo(GuardSettings.DEFAULTS);
		assertThat(config.lintScope()).isEqualTo(LintScope.PENDING);
	}

	@Test
	void guardAndLintPropertiesReachTheConfig() {
		StrataConfig config = config(Map.of("strata.allow-destructive", "true", "strata.guard.strict", "true",
				"strata.guard.rules.drop-column", "warn", "strata.guard.rules.do-block", "off",
				"strata.guard.baseline-version", "3.1", "strata.guard.large-table-rows", "5000",
				"strata.guard.verify-effects", "always", "strata.lint.scope", "all", "strata.lint.format", "sarif"));
		GuardSettings guard = config.guard();
		assertThat(config.allowDestructive()).isTrue();
		assertThat(guard.strict()).isTrue();
		assertThat(guard.rules()).containsEntry("drop-column", RuleMode.WARN).containsEntry("do-block", RuleMode.OFF);
		assertThat(guard.baselineVersion()).isEqualTo("3.1");
		assertThat(guard.largeTableRows()).isEqualTo(5000);
		assertThat(guard.verifyEffects()).isEqualTo(VerifyEffects.ALWAYS);
		assertThat(config.lintScope()).isEqualTo(LintScope.ALL);
	}

	@Test
	void unknownRuleIdIsAConfigurationError() {
		assertThatThrownBy(() -> config(Map.of("strata.guard.rules.drop-colum", "off")))
			.isInstanceOfSatisfying(StrataException.class,
					(ex) -> assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION))
			.hasMessageContaining("strata.guard.rules.drop-colum names no guard rule")
			.hasMessageContaining("drop-column");
	}

}
