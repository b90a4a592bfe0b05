package dev.strata.autoconfigure;

import java.util.Map;
import java.util.Set;

import dev.strata.Strata;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers each {@code strata.targets.<name>} target's {@link Strata} as a bean of its
 * own, {@code strata<Name>}, made by {@link StrataTargets#get}. Not a default candidate:
 * injected only by name ({@code @Qualifier("strataReporting")}), so that autowiring a
 * {@code Strata} by type keeps getting the default target.
 */
class StrataTargetBeansRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		for (String name : targetNames(this.environment)) {
			String beanName = beanName(name);
			if (registry.containsBeanDefinition(beanName)) {
				continue;
			}
			RootBeanDefinition definition = new RootBeanDefinition(Strata.class);
			definition.setFactoryBeanName("strataTargets");
			definition.setUniqueFactoryMethodName("get");
			definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
			definition.setDefaultCandidate(false);
			registry.registerBeanDefinition(beanName, definition);
		}
	}

	static Set<String> targetNames(Environment environment) {
		return Binder.get(environment)
			.bind("strata.targets", Bindable.mapOf(String.class, Object.class))
			.map(Map::keySet)
			.orElse(Set.of());
	}

	/**
	 * {@code strataReporting} for {@code reporting}, {@code strataOrdersDb} for
	 * {@code orders-db}.
	 */
	static String beanName(String target) {
		StringBuilder name = new StringBuilder("strata");
		for (String part : target.split("[-_.]")) {
			name.append(StringUtils.capitalize(part));
		}
		return name.toString();
	}

}
