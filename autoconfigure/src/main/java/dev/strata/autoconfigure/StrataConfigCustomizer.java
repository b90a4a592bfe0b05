package dev.strata.autoconfigure;

import dev.strata.StrataConfig;

/**
 * Callback to customize Strata's configuration beyond the {@code strata.*} properties,
 * applied after them.
 */
@FunctionalInterface
public interface StrataConfigCustomizer {

	void customize(StrataConfig.Builder builder);

}
