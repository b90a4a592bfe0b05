package dev.strata.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.strata.guard.GuardSettings;
import dev.strata.guard.TableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import dev.strata.sql.internal.SqlLexer;
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
 * Lint throughput, one pass over the whole generated corpus per operation, on one thread:
 * the lexer alone, the lexer and statement splitter ({@link SqlScript#parse}), the whole
 * lint without a database ({@link Lint#of}: parse, directives, transaction check and the
 * guard's verdict on every statement, as {@code Lint.run} does once the files are read),
 * and the floor, a plain {@code String.split(";")} (which gets dollar-quoted bodies
 * wrong, but is what "no parsing" costs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LintBenchmark {

	/** Corpus size in MiB (the run uses at least 50). */
	@Param("50")
	public int corpusMb;

	private List<String> scripts;

	/**
	 * The same scripts as migration files, built outside the timed part (no disk, no
	 * checksum).
	 */
	private List<Migration> files;

	@Setup(Level.Trial)
	public void generate() {
		this.scripts = Corpus.lintCorpus(this.corpusMb * 1024L * 1024L);
		this.files = new ArrayList<>(this.scripts.size());
		for (int i = 0; i < this.scripts.size(); i++) {
			String name = Corpus.fileName(i + 1);
			this.files.add(new SqlMigration(new MigrationFile(MigrationType.VERSIONED,
					Version.parse(Integer.toString(i + 1)), name, name, "bench:" + name, this.scripts.get(i), 0)));
		}
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

	/**
	 * Every statement judged by the guard with no table sizes, as {@code strata lint}
	 * does offline.
	 */
	@Benchmark
	public long lexSplitGuard() {
		return Lint.of(this.files, GuardSettings.DEFAULTS, TableSizes.NONE, LintScope.ALL)
			.migrations()
			.stream()
			.mapToLong((migration) -> migration.assessments().size())
			.sum();
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
