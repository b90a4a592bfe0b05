package dev.strata.autoconfigure.actuate;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.fleet.internal.FleetMonitor;
import dev.strata.status.internal.StatusMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code migrations} Actuator endpoint, when Actuator is present and the endpoint
 * exposed.
 */
@AutoConfiguration(after = { StrataAutoConfiguration.class, StrataFleetMonitorAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(StrataEndpoint.class)
public final class StrataEndpointAutoConfiguration {

	@Bean
	@ConditionalOnBean(StatusMonitor.class)
	@ConditionalOnMissingBean
	StrataEndpoint strataEndpoint(StatusMonitor monitor, ObjectProvider<FleetMonitor> fleet) {
		return new StrataEndpoint(monitor, fleet.getIfAvailable());
	}

}
