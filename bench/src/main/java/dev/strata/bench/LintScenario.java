package dev.strata.bench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import dev.strata.sql.SqlScript;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Scenario 4: runs {@link LintBenchmark} with JMH (one forked JVM, one thread) and turns
 * each measured pass over the corpus into MB/s (10^6 bytes of UTF-8) and statements/s,
 * where the statement count is what the splitter finds in the corpus.
 */
final class LintScenario {

	static final List<String> BENCHMARKS = List.of("lexOnly", "lexAndSplit", "lexSplitGuard", "splitOnSemicolon");

	private final Options options;

	private final Results results;

	LintScenario(Options options, Results results) {
		this.options = options;
		this.results = results;
	}

	void run() throws Exception {
		List<String> corpus = Corpus.lintCorpus(this.options.lintMb() * 1024L * 1024L);
		long bytes = 0;
		long statements = 0;
		for (int i = 0; i < corpus.size(); i++) {
			bytes += corpus.get(i).getBytes(StandardCharsets.UTF_8).length;
			statements += SqlScript.parse("V" + i, corpus.get(i)).statements().size();
		}
		String size = String.format("%.1f MB, %d scripts, %d statements", bytes / 1e6, corpus.size(), statements);
		this.results
			.note("Lint corpus: " + size + "; JMH single-shot, one fork, one thread, " + this.options.lintWarmup()
					+ " warm-up + " + this.options.lintIterations() + " measured passes per benchmark, -Xms2g -Xmx2g.");
		OptionsBuilder jmh = new OptionsBuilder();
		for (String benchmark : BENCHMARKS) {
			jmh.include(LintBenchmark.class.getName() + "\\." + benchmark + "$");
		}
		jmh.param("corpusMb", Integer.toString(this.options.lintMb()))
			.forks(1)
			.threads(1)
			.warmupIterations(this.options.lintWarmup())
			.measurementIterations(this.options.lintIterations())
			.jvmArgsAppend("-Xms2g", "-Xmx2g");
		Collection<RunResult> runs = new Runner(jmh.build()).run();
		for (RunResult run : runs) {
			String label = run.getParams().getBenchmark();
			label = label.substring(label.lastIndexOf('.') + 1);
			for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
				for (IterationResult iteration : benchmark.getIterationResults()) {
					double millis = iteration.getPrimaryResult().getScore();
					this.results.series("lint-time", "corpus", label, "ms").add(millis);
					this.results.series("lint-throughput", "corpus", label, "MB/s").add(bytes / 1e6 / (millis / 1e3));
					this.results.series("lint-statements", "corpus", label, "stmt/s").add(statements / (millis / 1e3));
				}
			}
		}
	}

}
