package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.strata.test.PostgresServer;
import liquibase.Scope;
import org.flywaydb.core.Flyway;

/**
 * Runs every benchmark against one PostgreSQL server and writes {@code RESULTS.md} and
 * {@code results.csv}:
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/strata-bench.jar [--quick]
 * </pre>
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Bench.quietTools();
		Path moduleDir = moduleDirectory();
		Options options = Options.parse(args, moduleDir);
		Path work = moduleDir.resolve("target/bench-work");
		Files.createDirectories(work);
		Results results = new Results();
		long started = System.nanoTime();
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

		PostgresServer server = PostgresServer.shared();
		System.out.println("PostgreSQL (" + server.kind() + "): " + server.version());

		MigrationScenarios migrations = new MigrationScenarios(server, options, results);
		for (int n : options.sizes()) {
			Path corpus = Corpus.write(work.resolve("corpus-" + n), n);
			boolean largest = n == options.largestSize();
			if (options.runs("apply")) {
				migrations.apply(n, corpus);
			}
			if (options.runs("noop") || (largest && options.runs("memory"))) {
				migrations.noop(n, corpus, options.runs("noop"), true, largest && options.runs("memory"));
			}
			if (largest && options.runs("memory")) {
				migrations.applyCold(n, corpus);
			}
		}
		if (options.runs("startup")) {
			Path corpus = Corpus.write(work.resolve("corpus-" + options.startupN()), options.startupN());
			new StartupScenario(server, options, results).run(options.startupN(), corpus);
		}
		if (options.runs("drift")) {
			new DriftScenario(server, options, results).run(work);
		}
		if (options.runs("lint")) {
			new LintScenario(options, results).run();
		}

		double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		Map<String, String> machine = machine(server);
		machine.put("Load average (1 min) before / after",
				String.format(Locale.ROOT, "%.2f / %.2f", loadBefore, loadAfter));
		machine.put("Wall time of the run", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9));
		results.note("Tools log at WARN in the harness and in the fresh-JVM runs (their console output is not what is "
				+ "measured); the start-up app keeps Spring Boot's default logging. Liquibase analytics are off.");
		results.note("Plain JDBC: one connection; lists the directory, reads its history table, runs each pending "
				+ "file's whole text plus one history insert in its own transaction. No checksum, lock or validation.");
		results.note("Liquibase: one <changeSet> per file with <sqlFile splitStatements=\"false\">.");
		results.note("Peak heap is the sum of the heap pools' peak usage in the child JVM at default heap settings, "
				+ "so it includes garbage not yet collected; live heap is measured after a full GC.");
		new Report(results, options, machine).write();
		System.out
			.println("Wrote " + options.out().resolve("RESULTS.md") + " and " + options.out().resolve("results.csv"));
		System.exit(0);
	}

	private static Map<String, String> machine(PostgresServer server) {
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put("Date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		machine.put("CPU cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			machine.put("Memory", String.format(Locale.ROOT, "%.1f GB", os.getTotalMemorySize() / 1e9));
		}
		machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
				+ System.getProperty("os.arch") + ")");
		machine.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		machine.put("PostgreSQL", server.version() + " (" + server.kind() + ")");
		machine.put("Versions",
				"Strata " + jar(dev.strata.Strata.class, "strata-core") + ", Flyway " + jar(Flyway.class, "flyway-core")
						+ ", Liquibase " + jar(Scope.class, "liquibase-core") + ", PgJDBC "
						+ jar(org.postgresql.Driver.class, "postgresql"));
		return machine;
	}

	/**
	 * The version in the file name of the jar a class came from (e.g.
	 * flyway-core-13.12.0.jar).
	 */
	private static String jar(Class<?> type, String artifact) {
		try {
			String name = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
				.getFileName()
				.toString();
			return name.startsWith(artifact + "-") ? name.substring(artifact.length() + 1).replaceFirst("\\.jar$", "")
					: name;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "?";
		}
	}

	/**
	 * The bench module: the parent of target/ when run from its jar or classes, else the
	 * current directory.
	 */
	private static Path moduleDirectory() throws URISyntaxException {
		Path location = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path target = location.getParent();
		if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
			return target.getParent();
		}
		return Path.of("").toAbsolutePath();
	}

}
