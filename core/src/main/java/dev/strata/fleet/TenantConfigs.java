package dev.strata.fleet;

import java.util.function.Function;

import javax.sql.DataSource;

import dev.strata.StrataConfig;
import dev.strata.guard.RecognitionCache;
import dev.strata.targets.MigrationTarget;

/**
 * How a fleet configures each tenant: one {@link StrataConfig} per target, the same
 * settings but the target's DataSource, schema, table, name and {@code search_path}.
 * Tenants may be given different migrations (a location of their own, say); the fleet
 * reads them once for all tenants whose {@link StrataConfig#migrationSources()} are
 * equal, so objects handed to the builder (resolvers, suppliers of Java migrations or
 * callbacks) are best created once, outside {@link #configFor}.
 */
@FunctionalInterface
public interface TenantConfigs {

	/**
	 * @param tenant the tenant
	 * @param shared what the guard read of each migration, shared by the fleet's tenants
	 * (give it to {@link StrataConfig.Builder#recognitionCache})
	 */
	StrataConfig configFor(MigrationTarget tenant, RecognitionCache shared);

	/**
	 * Each tenant configured by {@code base} (the settings every tenant shares, for the
	 * tenant's DataSource), then set to the tenant's target.
	 */
	static TenantConfigs of(Function<DataSource, StrataConfig.Builder> base) {
		return (tenant, shared) -> base.apply(tenant.dataSource())
			.targetName(tenant.name())
			.schema(tenant.schema())
			.table(tenant.table())
			.searchPath(tenant.searchPath())
			.recognitionCache(shared)
			.build();
	}

}
