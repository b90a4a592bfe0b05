package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.strata.bench.app.BenchApp;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * Scenario 3: a fresh JVM per trial starts the minimal web app {@link BenchApp}, with
 * Strata's starter, Flyway or Liquibase through Spring Boot's own auto-configuration, or
 * without any migration tool (the other tools' jars are left off the classpath, not
 * merely disabled). Nothing is pending: each variant's database was migrated beforehand
 * by one untimed launch of the same app. The time runs from the launch to the app's
 * "started" line; the overhead is a variant's time minus the tool-less app's time in the
 * same round.
 */
final class StartupScenario {

	static final String NONE = "none";

	private final PostgresServer server;

	private final Options options;

	private final Results results;

	StartupScenario(PostgresServer server, Options options, Results results) {
		this.server = server;
		this.options = options;
		this.results = results;
	}

	void run(int n, Path corpus) {
		String size = "N=" + n;
		List<Path> classpath = ChildJvm.classpath();
		Map<String, Variant> variants = new LinkedHashMap<>();
		variants.put(NONE, new Variant(NONE, null, ChildJvm.without(classpath, "strata-", "flyway-",
				"spring-boot-flyway", "liquibase-", "spring-boot-liquibase"), List.of()));
		variants.put("strata",
				new Variant(
						"strata", new StrataContestant(), ChildJvm.without(classpath, "strata-test", "flyway-",
								"spring-boot-flyway", "liquibase-", "spring-boot-liquibase"),
						List.of("--strata.locations=filesystem:" + corpus)));
		variants.put("flyway",
				new Variant("flyway", new FlywayContestant(),
						ChildJvm.without(classpath, "strata-", "liquibase-", "spring-boot-liquibase"),
						List.of("--spring.flyway.locations=filesystem:" + corpus)));
		variants.put("liquibase",
				new Variant("liquibase", new LiquibaseContestant(),
						ChildJvm.without(classpath, "strata-", "flyway-", "spring-boot-flyway"),
						List.of("--spring.liquibase.change-log=file:" + corpus.resolve(Corpus.CHANGELOG))));
		Map<String, TestDatabase> databases = new LinkedHashMap<>();
		try {
			for (Variant variant : variants.values()) {
				TestDatabase database = this.server.createDatabase();
				databases.put(variant.name(), database);
				ChildJvm.Outcome first = launch(variant, database);
				first.requireSuccess("start-up set-up (" + variant.name() + ")");
				check(variant, first, database, n, "start-up set-up");
			}
			int rounds = this.options.warmup() + this.options.trials();
			for (int round = 0; round < rounds; round++) {
				for (Variant variant : variants.values()) {
					TestDatabase database = databases.get(variant.name());
					ChildJvm.Outcome outcome = launch(variant, database);
					outcome.requireSuccess("start-up " + size + " " + variant.name());
					check(variant, outcome, database, n, "start-up " + size);
					System.out.printf("startup    %-7s round %2d %-9s %9.1f ms%s%n", size, round + 1, variant.name(),
							outcome.nanos() / 1e6, round < this.options.warmup() ? " (warm-up)" : "");
					if (round >= this.options.warmup()) {
						this.results.series("startup", size, variant.name(), "ms").add(outcome.nanos() / 1e6);
					}
				}
			}
		}
		finally {
			databases.values().forEach(TestDatabase::close);
		}
		Results.Series none = this.results.series("startup", size, NONE, "ms");
		for (Variant variant : variants.values()) {
			if (variant.contestant() == null) {
				continue;
			}
			Results.Series with = this.results.series("startup", size, variant.name(), "ms");
			Results.Series overhead = this.results.series("startup-overhead", size, variant.name(), "ms");
			for (int i = 0; i < with.values().size(); i++) {
				overhead.add(with.values().get(i) - none.values().get(i));
			}
		}
	}

	/**
	 * The app ran the expected tool (and only it), and the tool's history still holds all
	 * N.
	 */
	private void check(Variant variant, ChildJvm.Outcome outcome, TestDatabase database, int n, String what) {
		String tools = outcome.value("tools");
		if (!tools.equals(variant.name())) {
			throw new Bench.VerificationException(what + ": the " + variant.name() + " app ran with tools=" + tools);
		}
		DataSource dataSource = database.dataSource();
		if (variant.contestant() != null) {
			Bench.verifyApplied(variant.contestant(), dataSource, n, what);
		}
		else if (Bench.queryLong(dataSource,
				"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()") != 0) {
			throw new Bench.VerificationException(what + ": the app without a tool created tables");
		}
	}

	private ChildJvm.Outcome launch(Variant variant, TestDatabase database) {
		List<String> command = new ArrayList<>();
		command.add(ChildJvm.java());
		command.addAll(this.options.childJvmOptions());
		command.add("-cp");
		command.add(ChildJvm.join(variant.classpath()));
		command.add(BenchApp.class.getName());
		command.add("--spring.datasource.url=" + database.jdbcUrl());
		command.add("--spring.datasource.username=" + database.username());
		command.add("--spring.datasource.password=" + database.password());
		command.add("--server.port=0");
		command.addAll(variant.arguments());
		return ChildJvm.run(command, Options.CHILD_ENVIRONMENT, "BENCH-STARTED", 600);
	}

	private record Variant(String name, Contestant contestant, List<Path> classpath, List<String> arguments) {
	}

}
