package dev.strata.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.strata.ConnectionSettings;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.SessionName;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Builds the {@code strata.targets.<name>} targets. A target's settings are
 * {@code strata.*} overlaid with {@code strata.targets.<name>.*}, both bound from the
 * environment, so that a guard setting the target leaves out is the default target's and
 * one it sets is its own. Its connection and locations are never taken from
 * {@code strata.*}: a target that silently migrated the default database, or ran the
 * default files, would be worse than one that fails to start.
 */
final class StrataTargetsFactory {

	private final Environment environment;

	private final BeanFactory beanFactory;

	private final ClassLoader classLoader;

	private final List<MigrationListener> listeners;

	StrataTargetsFactory(Environment environment, BeanFactory beanFactory, ClassLoader classLoader,
			List<MigrationListener> listeners) {
		this.environment = environment;
		this.beanFactory = beanFactory;
		this.classLoader = classLoader;
		this.listeners = listeners;
	}

	StrataTargets create(StrataProperties properties) {
		Map<String, StrataTargets.Target> targets = new LinkedHashMap<>();
		properties.getTargets().forEach((name, target) -> {
			StrataProperties effective = effectiveProperties(name);
			StrataConfig.Builder builder = StrataConfigFactory
				.builder(effective, dataSource(name, target, effective), this.classLoader)
				.targetName(name)
				.applicationName(this.environment.getProperty("spring.application.name"))
				.connectionSettings(settings(name, target));
			this.listeners.forEach(builder::listener);
			targets.put(name, new StrataTargets.Target(new Strata(builder.build()), effective.getOnStartup()));
		});
		return new StrataTargets(targets);
	}

	private StrataProperties effectiveProperties(String name) {
		Binder binder = Binder.get(this.environment);
		StrataProperties effective = new StrataProperties();
		binder.bind("strata", Bindable.ofInstance(effective));
		effective.setUrl(null);
		effective.setUser(null);
		effective.setPassword(null);
		effective.setDriverClassName(null);
		effective.setLocations(new ArrayList<>(List.of(defaultLocation(name))));
		binder.bind(prefix(name), Bindable.ofInstance(effective));
		return effective;
	}

	private DataSource dataSource(String name, StrataProperties.Target target, StrataProperties effective) {
		MigrationDataSourceFactory factory = new MigrationDataSourceFactory(effective,
				SessionName.of(this.environment.getProperty("spring.application.name")));
		if (StringUtils.hasText(target.getUrl())) {
			return factory.create(null, null);
		}
		if (StringUtils.hasText(target.getDataSource())) {
			return factory.create(null, this.beanFactory.getBean(target.getDataSource(), DataSource.class));
		}
		throw new StrataException(ErrorCategory.CONFIGURATION,
				prefix(name) + " has no database: set " + prefix(name) + ".url (with .user and .password) or "
						+ prefix(name) + ".data-source (the name of a DataSource bean)");
	}

	private static ConnectionSettings settings(String name, StrataProperties.Target target) {
		String prefix = prefix(name);
		String credentials = prefix + ".user and " + prefix + ".password";
		if (StringUtils.hasText(target.getUrl())) {
			return new ConnectionSettings(prefix + ".url", credentials);
		}
		String bean = "the URL of DataSource bean '" + target.getDataSource() + "' (" + prefix + ".data-source)";
		return new ConnectionSettings(bean,
				StringUtils.hasText(target.getUser()) ? credentials : "that DataSource's user and password");
	}

	static String prefix(String name) {
		return "strata.targets." + name;
	}

	static String defaultLocation(String name) {
		return "classpath:db/" + name;
	}

}
