package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code RESULTS.md} (tables, ratios, targets, machine, method) and
 * {@code results.csv}.
 */
final class Report {

	private static final Map<String, String> TITLES = new LinkedHashMap<>();

	static {
		TITLES.put("apply", "1. Apply all N on an empty database (same JVM, timed around the tool's migrate call)");
		TITLES.put("apply-settled",
				"1c. Apply all N, until the tool's last work is done (Strata's snapshot, stored in the background, included)");
		TITLES.put("apply-cold", "1b. Apply all N in a fresh JVM (whole process, launch to exit)");
		TITLES.put("noop-warm", "2a. No-op, all N applied, warm JVM (repeated in the harness)");
		TITLES.put("noop-cold", "2b. No-op, all N applied, fresh JVM per trial (whole process, launch to exit)");
		TITLES.put("startup", "3. Start-up of a minimal Spring Boot web app, nothing pending (launch to \"started\")");
		TITLES.put("startup-overhead", "3b. Start-up overhead: with the tool minus without any tool, same round");
		TITLES.put("lint-time", "4. Lint: one pass over the corpus, one thread (JMH single-shot)");
		TITLES.put("lint-throughput", "4b. Lint throughput");
		TITLES.put("lint-statements", "4c. Lint statements per second (statements found by the splitter)");
		TITLES.put("drift", "5. Drift: schema snapshot of a large schema");
		TITLES.put("memory-apply-peak", "6a. Peak heap, apply, fresh JVM (sum of heap pools' peak usage)");
		TITLES.put("memory-apply-live", "6b. Live heap after apply (after a full GC)");
		TITLES.put("memory-noop-peak", "6c. Peak heap, no-op, fresh JVM (sum of heap pools' peak usage)");
		TITLES.put("memory-noop-live", "6d. Live heap after the no-op (after a full GC)");
	}

	private final Results results;

	private final Options options;

	private final Map<String, String> machine;

	Report(Results results, Options options, Map<String, String> machine) {
		this.results = results;
		this.options = options;
		this.machine = machine;
	}

	void write() throws IOException {
		Files.createDirectories(this.options.out());
		Files.writeString(this.options.out().resolve("results.csv"), csv(), StandardCharsets.UTF_8);
		Files.writeString(this.options.out().resolve("RESULTS.md"), markdown(), StandardCharsets.UTF_8);
	}

	String csv() {
		StringBuilder csv = new StringBuilder("scenario,size,contestant,unit,trial,value\n");
		for (Results.Series series : this.results.all()) {
			for (int i = 0; i < series.values().size(); i++) {
				csv.append(series.scenario())
					.append(',')
					.append(quote(series.size()))
					.append(',')
					.append(series.contestant())
					.append(',')
					.append(series.unit())
					.append(',')
					.append(i + 1)
					.append(',')
					.append(String.format(Locale.ROOT, "%.3f", series.values().get(i)))
					.append('\n');
			}
		}
		return csv.toString();
	}

	private static String quote(String value) {
		return value.contains(",") ? "\"" + value + "\"" : value;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Strata benchmarks: results\n\n");
		if (this.options.quick()) {
			md.append("> **QUICK SMOKE RUN — NOT A RESULT.** `--quick` (small N, few trials, small corpora), ")
				.append("run to check that the harness works, on a machine that may have been busy with other work. ")
				.append("Do not quote these numbers; the measured run uses the full defaults on a quiet machine.\n\n");
		}
		md.append("Command: `").append(this.options.commandLine()).append("`  \n");
		this.machine.forEach((key, value) -> md.append(key).append(": ").append(value).append("  \n"));
		md.append("Trials: ")
			.append(this.options.warmup())
			.append(" warm-up (discarded) + ")
			.append(this.options.trials())
			.append(" measured per contestant, contestants interleaved in every round; ")
			.append("warm no-op: ")
			.append(this.options.warmWarmup())
			.append(" discarded + ")
			.append(this.options.warmRepeats())
			.append(" measured.\n\n");
		md.append("Values are medians with min–max. Ratios are computed round by round (trial i of one contestant ")
			.append("against trial i of the reference, measured next to each other), then summarised the same way. ")
			.append("Compare ratios only within one run: on shared machines they move by ±25 % between runs.\n\n");
		targets(md);
		String currentScenario = null;
		for (Results.Series series : inReportOrder()) {
			if (!series.scenario().equals(currentScenario)) {
				currentScenario = series.scenario();
				md.append("\n## ").append(TITLES.getOrDefault(currentScenario, currentScenario)).append("\n\n");
				md.append("| size | contestant | median | min – max | × plain JDBC | × Flyway |\n");
				md.append("|---|---|---:|---:|---:|---:|\n");
			}
			Results.Summary summary = series.summary();
			md.append("| ")
				.append(series.size())
				.append(" | ")
				.append(series.contestant())
				.append(" | ")
				.append(number(summary.median()))
				.append(' ')
				.append(series.unit())
				.append(" | ")
				.append(number(summary.min()))
				.append(" – ")
				.append(number(summary.max()))
				.append(" | ")
				.append(ratio(series, "jdbc"))
				.append(" | ")
				.append(ratio(series, "flyway"))
				.append(" |\n");
		}
		md.append("\n## Notes\n\n");
		for (String note : this.results.notes()) {
			md.append("- ").append(note).append('\n');
		}
		md.append("- Raw values: `results.csv` (one row per measured trial).\n");
		md.append("- Profiling of missed targets, with before and after: `RESULTS-migrate-profiling.md` (apply,"
				+ " no-op) and `RESULTS-lint-profiling.md` (lint). The pg_dump reference for drift, measured on a"
				+ " PostgreSQL 15 server whose pg_dump exists here: `RESULTS-drift-pg15.md`.\n");
		return md.toString();
	}

	/**
	 * Grouped by scenario in the order of {@link #TITLES}, in measuring order within a
	 * scenario.
	 */
	private List<Results.Series> inReportOrder() {
		List<String> order = new ArrayList<>(TITLES.keySet());
		List<Results.Series> sorted = new ArrayList<>(this.results.all());
		sorted.sort(java.util.Comparator.comparingInt((Results.Series series) -> {
			int index = order.indexOf(series.scenario());
			return (index < 0) ? order.size() : index;
		}));
		return sorted;
	}

	private String ratio(Results.Series series, String reference) {
		if (series.contestant().equals(reference)) {
			return "1";
		}
		Optional<Results.Series> other = this.results.find(series.scenario(), series.size(), reference);
		if (other.isEmpty() || series.scenario().startsWith("startup-overhead")) {
			return "–";
		}
		return series.ratioTo(other.get())
			.map((s) -> String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", s.median(), s.min(), s.max()))
			.orElse("–");
	}

	private void targets(StringBuilder md) {
		int n = this.options.largestSize();
		String size = "N=" + n;
		List<String[]> rows = new ArrayList<>();
		pairTarget(rows, "noop-cold", size, "jdbc", 1.5, "no-op, fresh JVM, " + size + ": ≤ 1.5 × plain JDBC");
		pairTarget(rows, "noop-cold", size, "flyway", 0.5, "no-op, fresh JVM, " + size + ": ≤ 0.5 × Flyway");
		pairTarget(rows, "apply", size, "jdbc", 1.2, "apply, " + size + ": ≤ 1.2 × plain JDBC");
		if (this.results.find("apply", "N=10", "strata").isPresent()) {
			pairTarget(rows, "apply", "N=10", "jdbc", 1.5, "apply, N=10: ≤ 1.5 × plain JDBC (issue 11 item 8)");
		}
		pairTarget(rows, "apply", size, "flyway", 0.7, "apply, " + size + ": ≤ 0.7 × Flyway");
		String startupSize = "N=" + this.options.startupN();
		Optional<Results.Series> strataOverhead = this.results.find("startup-overhead", startupSize, "strata");
		Optional<Results.Series> flywayOverhead = this.results.find("startup-overhead", startupSize, "flyway");
		if (strataOverhead.isPresent() && flywayOverhead.isPresent()) {
			double strata = strataOverhead.get().summary().median();
			double flyway = flywayOverhead.get().summary().median();
			double ratio = strata / flyway;
			rows.add(new String[] { "start-up overhead, " + startupSize + ": < 0.5 × Flyway's overhead",
					String.format(Locale.ROOT, "%.0f ms vs %.0f ms = %.2f× (medians)", strata, flyway, ratio),
					(flyway > 0 && ratio < 0.5) ? "met" : "MISSED" });
		}
		this.results.find("lint-throughput", "corpus", "lexSplitGuard").ifPresent((series) -> {
			double mbps = series.summary().median();
			rows.add(new String[] { "lint (lexer + splitter + guard, lexSplitGuard): ≥ 100 MB/s on one core",
					String.format(Locale.ROOT, "%.0f MB/s", mbps), mbps >= 100 ? "met" : "MISSED" });
		});
		driftTarget(rows);
		md.append("## Targets (ratios from this run)\n\n| target | measured | verdict |\n|---|---|---|\n");
		for (String[] row : rows) {
			md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
		}
		if (this.options.quick() || n < 1000) {
			md.append("\nThe targets are stated for N = 1,000; this run's largest N is ")
				.append(n)
				.append(", so the verdicts above say nothing about them.\n");
		}
	}

	private void driftTarget(List<String[]> rows) {
		String size = "tables=" + this.options.driftTables();
		String label = "drift, " + this.options.driftTables() + " tables: faster than pg_dump --schema-only";
		Optional<Results.Series> check = this.results.find("drift", size, "strata-check");
		Optional<Results.Series> dump = this.results.find("drift", size, "pg_dump");
		if (check.isEmpty()) {
			return;
		}
		if (dump.isEmpty()) {
			rows.add(new String[] { label, String.format(Locale.ROOT,
					"strata check %.0f ms; pg_dump of this server's major version not available here (see notes)",
					check.get().summary().median()), "open" });
			return;
		}
		double strata = check.get().summary().median();
		double pgDump = dump.get().summary().median();
		rows.add(new String[] { label,
				String.format(Locale.ROOT, "%.0f ms vs %.0f ms = %.2f× (medians)", strata, pgDump, strata / pgDump),
				(strata < pgDump) ? "met" : "MISSED" });
	}

	private void pairTarget(List<String[]> rows, String scenario, String size, String reference, double limit,
			String label) {
		Optional<Results.Series> strata = this.results.find(scenario, size, "strata");
		Optional<Results.Series> other = this.results.find(scenario, size, reference);
		if (strata.isEmpty() || other.isEmpty()) {
			return;
		}
		strata.get()
			.ratioTo(other.get())
			.ifPresent((ratio) -> rows.add(new String[] { label,
					String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", ratio.median(), ratio.min(), ratio.max()),
					ratio.median() <= limit ? "met" : "MISSED" }));
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
