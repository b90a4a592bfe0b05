package dev.strata.autoconfigure.migrator;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Shapes the application for a migrator run before the context exists: no web server (no
 * port is ever opened), no banner, and lazy beans, so the application's own beans are not
 * even created — only Strata and what it needs (the DataSource). With JSON output,
 * everything that would write to standard output (logs, a banner, a stray
 * {@code System.out.println}) is sent to standard error, so standard output carries the
 * JSON document alone.
 */
public class MigratorEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "strataMigratorMode";

	@Override
	public int getOrder() {
		// After the config data post processor: profiles and application.properties are
		// known then.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!MigratorMode.isActive(environment)) {
			return;
		}
		// First: a migrator must not open a port even if the application configures a web
		// type.
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.main.web-application-type", "none",
					"spring.main.banner-mode", "off", "spring.main.lazy-initialization", "true")));
		if (isJson(environment)) {
			StandardOutput.redirectToStandardError();
		}
	}

	private static boolean isJson(ConfigurableEnvironment environment) {
		String output = environment.getProperty("strata.migrator.output", "text");
		return output.trim().toLowerCase(Locale.ROOT).equals("json");
	}

}
