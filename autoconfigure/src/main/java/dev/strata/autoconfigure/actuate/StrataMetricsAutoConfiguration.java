package dev.strata.autoconfigure.actuate;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.autoconfigure.StrataProperties;
import dev.strata.status.internal.StatusMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics and observations for migrations. The listeners are beans, so the
 * auto-configured {@code Strata} picks them up; they must exist before it migrates.
 */
@AutoConfiguration(before = StrataAutoConfiguration.class,
		afterName = {
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
public final class StrataMetricsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StrataMetrics strataMetrics(MeterRegistry registry, ObjectProvider<StatusMonitor> monitor,
				ObjectProvider<StrataProperties> properties) {
			// without Strata's auto-configuration (no DataSource) there are no properties
			StrataProperties bound = properties.getIfAvailable();
			return new StrataMetrics(registry, monitor, bound != null && bound.getTenants().getMetrics().isPerTenant());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationRegistry.class)
	@ConditionalOnBean(ObservationRegistry.class)
	static class ObservationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StrataObservations strataObservations(ObservationRegistry registry) {
			return new StrataObservations(registry);
		}

	}

}
