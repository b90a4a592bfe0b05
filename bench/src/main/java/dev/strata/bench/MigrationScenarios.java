package dev.strata.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * Scenarios 1, 2 and 6: apply all N on a fresh database; the no-op with all N applied, in
 * this (warm) JVM and in a fresh JVM per trial; peak heap of apply and no-op in the fresh
 * JVM. Every round runs the contestants one after another (A B C D A B C D …); a check
 * after every trial fails the run if the work was not done.
 */
final class MigrationScenarios {

	private final PostgresServer server;

	private final Options options;

	private final Results results;

	private final List<Contestant> contestants = Contestant.all();

	MigrationScenarios(PostgresServer server, Options options, Results results) {
		this.server = server;
		this.options = options;
		this.results = results;
	}

	/** Scenario 1: every trial gets a fresh database, the migrations are all pending. */
	void apply(int n, Path corpus) throws Exception {
		String size = "N=" + n;
		int rounds = this.options.warmup() + this.options.trials();
		for (int round = 0; round < rounds; round++) {
			boolean measured = round >= this.options.warmup();
			for (Contestant contestant : this.contestants) {
				try (TestDatabase database = this.server.createDatabase()) {
					DataSource dataSource = database.dataSource();
					long started = System.nanoTime();
					int applied = contestant.migrate(dataSource, corpus);
					long nanos = System.nanoTime() - started;
					contestant.settle();
					long settled = System.nanoTime() - started;
					Bench.verifyReported(contestant, applied, n, "apply " + size);
					Bench.verifyApplied(contestant, dataSource, n, "apply " + size);
					if (measured) {
						this.results.series("apply", size, contestant.name(), "ms").add(nanos / 1e6);
						this.results.series("apply-settled", size, contestant.name(), "ms").add(settled / 1e6);
					}
					progress("apply", size, contestant, round, nanos);
				}
			}
		}
	}

	/**
	 * Scenario 2: one database per contestant with all N applied (untimed), then the
	 * no-op, first repeated in this JVM, then in a fresh JVM per trial (whose peak heap
	 * is scenario 6 at the largest N).
	 */
	void noop(int n, Path corpus, boolean warm, boolean cold, boolean memory) throws Exception {
		String size = "N=" + n;
		Map<Contestant, TestDatabase> databases = new LinkedHashMap<>();
		try {
			for (Contestant contestant : this.contestants) {
				TestDatabase database = this.server.createDatabase();
				databases.put(contestant, database);
				contestant.migrate(database.dataSource(), corpus);
				Bench.verifyApplied(contestant, database.dataSource(), n, "no-op set-up " + size);
			}
			if (warm) {
				int rounds = this.options.warmRepeats() + this.options.warmWarmup();
				for (int round = 0; round < rounds; round++) {
					for (Contestant contestant : this.contestants) {
						DataSource dataSource = databases.get(contestant).dataSource();
						long started = System.nanoTime();
						int applied = contestant.migrate(dataSource, corpus);
						long nanos = System.nanoTime() - started;
						Bench.verifyReported(contestant, applied, 0, "no-op (warm) " + size);
						Bench.verifyApplied(contestant, dataSource, n, "no-op (warm) " + size);
						if (round >= this.options.warmWarmup()) {
							this.results.series("noop-warm", size, contestant.name(), "ms").add(nanos / 1e6);
						}
					}
				}
				System.out.printf("noop-warm %s done%n", size);
			}
			if (cold) {
				int rounds = this.options.warmup() + this.options.trials();
				for (int round = 0; round < rounds; round++) {
					for (Contestant contestant : this.contestants) {
						TestDatabase database = databases.get(contestant);
						ChildJvm.Outcome outcome = coldRun(contestant, database, corpus);
						outcome.requireSuccess("no-op (cold) " + size + " " + contestant.name());
						Bench.verifyReported(contestant, Integer.parseInt(outcome.value("applied")), 0,
								"no-op (cold) " + size);
						Bench.verifyApplied(contestant, database.dataSource(), n, "no-op (cold) " + size);
						if (round >= this.options.warmup()) {
							this.results.series("noop-cold", size, contestant.name(), "ms").add(outcome.nanos() / 1e6);
							if (memory) {
								recordHeap("memory-noop", size, contestant, outcome);
							}
						}
						progress("noop-cold", size, contestant, round, outcome.nanos());
					}
				}
			}
		}
		finally {
			databases.values().forEach(TestDatabase::close);
		}
	}

	/** Scenario 6 (apply half) and, as a by-product, apply timed as a whole fresh JVM. */
	void applyCold(int n, Path corpus) {
		String size = "N=" + n;
		int rounds = this.options.warmup() + this.options.trials();
		for (int round = 0; round < rounds; round++) {
			for (Contestant contestant : this.contestants) {
				try (TestDatabase database = this.server.createDatabase()) {
					ChildJvm.Outcome outcome = coldRun(contestant, database, corpus);
					outcome.requireSuccess("apply (cold) " + size + " " + contestant.name());
					Bench.verifyReported(contestant, Integer.parseInt(outcome.value("applied")), n,
							"apply (cold) " + size);
					Bench.verifyApplied(contestant, database.dataSource(), n, "apply (cold) " + size);
					if (round >= this.options.warmup()) {
						this.results.series("apply-cold", size, contestant.name(), "ms").add(outcome.nanos() / 1e6);
						recordHeap("memory-apply", size, contestant, outcome);
					}
					progress("apply-cold", size, contestant, round, outcome.nanos());
				}
			}
		}
	}

	private void recordHeap(String scenario, String size, Contestant contestant, ChildJvm.Outcome outcome) {
		this.results.series(scenario + "-peak", size, contestant.name(), "MB")
			.add(Long.parseLong(outcome.value("heapPeakBytes")) / 1e6);
		this.results.series(scenario + "-live", size, contestant.name(), "MB")
			.add(Long.parseLong(outcome.value("heapLiveBytes")) / 1e6);
	}

	/**
	 * {@code java -cp <runtime classpath> dev.strata.bench.ColdRun <contestant> <url> <user> <password>
	 *
	<dir>
	 * }.
	 */
	private ChildJvm.Outcome coldRun(Contestant contestant, TestDatabase database, Path corpus) {
		List<String> command = new ArrayList<>();
		command.add(ChildJvm.java());
		command.addAll(this.options.childJvmOptions());
		command.add("-cp");
		command.add(ChildJvm.join(ChildJvm.classpath()));
		command.add(ColdRun.class.getName());
		command.add(contestant.name());
		command.add(database.jdbcUrl());
		command.add(database.username());
		command.add(database.password());
		command.add(corpus.toString());
		return ChildJvm.run(command, Options.CHILD_ENVIRONMENT, null, 600);
	}

	private void progress(String scenario, String size, Contestant contestant, int round, long nanos) {
		System.out.printf("%-10s %-7s round %2d %-9s %9.1f ms%s%n", scenario, size, round + 1, contestant.name(),
				nanos / 1e6, round < this.options.warmup() ? " (warm-up)" : "");
	}

}
