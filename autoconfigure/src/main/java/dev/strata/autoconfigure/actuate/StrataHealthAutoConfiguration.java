package dev.strata.autoconfigure.actuate;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.StrataProperties;
import dev.strata.fleet.internal.FleetMonitor;
import dev.strata.status.internal.StatusMonitor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code migrations} health contributor, when Spring Boot's health support is
 * present, and with tenants configured the fleet's, {@code tenantMigrations}.
 */
@AutoConfiguration(after = { StrataAutoConfiguration.class, StrataFleetMonitorAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnEnabledHealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@ConditionalOnBean(StatusMonitor.class)
public final class StrataHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	StrataHealthIndicator migrationsHealthIndicator(StatusMonitor monitor, StrataProperties properties) {
		return new StrataHealthIndicator(monitor, properties.getOnStartup(), properties.getHealth().isFailOnDrift());
	}

	@Bean
	@ConditionalOnBean(FleetMonitor.class)
	@ConditionalOnMissingBean(name = "tenantMigrationsHealthIndicator")
	StrataFleetHealthIndicator tenantMigrationsHealthIndicator(FleetMonitor monitor, StrataProperties properties) {
		return new StrataFleetHealthIndicator(monitor, properties.getTenants().getHealth().getMaxFailedShare());
	}

}
