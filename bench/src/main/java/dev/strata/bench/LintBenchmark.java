package dev.strata.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.strata.sql.SqlLexer;
import dev.strata.sql.SqlScript;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lint throughput, one pass over the whole generated corpus per operation, on one thread: the
 * lexer alone, the lexer and statement splitter ({@link SqlScript#parse}), and the floor, a plain
 * {@code String.split(";")} (which gets dollar-quoted bodies wrong, but is what "no parsing" costs).
 *
 * <p>The guard's stage: when {@code dev.strata.guard} exists, add a {@code lexSplitGuard} benchmark
 * that runs the guard over each parsed script, and list it in {@link LintScenario#BENCHMARKS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LintBenchmark {

	/** Corpus size in MiB (the run uses at least 50). */
	@Param("50")
	public int corpusMb;

	private List<String> scripts;

	@Setup(Level.Trial)
	public void generate() {
		this.scripts = Corpus.lintCorpus(this.corpusMb * 1024L * 1024L);
	}

	@Benchmark
	public long lexOnly() {
		long tokens = 0;
		for (int i = 0; i < this.scripts.size(); i++) {
			tokens += SqlLexer.tokenize("V" + i, this.scripts.get(i)).size();
		}
		return tokens;
	}

	@Benchmark
	public long lexAndSplit() {
		long statements = 0;
		for (int i = 0; i < this.scripts.size(); i++) {
			statements += SqlScript.parse("V" + i, this.scripts.get(i)).statements().size();
		}
		return statements;
	}

	@Benchmark
	public long splitOnSemicolon() {
		long pieces = 0;
		for (int i = 0; i < this.scripts.size(); i++) {
			pieces += this.scripts.get(i).split(";").length;
		}
		return pieces;
	}

}
