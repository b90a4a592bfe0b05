package dev.strata.autoconfigure;

import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.fleet.Fleet;
import dev.strata.StrataConfig;
import dev.strata.autoconfigure.migrator.MigratorMode;
import dev.strata.callback.StrataCallback;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.java.JavaMigration;
import dev.strata.execute.internal.SessionName;
import dev.strata.status.MigrationProgress;
import dev.strata.status.internal.StatusMonitor;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration for Strata: builds a {@link Strata} from {@code strata.*} properties
 * and runs it at startup, before JPA, JDBC and jOOQ users of the schema.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@Conditional(StrataAutoConfiguration.StrataDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "strata.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StrataProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, StrataFleetConfiguration.class,
		StrataTargetBeansRegistrar.class })
public final class StrataAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Strata strata(StrataProperties properties, ObjectProvider<DataSource> dataSource,
			@StrataDataSource ObjectProvider<DataSource> strataDataSource, ResourceLoader resourceLoader,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<JavaMigration> javaMigrations,
			ObjectProvider<StrataCallback> callbacks, ObjectProvider<StrataConfigCustomizer> customizers,
			ObjectProvider<StrataConnectionDetails> connectionDetails,
			ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails, Environment environment) {
		String applicationName = environment.getProperty("spring.application.name");
		MigrationDataSourceFactory factory = new MigrationDataSourceFactory(properties, SessionName.of(applicationName),
				connectionDetails.getIfAvailable(), jdbcConnectionDetails.getIfUnique());
		DataSource migrationDataSource = factory.create(strataDataSource.getIfAvailable(), dataSource.getIfUnique());
		StrataConfig.Builder builder = StrataConfigFactory
			.builder(properties, migrationDataSource, classLoader(resourceLoader))
			.applicationName(applicationName)
			.connectionSettings(factory.settings(strataDataSource.getIfAvailable(),
					environment.containsProperty("spring.datasource.url")));
		listeners.orderedStream().forEach(builder::listener);
		// Looked up when migrations are read, not now: a migration bean is created only
		// when it is about to run, so creating Strata creates none of the beans it uses.
		builder.javaMigrations(() -> javaMigrations.orderedStream().toList());
		builder.callbacks(() -> callbacks.orderedStream().toList());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return new Strata(builder.build());
	}

	@Bean
	@ConditionalOnMissingBean
	StrataMigrationInitializer strataMigrationInitializer(ObjectProvider<Strata> strata,
			ObjectProvider<StrataProperties> properties, Environment environment, ObjectProvider<Fleet> fleet) {
		// Decided here, when the bean is created, not by a condition: an application
		// processed ahead of time keeps the bean definitions of its build, and one image
		// runs both as the application and as a migrator. A migrator runs its command
		// instead; on-startup does not apply.
		if (MigratorMode.isActive(environment)) {
			return StrataMigrationInitializer.inactive();
		}
		StrataMigrationInitializer initializer = new StrataMigrationInitializer(strata.getObject(),
				properties.getObject().getOnStartup());
		initializer.setFleet(fleet.getIfAvailable());
		return initializer;
	}

	@Bean
	@ConditionalOnMissingBean
	StrataTargets strataTargets(StrataProperties properties, Environment environment, BeanFactory beanFactory,
			ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners) {
		return new StrataTargetsFactory(environment, beanFactory, classLoader(resourceLoader),
				listeners.orderedStream().toList())
			.create(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	StrataTargetsMigrationInitializer strataTargetsMigrationInitializer(ObjectProvider<StrataTargets> targets,
			ObjectProvider<StrataMigrationInitializer> defaultTarget, Environment environment) {
		// The default target first: created (and so run) before the targets.
		defaultTarget.getIfAvailable();
		// As for the default target: a migrator runs its command on the default target
		// only.
		return new StrataTargetsMigrationInitializer(MigratorMode.isActive(environment) ? null : targets.getObject());
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationProgress strataMigrationProgress() {
		return new MigrationProgress();
	}

	// Started so that scrapes find a fresh status in memory instead of refreshing it
	// themselves.
	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	StatusMonitor strataStatusMonitor(Strata strata, MigrationProgress progress, StrataProperties properties) {
		return new StatusMonitor(strata, progress, properties.getDrift().getCheckInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	StrataSchemaManagementProvider strataSchemaManagementProvider(ObjectProvider<Strata> strata,
			ObjectProvider<StrataTargets> targets) {
		// Every target's DataSource counts: JPA on a target's DataSource leaves its
		// schema
		// to Strata too.
		return new StrataSchemaManagementProvider(() -> Stream
			.concat(strata.stream(), targets.stream().flatMap((all) -> all.names().stream().map(all::get)))
			.iterator());
	}

	private static ClassLoader classLoader(ResourceLoader resourceLoader) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		return (classLoader != null) ? classLoader : StrataAutoConfiguration.class.getClassLoader();
	}

	/**
	 * Strata needs a database: a DataSource bean, its own {@code strata.url}, or a
	 * service connection (its own or the application's).
	 */
	static final class StrataDataSourceCondition extends AnyNestedCondition {

		StrataDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnProperty("strata.url")
		private static final class StrataUrlCondition {

		}

		@ConditionalOnBean(StrataConnectionDetails.class)
		private static final class StrataConnectionDetailsCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

	}

}
