package dev.strata.autoconfigure;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.callback.StrataCallback;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.MigrationListener;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetSettings;
import dev.strata.fleet.Shard;
import dev.strata.fleet.TenantConfigs;
import dev.strata.fleet.TenantTargets;
import dev.strata.migration.java.JavaMigration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * A {@link Fleet} of tenants when {@code strata.tenants.schemas} or {@code schemas-query}
 * names them, or a {@link TenantTargets} bean supplies them: each tenant configured as
 * the application's {@link Strata} is, but for its target.
 */
@Configuration(proxyBeanMethods = false)
class StrataFleetConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StrataFleetConfiguration.class);

	/** Set by Kubernetes in each pod of an Indexed Job. */
	static final String JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

	@Bean
	@ConditionalOnMissingBean
	@Conditional(TenantsConfigured.class)
	Fleet strataFleet(Strata strata, StrataProperties properties, ObjectProvider<TenantTargets> tenantTargets,
			ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners,
			ObjectProvider<JavaMigration> javaMigrations, ObjectProvider<StrataCallback> callbacks,
			ObjectProvider<StrataConfigCustomizer> customizers, Environment environment) {
		StrataConfig application = strata.config();
		ClassLoader classLoader = (resourceLoader.getClassLoader() != null) ? resourceLoader.getClassLoader()
				: StrataFleetConfiguration.class.getClassLoader();
		String applicationName = environment.getProperty("spring.application.name");
		// One supplier of each for every tenant: the fleet reads the migrations once for
		// tenants whose configurations find them the same way
		// (StrataConfig.MigrationSources)
		Supplier<List<JavaMigration>> javaMigrationBeans = () -> javaMigrations.orderedStream().toList();
		Supplier<List<StrataCallback>> callbackBeans = () -> callbacks.orderedStream().toList();
		TenantConfigs configs = TenantConfigs.of((dataSource) -> {
			StrataConfig.Builder builder = StrataConfigFactory.builder(properties, dataSource, classLoader)
				.applicationName(applicationName);
			if (dataSource == application.dataSource()) {
				builder.connectionSettings(application.connectionSettings());
			}
			listeners.orderedStream().forEach(builder::listener);
			builder.javaMigrations(javaMigrationBeans);
			builder.callbacks(callbackBeans);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		});
		TenantTargets targets = tenantTargets.getIfAvailable(() -> schemaTargets(properties, application));
		StrataProperties.Tenants tenants = properties.getTenants();
		FleetSettings settings = new FleetSettings(parallelism(tenants.getParallelism(), application.dataSource()),
				tenants.isFailFast(), tenants.isCreateSchemas(), shard(tenants, environment));
		return new Fleet(targets, configs, settings);
	}

	/**
	 * The schemas named by list or by query, on the application's migration DataSource.
	 */
	private static TenantTargets schemaTargets(StrataProperties properties, StrataConfig application) {
		StrataProperties.Tenants tenants = properties.getTenants();
		DataSource dataSource = application.dataSource();
		String query = tenants.getSchemasQuery();
		if (query == null || query.isBlank()) {
			return TenantTargets.schemas(dataSource, tenants.getSchemas(), application.table());
		}
		if (!tenants.getSchemas().isEmpty()) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					"Set strata.tenants.schemas or strata.tenants.schemas-query, not both.");
		}
		return () -> TenantTargets.schemas(dataSource, TenantTargets.query(dataSource, query), application.table())
			.targets();
	}

	/**
	 * {@code strata.tenants.shard}, else {@code JOB_COMPLETION_INDEX} of
	 * {@code strata.tenants.shard-count}, else the whole fleet.
	 */
	static Shard shard(StrataProperties.Tenants tenants, Environment environment) {
		try {
			if (tenants.getShard() != null && !tenants.getShard().isBlank()) {
				return Shard.parse(tenants.getShard());
			}
			if (tenants.getShardCount() == null) {
				return Shard.ALL;
			}
			String index = environment.getProperty(JOB_COMPLETION_INDEX);
			if (index == null || index.isBlank()) {
				throw new StrataException(ErrorCategory.CONFIGURATION,
						"strata.tenants.shard-count is " + tenants.getShardCount() + " but " + JOB_COMPLETION_INDEX
								+ " is not set: run as a Kubernetes"
								+ " Indexed Job, or set strata.tenants.shard=i/n.");
			}
			return new Shard(Integer.parseInt(index.trim()), tenants.getShardCount());
		}
		catch (IllegalArgumentException ex) {
			throw new StrataException(ErrorCategory.CONFIGURATION,
					"strata.tenants.shard: " + ex.getMessage() + " (" + JOB_COMPLETION_INDEX + "="
							+ environment.getProperty(JOB_COMPLETION_INDEX) + ", strata.tenants.shard-count="
							+ tenants.getShardCount() + ")",
					ex);
		}
	}

	/**
	 * At most what the pool serves: each tenant that migrates holds two connections (its
	 * own and the lock's). Pools that say their size (HikariCP's
	 * {@code getMaximumPoolSize}) are asked; others are taken at their word.
	 */
	static int parallelism(int configured, DataSource dataSource) {
		Integer poolSize = maximumPoolSize(dataSource);
		if (poolSize == null || configured <= Math.max(1, poolSize / 2)) {
			return Math.max(1, configured);
		}
		int served = Math.max(1, poolSize / 2);
		logger.info("strata.tenants.parallelism={} lowered to {}: the migration pool has {} connections and each"
				+ " migrating tenant uses two", configured, served, poolSize);
		return served;
	}

	private static @Nullable Integer maximumPoolSize(DataSource dataSource) {
		try {
			Method method = dataSource.getClass().getMethod("getMaximumPoolSize");
			Object size = method.invoke(dataSource);
			return (size instanceof Integer value && value > 0) ? value : null;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	/** Tenants named in properties, or supplied by a bean. */
	static final class TenantsConfigured extends AnyNestedCondition {

		TenantsConfigured() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(TenantSchemasNamed.class)
		private static final class Named {

		}

		@ConditionalOnBean(TenantTargets.class)
		private static final class Supplied {

		}

	}

	/** {@code strata.tenants.schemas} or {@code strata.tenants.schemas-query} is set. */
	static final class TenantSchemasNamed extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Binder binder = Binder.get(context.getEnvironment());
			List<String> schemas = binder.bind("strata.tenants.schemas", Bindable.listOf(String.class))
				.orElse(List.of());
			String query = binder.bind("strata.tenants.schemas-query", String.class).orElse("");
			boolean named = !schemas.isEmpty() || !query.isBlank();
			return named ? ConditionOutcome.match("strata.tenants names the tenant schemas")
					: ConditionOutcome.noMatch("strata.tenants.schemas and schemas-query are not set");
		}

	}

}
