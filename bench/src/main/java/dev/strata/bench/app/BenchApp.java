package dev.strata.bench.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The minimal Spring Boot web app of the start-up scenario: one controller, a DataSource,
 * and whichever migration tool is on its classpath (the harness launches it with
 * Strata's, Flyway's, Liquibase's or no jars). When {@link SpringApplication#run}
 * returns, the application is ready; it prints {@code BENCH-STARTED uptimeMs=… tools=…}
 * and exits.
 */
@SpringBootApplication
public class BenchApp {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(BenchApp.class, args);
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		System.out.println("BENCH-STARTED uptimeMs=" + uptime + " tools=" + tools(context));
		System.out.flush();
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * Which migration tools have a bean: proof that the tool really ran, comma-separated
	 * or "none".
	 */
	private static String tools(ConfigurableApplicationContext context) {
		List<String> tools = new ArrayList<>();
		addIfBean(context, "dev.strata.Strata", "strata", tools);
		addIfBean(context, "org.flywaydb.core.Flyway", "flyway", tools);
		addIfBean(context, "liquibase.integration.spring.SpringLiquibase", "liquibase", tools);
		return tools.isEmpty() ? "none" : String.join(",", tools);
	}

	private static void addIfBean(ConfigurableApplicationContext context, String className, String name,
			List<String> tools) {
		try {
			Class<?> type = Class.forName(className, false, BenchApp.class.getClassLoader());
			if (context.getBeanNamesForType(type).length > 0) {
				tools.add(name);
			}
		}
		catch (ClassNotFoundException ex) {
			// not on this variant's classpath
		}
	}

	@RestController
	static class HelloController {

		@GetMapping("/")
		String hello() {
			return "ok";
		}

	}

}
