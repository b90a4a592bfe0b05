package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options. {@code --quick} is a smoke test (N = 10 and 100, 2 trials, small
 * lint and drift corpora), never a result.
 */
record Options(boolean quick, List<Integer> sizes, int trials, int warmup, int warmRepeats, int warmWarmup,
		Set<String> scenarios, int startupN, int lintMb, int lintWarmup, int lintIterations, int driftTables, Path out,
		List<String> childJvmOptions, String commandLine) {

	static final Set<String> ALL_SCENARIOS = Set.of("apply", "noop", "startup", "lint", "drift", "memory");

	/** Environment added for child JVMs. */
	static final Map<String, String> CHILD_ENVIRONMENT = Map.of();

	static final String USAGE = """
			usage: java -jar bench/target/strata-bench.jar [options]
			  --quick               smoke test: N=10,100; 1 warm-up + 2 trials; 8 MiB lint corpus; 200 drift tables
			  --sizes=10,100,1000   migration counts (default 10,100,1000)
			  --trials=5            measured trials per contestant (default 5; at least 5 for real results)
			  --warmup=2            discarded warm-up trials (default 2)
			  --warm-repeats=20     measured repetitions of the warm no-op (default 20, after 10 discarded)
			  --scenarios=LIST      any of apply,noop,startup,lint,drift,memory (default all)
			  --startup-n=1000      migrations behind the start-up scenario (default 1000)
			  --lint-mb=50          lint corpus size in MiB (default 50)
			  --drift-tables=2000   tables in the drift schema (default 2000)
			  --out=DIR             where RESULTS.md and results.csv go (default: the bench module)
			""";

	static Options parse(String[] args, Path defaultOut) {
		boolean quick = Arrays.asList(args).contains("--quick");
		List<Integer> sizes = quick ? List.of(10, 100) : List.of(10, 100, 1000);
		int trials = quick ? 2 : 5;
		int warmup = quick ? 1 : 2;
		int warmRepeats = quick ? 3 : 20;
		int warmWarmup = quick ? 2 : 10;
		Set<String> scenarios = new LinkedHashSet<>(List.of("apply", "noop", "startup", "lint", "drift", "memory"));
		int startupN = quick ? 100 : 1000;
		int lintMb = quick ? 8 : 50;
		// 8, not 3: G1 grows the young generation over the first passes, and the first
		// touch of its pages
		// (about 0.6 ms per MB) would land in the measured ones
		// (bench/RESULTS-lint-profiling.md, round 2)
		int lintWarmup = quick ? 1 : 8;
		int lintIterations = quick ? 2 : 5;
		int driftTables = quick ? 200 : 2000;
		Path out = defaultOut;
		for (String arg : args) {
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			switch (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg) {
				case "--quick" -> {
				}
				case "--sizes" ->
					sizes = Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
				case "--trials" -> trials = Integer.parseInt(value);
				case "--warmup" -> warmup = Integer.parseInt(value);
				case "--warm-repeats" -> warmRepeats = Integer.parseInt(value);
				case "--scenarios" -> {
					scenarios = new LinkedHashSet<>(Arrays.stream(value.split(",")).map(String::strip).toList());
					if (!ALL_SCENARIOS.containsAll(scenarios)) {
						throw new IllegalArgumentException("Unknown scenario in " + value + "\n" + USAGE);
					}
				}
				case "--startup-n" -> startupN = Integer.parseInt(value);
				case "--lint-mb" -> lintMb = Integer.parseInt(value);
				case "--drift-tables" -> driftTables = Integer.parseInt(value);
				case "--out" -> out = Path.of(value);
				case "--help", "-h" -> {
					System.out.print(USAGE);
					System.exit(0);
				}
				default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
			}
		}
		if (trials < 1 || warmup < 0) {
			throw new IllegalArgumentException("--trials must be at least 1 and --warmup at least 0");
		}
		List<String> childJvmOptions = new ArrayList<>(List.of("-Dliquibase.analytics.enabled=false"));
		String commandLine = "java -jar bench/target/strata-bench.jar"
				+ (args.length == 0 ? "" : " " + String.join(" ", args));
		return new Options(quick, List.copyOf(sizes), trials, warmup, warmRepeats, warmWarmup, Set.copyOf(scenarios),
				startupN, lintMb, lintWarmup, lintIterations, driftTables, out, List.copyOf(childJvmOptions),
				commandLine);
	}

	boolean runs(String scenario) {
		return this.scenarios.contains(scenario);
	}

	int largestSize() {
		return this.sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
	}

}
