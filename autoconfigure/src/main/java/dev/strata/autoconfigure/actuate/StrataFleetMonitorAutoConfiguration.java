package dev.strata.autoconfigure.actuate;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.StrataProperties;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.internal.FleetMonitor;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With tenants configured, the fleet's monitor that the endpoint's fleet view, the
 * fleet's health contributor and the fleet's meters read, and those meters.
 */
@AutoConfiguration(after = StrataAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean(Fleet.class)
public final class StrataFleetMonitorAutoConfiguration {

	// Started so that the views find the state in memory, and drift is checked one
	// tenant at a time in the background, each tenant once per check interval.
	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	FleetMonitor strataFleetMonitor(Fleet fleet, StrataProperties properties) {
		return new FleetMonitor(fleet, properties.getDrift().getCheckInterval());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class FleetMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StrataFleetMetrics strataFleetMetrics(MeterRegistry registry, Fleet fleet, FleetMonitor monitor,
				StrataProperties properties) {
			return new StrataFleetMetrics(registry, fleet, monitor, properties.getTenants().getMetrics().isPerTenant());
		}

	}

}
