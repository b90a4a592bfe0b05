package dev.strata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * Adopting a Flyway history (issue 13): Flyway migrates the corpus of N files, then
 * Strata adopts its history ({@code strata.flyway.adopt=true}, every file's Flyway
 * checksum verified); the no-op restart afterwards is compared with Strata's own no-op on
 * a schema Strata migrated itself. A simple harness of its own, printed as Markdown:
 *
 * <pre>
 * ./mvnw -o -q -pl bench -am package -DskipTests
 * java -cp bench/target/strata-bench.jar dev.strata.bench.AdoptionBench [N] [trials]
 * </pre>
 */
public final class AdoptionBench {

	private static final int NOOP_WARMUP = 10;

	private static final int NOOP_REPEATS = 20;

	private AdoptionBench() {
	}

	public static void main(String[] args) throws Exception {
		Bench.quietTools();
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int trials = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		Path work = Path.of("bench/target/bench-work");
		Files.createDirectories(work);
		Path corpus = Corpus.write(work.resolve("corpus-" + n), n);
		PostgresServer server = PostgresServer.shared();
		List<Double> adoptions = new ArrayList<>();
		List<Double> adoptedNoops = new ArrayList<>();
		List<Double> ownNoops = new ArrayList<>();
		for (int trial = 0; trial <= trials; trial++) {
			try (TestDatabase flyway = server.createDatabase(); TestDatabase strata = server.createDatabase()) {
				new FlywayContestant().migrate(flyway.dataSource(), corpus);
				Strata adopting = strata(flyway.dataSource(), corpus, true);
				long start = System.nanoTime();
				MigrateResult result = adopting.migrate();
				double adoption = Bench.millis(start);
				if (result.adopted() == null || result.adopted().versioned() != n || !result.applied().isEmpty()) {
					throw new IllegalStateException("Adoption did not record " + n + " migrations: " + result);
				}
				new StrataContestant().migrate(strata.dataSource(), corpus);
				double adoptedNoop = noop(adopting);
				double ownNoop = noop(strata(strata.dataSource(), corpus, false));
				String label = (trial == 0) ? "warm-up" : "trial " + trial;
				System.out.printf(Locale.ROOT,
						"%s: adoption %.0f ms, no-op after adoption %.1f ms, own no-op %.1f ms%n", label, adoption,
						adoptedNoop, ownNoop);
				if (trial > 0) {
					adoptions.add(adoption);
					adoptedNoops.add(adoptedNoop);
					ownNoops.add(ownNoop);
				}
			}
		}
		System.out.println();
		System.out.println("| N | adoption (Flyway history → Strata, checksums verified) | no-op after adoption | "
				+ "Strata's own no-op |");
		System.out.println("|---:|---:|---:|---:|");
		System.out.printf(Locale.ROOT, "| %d | %s | %s | %s |%n", n, summary(adoptions, "%.0f"),
				summary(adoptedNoops, "%.1f"), summary(ownNoops, "%.1f"));
	}

	private static Strata strata(DataSource dataSource, Path corpus, boolean adopt) {
		return new Strata(
				StrataConfig.builder(dataSource).locations("filesystem:" + corpus).flywayAdopt(adopt).build());
	}

	/** The median of a warm no-op {@code migrate}, after warm-up runs. */
	private static double noop(Strata strata) {
		List<Double> times = new ArrayList<>();
		for (int i = 0; i < NOOP_WARMUP + NOOP_REPEATS; i++) {
			long start = System.nanoTime();
			MigrateResult result = strata.migrate();
			double time = Bench.millis(start);
			if (!result.applied().isEmpty() || result.adopted() != null) {
				throw new IllegalStateException("A no-op run did something: " + result);
			}
			if (i >= NOOP_WARMUP) {
				times.add(time);
			}
		}
		return Bench.median(times);
	}

	private static String summary(List<Double> values, String format) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, format + " ms (" + format + " – " + format + ")", Bench.median(values),
				sorted.get(0), sorted.get(sorted.size() - 1));
	}

}
