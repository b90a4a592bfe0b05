package dev.strata.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.source.Location;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Includes the migration files in a native image: registers the resources of the default
 * location and of every classpath location in {@code strata.locations} as the build sees
 * them. Locations are properties, and a native image holds only the resources known when
 * it is built: a location configured only when the image runs must also be given to the
 * build (or registered with a {@code RuntimeHintsRegistrar} of the application's own).
 * Filesystem locations are read from the disk at run time and need no hints.
 */
class MigrationResourcesAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(Strata.class, true, false).length == 0) {
			return null;
		}
		Set<String> patterns = patterns(locations(beanFactory));
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), patterns);
	}

	static void register(RuntimeHints hints, Set<String> patterns) {
		patterns.forEach(hints.resources()::registerPattern);
	}

	static Set<String> patterns(List<String> locations) {
		Set<String> patterns = new LinkedHashSet<>();
		patterns.add(pattern(Location.parse(StrataConfig.DEFAULT_LOCATION)));
		for (String location : locations) {
			Location parsed = Location.parse(location);
			if (parsed.kind() == Location.Kind.CLASSPATH) {
				patterns.add(pattern(parsed));
			}
		}
		return patterns;
	}

	private static String pattern(Location location) {
		return location.path().isEmpty() ? "**" : location.path() + "/**";
	}

	private static List<String> locations(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
			return List.of();
		}
		ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				ConfigurableEnvironment.class);
		return Binder.get(environment).bind("strata.locations", Bindable.listOf(String.class)).orElse(List.of());
	}

}
