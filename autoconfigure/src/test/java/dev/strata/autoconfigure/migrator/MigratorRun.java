package dev.strata.autoconfigure.migrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.TestDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the migrator inside the test JVM: the exit code and the printed report are
 * recorded instead of ending the process.
 */
final class MigratorRun {

	final int exitCode;

	final String output;

	private MigratorRun(int exitCode, String output) {
		this.exitCode = exitCode;
		this.output = output;
	}

	/**
	 * Runs against the database with migrations from the directory, plus the given
	 * properties.
	 */
	static MigratorRun run(TestDatabase database, Path migrations, String... properties) {
		List<String> all = new ArrayList<>(List.of("strata.migrator.enabled=true",
				"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "strata.locations=filesystem:" + migrations));
		all.addAll(List.of(properties));
		return runWith(all.toArray(String[]::new));
	}

	static MigratorRun runWith(String... properties) {
		return runWith(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
				StrataMigratorAutoConfiguration.class), properties);
	}

	static MigratorRun runWith(AutoConfigurations configurations, String... properties) {
		return runWith(configurations, new Class<?>[0], properties);
	}

	/** As {@link #run}, with the application's own configuration classes. */
	static MigratorRun runWithUserConfiguration(TestDatabase database, Path migrations, Class<?>[] userConfigurations,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("strata.migrator.enabled=true",
				"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), "strata.locations=filesystem:" + migrations));
		all.addAll(List.of(properties));
		return runWith(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
				StrataMigratorAutoConfiguration.class), userConfigurations, all.toArray(String[]::new));
	}

	private static MigratorRun runWith(AutoConfigurations configurations, Class<?>[] userConfigurations,
			String... properties) {
		int[] exitCode = { -1 };
		StringBuilder output = new StringBuilder();
		// Lazy beans, as the migrator's environment post processor makes them in a real
		// run (spring.main.lazy-initialization=true): the migrator is the first bean
		// created.
		new ApplicationContextRunner()
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withConfiguration(configurations)
			.withUserConfiguration(userConfigurations)
			.withBean(MigratorExit.class, () -> (code) -> exitCode[0] = code)
			.withBean(ReportPrinter.class, () -> (report, format) -> output.append(report))
			.withPropertyValues(properties)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(StrataMigrator.class));
		assertThat(exitCode[0]).as("exit code").isNotEqualTo(-1);
		return new MigratorRun(exitCode[0], output.toString());
	}

	/**
	 * The output as the one JSON document it must be, which the migrator's schema in
	 * docs/schemas accepts.
	 */
	JsonNode json() {
		return json(JsonSchemas.MIGRATOR);
	}

	/**
	 * The output as one JSON document that the named schema in docs/schemas accepts
	 * ({@code strata.lint.format=json}: the lint report's).
	 */
	JsonNode json(String schema) {
		return JsonSchemas.assertValid(schema, this.output);
	}

	/**
	 * The output as one SARIF document (SARIF's own schema describes it; the docs ship
	 * none).
	 */
	JsonNode sarif() {
		return JsonSchemas.parse(this.output);
	}

	static void write(Path directory, String name, String sql) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(name), sql);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + ":\n" + this.output;
	}

}
